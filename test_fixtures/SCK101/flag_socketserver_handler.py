# SCK101 flag: self.request in a socketserver.BaseRequestHandler subclass is a known socket; its line loop ignores EOF.
import socketserver


class LineHandler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        pending = b""
        while True:
            pending += self.request.recv(1024)  # expect: SCK101
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                self.request.sendall(self.process(line) + b"\n")

    def process(self, line: bytes) -> bytes:
        return line.strip().upper()


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    with Server(("", 9999), LineHandler) as server:
        server.serve_forever()

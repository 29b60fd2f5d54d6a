# SCK401 flag: a TCP server resets SIGPIPE to SIG_DFL at import; a client reset during sendall() kills the process silently.
import signal
import socketserver

signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # expect: SCK401


class GreetingHandler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        name = self.rfile.readline().strip().decode("utf-8", "replace")
        self.request.sendall(f"hello {name}\n".encode("utf-8"))


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    with Server(("", 9000), GreetingHandler) as server:
        server.serve_forever()

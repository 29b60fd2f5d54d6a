# SCK401 ok: a socket server that keeps SIGPIPE ignored (SIG_IGN) and resets only SIGINT/SIGTERM to SIG_DFL.
import signal
import socketserver

signal.signal(signal.SIGPIPE, signal.SIG_IGN)
signal.signal(signal.SIGINT, signal.SIG_DFL)
signal.signal(signal.SIGTERM, signal.SIG_DFL)


class EchoHandler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        while True:
            try:
                data = self.request.recv(4096)
            except ConnectionResetError:
                return
            if not data:
                return
            try:
                self.request.sendall(data)
            except BrokenPipeError:
                return


if __name__ == "__main__":
    with socketserver.ThreadingTCPServer(("", 7007), EchoHandler) as server:
        server.serve_forever()

# SCK502 ok: a non-blocking listener polled with no wait. Every idle pass fails with EAGAIN
# and goes round at once; EMFILE takes the same path at the same rate, so an errno test
# would not change what the loop costs (the busy poll itself is another matter).
import socket


class Server:
    def __init__(self, port: int) -> None:
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("", port))
        self.server.setblocking(False)

    def run(self) -> None:
        self.server.listen(5)
        while True:
            try:
                client, addr = self.server.accept()
                client.setblocking(True)
                self.start(client)
            except OSError:
                pass
            self.work()

    def start(self, client: socket.socket) -> None:
        client.close()

    def work(self) -> None:
        pass

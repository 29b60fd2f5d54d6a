# SCK501 flag: a non-blocking drain loop that stops on BlockingIOError but lets ConnectionAbortedError escape.
import socket


class Acceptor:
    def __init__(self, port: int, backlog: int = 128) -> None:
        self.listener = socket.create_server(("", port), backlog=backlog)
        self.listener.setblocking(False)
        self.backlog = backlog

    def on_readable(self, callback) -> None:
        for _ in range(self.backlog):
            try:
                conn, addr = self.listener.accept()  # expect: SCK501
            except BlockingIOError:
                return
            callback(conn, addr)

# SCK501 ok: the host is `host or "127.0.0.1"` with `host=None` by default: the server
# listens on this host unless a caller says otherwise, in place or through the attribute.
import socket


class Server:
    def __init__(self, host=None, port=0):
        self.host = host or "127.0.0.1"
        self.port = port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    def serve(self):
        self.listener.bind((self.host, self.port))
        self.listener.listen(5)
        while True:
            conn, _ = self.listener.accept()
            conn.close()


def serve(host=None, port=0):
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host or "localhost", port))
    listener.listen(5)
    while True:
        conn, _ = listener.accept()
        conn.close()

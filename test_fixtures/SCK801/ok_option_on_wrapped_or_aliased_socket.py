# SCK801 ok: SO_REUSEADDR set on the socket an SSL wrapper or another name was made from, before the bind().
import socket
import ssl


def ssl_server(port, certfile):
    raw = socket.socket()
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    secure = ssl.wrap_socket(raw, certfile=certfile)
    secure.bind(("", port))
    secure.listen(5)
    return secure


def context_server(port, context):
    raw = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    with context.wrap_socket(raw, server_side=True) as secure:
        secure.bind(("", port))
        secure.listen(5)


class Server:
    def start(self, host, port):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener = sock
        self.listener.bind((host, port))
        self.listener.listen(10)

    def start_alias(self, host, port):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener = sock
        listener.bind((host, port))
        listener.listen(10)

# SCK801 flag: an SSL wrapper or alias of a socket with no SO_REUSEADDR, or with it set on another socket or after the bind().
import socket
import ssl


def ssl_server(port, certfile):
    raw = socket.socket()
    secure = ssl.wrap_socket(raw, certfile=certfile)
    secure.bind(("", port))  # expect: SCK801
    secure.listen(5)
    return secure


def option_on_another_socket(port, other):
    raw = socket.socket()
    other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    secure = ssl.wrap_socket(raw)
    secure.bind(("", port))  # expect: SCK801
    secure.listen(5)
    conn, _ = secure.accept()
    conn.close()


class Server:
    def start(self, host, port):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener = sock
        self.listener.bind((host, port))  # expect: SCK801
        self.listener.listen(10)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

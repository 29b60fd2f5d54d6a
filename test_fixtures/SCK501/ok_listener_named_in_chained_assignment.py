# SCK501 ok: the listener is stored in the same statement that names it locally
# (`lsock = self.listen_socket = socket.socket()`): one object under both
# names, so the local name's bind() is the attribute's. Its host is the
# command line's --ip, loopback unless the user says otherwise.
import socket
from argparse import ArgumentParser


class SocksServer:
    def __init__(self, ip, port):
        self.ip = ip
        self.port = port
        self.listen_socket = None

    def __enter__(self):
        lsock = self.listen_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        lsock.bind((self.ip, self.port))
        lsock.listen(5)
        return self

    def __exit__(self, *exc_info):
        self.listen_socket.close()

    def serve(self):
        while True:
            conn, _ = self.listen_socket.accept()
            conn.close()


def main():
    parser = ArgumentParser()
    parser.add_argument("-i", "--ip", default="127.0.0.1")
    parser.add_argument("-p", "--port", default=1080, type=int)
    args = parser.parse_args()
    with SocksServer(args.ip, args.port) as server:
        server.serve()

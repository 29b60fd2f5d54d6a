# SCK501 flag: the same chained assignment on a listener whose --ip defaults to every
# interface: remote clients reach it, and a reset while queued ends the loop.
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
            conn, _ = self.listen_socket.accept()  # expect: SCK501
            conn.close()


def main():
    parser = ArgumentParser()
    parser.add_argument("-i", "--ip", default="0.0.0.0")
    parser.add_argument("-p", "--port", default=1080, type=int)
    args = parser.parse_args()
    with SocksServer(args.ip, args.port) as server:
        server.serve()

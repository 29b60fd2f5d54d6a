# SCK501 ok: the parsed command-line options are handed to the function that listens, and
# the option it binds defaults to loopback: unless the user says otherwise, only programs
# on this host connect. The parser's function returns the options through a local name.
import argparse
import socket


def parse(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("--listen", default="127.0.0.1", metavar="ADDR")
    ap.add_argument("--tcp", type=int, default=5025)
    a = ap.parse_args(argv)
    return a


def serve_tcp(a, handle) -> None:
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((a.listen, a.tcp))
    srv.listen(8)
    while True:
        conn, _ = srv.accept()
        handle(conn)


def main(argv=None) -> None:
    a = parse(argv)
    serve_tcp(a, print)

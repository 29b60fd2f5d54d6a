# SCK501: parsed options handed to the function that listens are followed only when every
# caller passes them. Here one caller passes options of its own making, and the other's
# option listens on every interface by default.
import argparse
import socket
import types


def parse(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("--listen", default="0.0.0.0")
    ap.add_argument("--tcp", type=int, default=5025)
    return ap.parse_args(argv)


def serve_tcp(a, handle) -> None:
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((a.listen, a.tcp))
    srv.listen(8)
    while True:
        conn, _ = srv.accept()  # expect: SCK501
        handle(conn)


def serve_local(a, handle) -> None:
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((a.listen, a.tcp))
    srv.listen(8)
    while True:
        conn, _ = srv.accept()  # expect: SCK501
        handle(conn)


def main(argv=None) -> None:
    a = parse(argv)
    serve_tcp(a, print)
    serve_local(a, print)
    serve_local(types.SimpleNamespace(listen="0.0.0.0", tcp=1), print)

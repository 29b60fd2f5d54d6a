# SCK501 ok: the host is loopback unless the command line says otherwise: an arm that reads
# sys.argv when it is long enough, else loopback (in the function or as a module constant),
# and a flag that is off unless given choosing between every interface and loopback.
import argparse
import socket
import sys

HOST = sys.argv[1] if len(sys.argv) > 1 else "localhost"


def serve_constant(handle) -> None:
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((HOST, 5000))
    srv.listen()
    while True:
        conn, _ = srv.accept()
        handle(conn)


def serve_argument(handle) -> None:
    host = sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1"
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((host, 5000))
    srv.listen()
    while True:
        conn, _ = srv.accept()
        handle(conn)


def _options():
    parser = argparse.ArgumentParser()
    parser.add_argument("-g", action="store_true", help="listen on every interface")
    parser.add_argument("--local-only", dest="public", action="store_false")
    return parser.parse_args()


def serve_flag(handle) -> None:
    args = _options()
    srv = socket.create_server(("" if args.g else "127.0.0.1", 5000))
    while True:
        conn, _ = srv.accept()
        handle(conn)


def serve_negated_flag(handle) -> None:
    args = _options()
    srv = socket.create_server(("127.0.0.1" if not args.g else "", 5001))
    while True:
        conn, _ = srv.accept()
        handle(conn)


def serve_flag_on_by_default(handle) -> None:
    args = _options()
    srv = socket.create_server(("::1" if args.public else "0.0.0.0", 5002))
    while True:
        conn, _ = srv.accept()
        handle(conn)

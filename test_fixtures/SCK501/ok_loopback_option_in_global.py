# SCK501 ok: the parsed options kept in a module global (a None placeholder at the top,
# filled by parse_args() in main() under ``global args``): --listen defaults to loopback.
import argparse
import socket

args = None


def serve(handle) -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((args.listen, args.port))
    server.listen()
    while True:
        conn, _ = server.accept()
        handle(conn)


def main(handle) -> None:
    global args
    parser = argparse.ArgumentParser()
    parser.add_argument("-l", "--listen", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, default=9000)
    args = parser.parse_args()
    serve(handle)

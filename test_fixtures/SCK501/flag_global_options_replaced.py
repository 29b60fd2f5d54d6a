# SCK501 flag: the module global holds the parsed options in main() but something else
# where reload() replaces it, so its host is not the option's default.
import argparse
import json
import socket

args = None


def serve(handle) -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((args.listen, args.port))
    server.listen()
    while True:
        conn, _ = server.accept()  # expect: SCK501
        handle(conn)


def reload(path: str) -> None:
    global args
    with open(path) as config:
        args = argparse.Namespace(**json.load(config))


def main(handle) -> None:
    global args
    parser = argparse.ArgumentParser()
    parser.add_argument("-l", "--listen", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, default=9000)
    args = parser.parse_args()
    serve(handle)

# SCK501 ok: every call of the module's `start_server` passes an option that defaults to
# loopback; `transport.start_server(...)` inside it is another object's method of the same
# name, not a call of the module's function, so the callers stay in sight.
import argparse
import socket

HOST, PORT = "localhost", 3373


def start_server(host, port, transport):
    server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
    server_socket.bind((host, port))
    server_socket.listen(10)
    while True:
        conn, _ = server_socket.accept()
        transport.start_server(conn)


def main(transport):
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", dest="host", default=HOST)
    parser.add_argument("-p", "--port", dest="port", type=int, default=PORT)
    args = parser.parse_args()
    start_server(args.host, args.port, transport)

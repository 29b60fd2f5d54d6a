# SCK501: the arm the program takes unless the command line says otherwise listens on
# every interface, or which arm that is cannot be told: reported.
import argparse
import socket
import sys


def _options():
    parser = argparse.ArgumentParser()
    parser.add_argument("--local", action="store_true")
    parser.add_argument("--where", default="lan")
    return parser.parse_args()


def serve_public_by_default(handle) -> None:
    args = _options()
    srv = socket.create_server(("127.0.0.1" if args.local else "", 5000))
    while True:
        conn, _ = srv.accept()  # expect: SCK501
        handle(conn)


def serve_wildcard_without_arguments(handle) -> None:
    host = "0.0.0.0" if len(sys.argv) < 2 else sys.argv[1]
    srv = socket.create_server((host, 5001))
    while True:
        conn, _ = srv.accept()  # expect: SCK501
        handle(conn)


def serve_by_a_test_of_the_value(handle) -> None:
    args = _options()
    srv = socket.create_server(("localhost" if args.where == "home" else "", 5002))
    while True:
        conn, _ = srv.accept()  # expect: SCK501
        handle(conn)


def serve_neither_arm_from_the_command_line(handle) -> None:
    host = "localhost" if len(sys.argv) > 2 else "0.0.0.0"
    srv = socket.create_server((host, 5003))
    while True:
        conn, _ = srv.accept()  # expect: SCK501
        handle(conn)

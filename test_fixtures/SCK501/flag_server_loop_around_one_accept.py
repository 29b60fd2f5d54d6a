# SCK501 flag: the inner loop leaves after one accept, but a server loop around it accepts
# again and again: ConnectionAbortedError escapes both.
import socket
import sys


def serve(listener: socket.socket, wait_readable, handle) -> None:
    while True:
        while True:
            try:
                conn, _ = listener.accept()  # expect: SCK501
                break
            except BlockingIOError:
                wait_readable(listener)
        handle(conn)


def serve_sessions(port: int) -> None:
    # the session handler ends the program on one path only: it returns on the other
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("", port))
    s.listen(5)
    while True:
        client, addr = s.accept()  # expect: SCK501
        run_session(client)


def run_session(client: socket.socket) -> None:
    if client.recv(1) == b"q":
        client.close()
        return
    client.sendall(b"bye\n")
    sys.exit(0)

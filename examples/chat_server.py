"""A small chat relay with the socket mistakes lint-sockets is built to find.

Run `lint-sockets examples/chat_server.py` to see them; each finding names the rule,
and `lint-sockets rule CODE` explains it.
"""

import logging
import select
import signal
import socket

log = logging.getLogger("chat")

# Quiet "Broken pipe" tracebacks... and die silently when a client resets instead.
signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def relay(listener: socket.socket) -> None:
    clients = []
    while True:
        readable, _, _ = select.select([listener] + clients, [], [])
        for sock in readable:
            if sock is listener:
                try:
                    conn, addr = listener.accept()
                except OSError:
                    log.exception("accept failed")
                    continue
                conn.setblocking(False)
                clients.append(conn)
                continue
            message = sock.recv(4096)
            for other in clients:
                if other is not sock:
                    other.sendall(message)


def read_exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        data += sock.recv(size - len(data))
    return data


def main() -> None:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 9000))
    listener.listen()
    relay(listener)


if __name__ == "__main__":
    main()

# SCK901 flag: the message text names another error (or is not the exception's message), so
# on Linux and macOS nothing catches the port in use.
import socket


def bind_first_free(sock: socket.socket, port: int, note: str) -> int:
    while True:
        try:
            sock.bind(("", port))
            return port
        except OSError as e:
            if e.errno == 10048 or "refused" in str(e).lower():  # expect: SCK901
                port += 1
                continue
            if e.errno == 10048 or "already in use" in note:  # expect: SCK901
                port += 2
                continue
            raise

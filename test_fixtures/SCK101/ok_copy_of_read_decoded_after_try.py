# SCK101 ok: the read ends a `try` body, and the statements after the `try` only bind names
# (a copy of the read, a flag) before the copy is indexed: `b""[-1]` raises IndexError,
# which leaves the loop, so an empty read never goes round.
import socket


def pump(sock: socket.socket, on_message) -> None:
    while True:
        try:
            data = sock.recv(2048)
        except OSError:
            break
        result = data
        done = False
        if result[-1] == 0x4:
            done = True
        on_message(result, done)


def pump_none_test(sock: socket.socket, on_message) -> None:
    # `data is None` is never true of a read, and its branch only raises: it runs nothing,
    # and the copy is indexed next (IndexError on b"")
    while True:
        try:
            data = sock.recv(2048)
            if data is None: raise ConnectionError("closed")
        except OSError:
            break
        result = data
        if result[-1] == 0x4:
            on_message(result)

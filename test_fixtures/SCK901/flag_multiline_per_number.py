# SCK901 flag: one finding per number, each on its own line (Linux and BSD values), through a name bound from e.errno / e.args[0].
import errno
import socket


def read_some(sock: socket.socket, n: int) -> bytes:
    try:
        return sock.recv(n)
    except OSError as exc:
        code = exc.errno
        if code in (
            errno.ECONNRESET,
            54,  # macOS's ECONNRESET, next to errno.ECONNRESET: not reported
            103,  # expect: SCK901
            53,  # expect: SCK901
        ):
            return b""
        raise


def send_some(sock: socket.socket, data: bytes) -> int:
    try:
        return sock.send(data)
    except OSError as e:
        err = e.args[0]
        if err == 11:  # expect: SCK901
            return 0
        raise

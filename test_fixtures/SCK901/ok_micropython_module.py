# SCK901 ok: a module that imports MicroPython's own modules at its top level runs on
# MicroPython, whose ports number errnos as Linux does (MicroPython's own table: EAGAIN 11,
# ECONNRESET 104, ETIMEDOUT 110), on every board.
import usocket as socket
import utime


def read_frame(sock: socket.socket) -> bytes:
    while True:
        try:
            return sock.recv(64)
        except OSError as e:
            if e.args[0] == 110:
                raise TimeoutError("recv timed out")
            if e.args[0] == 11:
                utime.sleep_ms(10)
                continue
            raise

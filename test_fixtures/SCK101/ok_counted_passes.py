# SCK101 ok: a loop whose condition looks at a counter that every pass steps by an amount
# the reads do not decide ends after a fixed number of passes, end of file or not (that
# it keeps going on short reads is another bug, not a spin).
import socket
import time


class Receiver:
    def __init__(self, conn: socket.socket, packet_size: int) -> None:
        self.conn = conn
        self.packet_size = packet_size

    def receive_blob(self, total: int) -> bytes:
        blob = b""
        start = 0
        size = self.packet_size
        while start < total:
            if start + self.packet_size > total:
                size = total - start
            blob += self.conn.recv(size)
            start += size
            time.sleep(0.01)
        return blob

    def receive_fixed(self, remaining: int) -> bytes:
        blob = b""
        while remaining > 0:
            blob += self.conn.recv(4096)
            remaining -= self.packet_size
        return blob

# SCK101 flag: a counter stepped by what the read returned (len(chunk), the recv_into
# count) stops moving at end of file, and a counter the loop sets anew may never reach
# its bound: neither ends the loop.
import socket


class Receiver:
    def __init__(self, conn: socket.socket) -> None:
        self.conn = conn

    def receive_counted(self, total: int) -> bytes:
        blob = b""
        got = 0
        while got < total:
            chunk = self.conn.recv(4096)  # expect: SCK101
            blob += chunk
            got += len(chunk)
        return blob

    def receive_into(self, buf, total: int) -> None:
        got = 0
        while got < total:
            n = self.conn.recv_into(buf)  # expect: SCK101
            step = n
            got += step

    def receive_restarted(self, total: int, size: int) -> bytes:
        blob = b""
        done = 0
        while done < total:
            data = self.conn.recv(size)  # expect: SCK101
            if data.startswith(b"RESET"):
                done = 0
            blob += data
            done += size
        return blob

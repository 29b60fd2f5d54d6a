# SCK101 flag: end of file breaks the inner loop only; the loop around it comes back to it
# on the same socket with nothing that could stop after an empty read, and the inner loop
# reads b"" again at once: a spin at 100% CPU.
import logging
import socket


def lines(sock: socket.socket, handle) -> None:
    while True:
        buf = b""
        while True:
            chunk = sock.recv(1)  # expect: SCK101
            if not chunk:
                break
            if chunk == b"\n":
                break
            buf += chunk
        handle(buf)


class Reader:
    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.running = True

    def run(self, handle) -> None:
        while self.running:
            try:
                while True:
                    data = self.sock.recv(4096)  # expect: SCK101
                    if len(data) == 0:
                        logging.info("peer closed")
                        break
                    handle(data)
            except OSError:
                logging.exception("read failed")

# Objects named like sockets that a project factory makes as streams that raise on EOF:
# not sockets, whatever their names say.
from .streams import open_framed


class Worker:
    def __init__(self, raw):
        self.conn = open_framed(raw)

    def pump(self, chunks):
        while True:
            chunks.append(self.conn.recv(4096))


def pump_once(raw, chunks):
    sock = open_framed(raw)
    while True:
        chunks.append(sock.recv(4096))

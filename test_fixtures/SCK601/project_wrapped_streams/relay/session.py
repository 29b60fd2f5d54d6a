# Objects named like sockets that the project's own factory makes as streams that write
# everything: not sockets, whatever their names say.
import signal

from relay.net import open_stream


def _on_alarm(signum, frame):
    pass


signal.signal(signal.SIGALRM, _on_alarm)


class Session:
    def __init__(self, raw):
        self.conn = open_stream(raw)

    def push(self, message: str):
        self.conn.send(message.encode())


def push_once(raw, message: str):
    sock = open_stream(raw)
    sock.send(message.encode())

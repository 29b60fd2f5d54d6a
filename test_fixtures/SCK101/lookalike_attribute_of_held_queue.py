# SCK101 look-alike: an attribute of a held object that the class binds to a queue-like
# object, not a socket: its recv() loop is not a socket read.
import multiprocessing


class _Link:
    def __init__(self) -> None:
        self.s = None


class Worker:
    def __init__(self) -> None:
        self.link = _Link()
        self.go = True
        self.link.s, self.peer = multiprocessing.Pipe()

    def run(self) -> None:
        items = []
        while self.go:
            items.append(self.link.s.recv())

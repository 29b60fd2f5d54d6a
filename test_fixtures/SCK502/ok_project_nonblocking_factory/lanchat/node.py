# SCK502: a listener stored on the object from a project factory that makes it non-blocking
# (and no method of the class switches it back) is polled: every idle pass already fails
# with EAGAIN and goes round at full speed, so an errno test would not change how much CPU
# the loop uses. A listener from a factory that gives it a timeout blocks, and the loop
# that retries every OSError spins once the descriptors run out.
from . import utils


class Node:
    def __init__(self):
        self.alive = True
        self.clients = []

    def make_server(self, port):
        sock = utils.get_server_sock(port)
        self.__s = sock

    def listen(self):
        while self.alive:
            try:
                conn, _ = self.__s.accept()
            except OSError:
                pass
            else:
                self.clients.append(conn)


class TimedNode:
    def __init__(self):
        self.clients = []

    def make_server(self, port):
        self.listener = utils.get_timed_sock(port)

    def listen(self):
        while True:
            try:
                conn, _ = self.listener.accept()  # expect: SCK502
            except OSError:
                pass
            else:
                self.clients.append(conn)

# Look-alikes: the same helpers over a multiprocessing listener, which is no socket.
from multiprocessing.connection import Listener

from relay.transport import next_client


class JobQueue:
    def __init__(self, address):
        self.listener = Listener(address)

    def next_worker(self):
        return self.listener.accept()

    def serve(self, handle):
        while True:
            handle(self.next_worker())


def serve_jobs(address, handle):
    listener = Listener(address)
    while True:
        handle(next_client(listener))

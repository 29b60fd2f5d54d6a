# Look-alikes: helpers returning what a multiprocessing connection or a queue gives.
import queue
from multiprocessing.connection import Client as ProcessClient


class Worker:
    def __init__(self, address):
        self.conn = ProcessClient(address)
        self.inbox = queue.Queue()
        self.running = True

    def _next_message(self):
        return self.conn.recv()

    def _next_job(self):
        return self.inbox.get()

    def run(self, handle):
        while self.running:
            handle(self._next_message())

    def drain(self, handle):
        while self.running:
            handle(self._next_job())

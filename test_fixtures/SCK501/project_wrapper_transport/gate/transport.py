# A transport that forwards accept() to its listening socket, and a look-alike whose
# accept() takes jobs from a queue.
import queue
import socket


class ServerTransport:
    def __init__(self, host, port):
        self.handle = socket.create_server((host, port))

    def accept(self):
        return self.handle.accept()


class JobSource:
    def __init__(self):
        self.jobs = queue.Queue()

    def accept(self):
        return self.jobs.get()

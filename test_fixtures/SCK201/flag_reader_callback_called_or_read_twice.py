# SCK201 flag: a read callback that the class also calls directly (it may run when nothing
# is readable), one that reads twice (the second read finds the data taken), one
# registered for writing too, and one registered for another socket than it reads.
import asyncio
import selectors
import socket


class Relay:
    def __init__(self, conn: socket.socket, other: socket.socket) -> None:
        self.conn = conn
        self.other = other
        self.conn.setblocking(False)
        self.other.setblocking(False)
        self.selector = selectors.DefaultSelector()

    def on_readable(self) -> bytes:
        data = self.conn.recv(4096)  # expect: SCK201
        return data

    def drain(self) -> bytes:
        first = self.other.recv(4096)  # expect: SCK201
        second = self.other.recv(4096)  # expect: SCK201
        return first + second

    def on_event(self) -> bytes:
        data = self.conn.recv(1024)  # expect: SCK201
        return data

    def on_wrong_socket(self) -> bytes:
        data = self.other.recv(512)  # expect: SCK201
        return data

    def poll_now(self) -> bytes:
        return self.on_readable()

    def run(self, loop: asyncio.AbstractEventLoop) -> None:
        loop.add_reader(self.conn, self.on_readable)
        loop.add_reader(self.other, self.drain)
        self.selector.register(self.conn, selectors.EVENT_READ | selectors.EVENT_WRITE,
                               self.on_event)
        loop.add_reader(self.conn, self.on_wrong_socket)

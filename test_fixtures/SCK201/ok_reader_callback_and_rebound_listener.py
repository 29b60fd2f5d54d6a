# SCK201 ok: a method that runs only as the read callback of a stream socket
# (loop.add_reader(self.sock, self.on_readable), or a selector registration for reading
# with the method as its data) reads that socket only when it is readable, once: the
# kernel holds data, a FIN or an error for it, never EAGAIN. And a listener accepted on
# by the statement that rebinds its attribute to the new connection is not made
# non-blocking by the switch that follows: that switch is the connection's.
import asyncio
import selectors
import socket


class Forwarder:
    def __init__(self, listener: socket.socket, upstream: socket.socket) -> None:
        self.client = listener
        self.upstream = upstream
        self.selector = selectors.DefaultSelector()
        self.replies = []

    def accept_client(self) -> None:
        self.client.listen(1)
        self.client, self.address = self.client.accept()
        self.client.setblocking(False)

    def on_client(self) -> None:
        data = self.client.recv(4096)
        if not data:
            raise ConnectionResetError()
        self.upstream.sendall(data)

    def on_upstream(self) -> None:
        data = self.upstream.recv(4096)
        if data:
            self.replies.append(data)

    def run(self, loop: asyncio.AbstractEventLoop) -> None:
        self.upstream.setblocking(False)
        loop.add_reader(self.client, self.on_client)
        self.selector.register(self.upstream, selectors.EVENT_READ, self.on_upstream)

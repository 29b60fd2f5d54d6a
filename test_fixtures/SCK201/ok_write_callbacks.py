# SCK201 ok: one send() of a stream socket in its write callback, which the event loop runs
# only when the socket has room in its send buffer: the send copies what fits and returns
# the count. Also read callbacks registered through tornado's add_handler, a selector's
# modify() and libev's pyev.Io watcher.
import asyncio
import selectors
import socket

import pyev
from tornado.ioloop import IOLoop


class AsyncioWriter:
    def __init__(self, loop: asyncio.AbstractEventLoop, sock: socket.socket) -> None:
        self.loop = loop
        self.sock = sock
        self.sock.setblocking(False)
        self.out = bytearray()

    def write(self, data: bytes) -> None:
        self.out += data
        self.loop.add_writer(self.sock, self.on_writable)

    def on_writable(self) -> None:
        sent = self.sock.send(self.out)
        del self.out[:sent]
        if not self.out:
            self.loop.remove_writer(self.sock)


class SelectorPeer:
    def __init__(self, selector: selectors.BaseSelector, sock: socket.socket) -> None:
        self.selector = selector
        self.sock = sock
        self.sock.setblocking(False)
        self.out = bytearray()
        self.selector.register(self.sock, selectors.EVENT_READ, self.on_readable)

    def on_readable(self) -> None:
        data = self.sock.recv(4096)
        if not data:
            self.selector.unregister(self.sock)
            self.sock.close()
            return
        self.out += data
        self.selector.modify(self.sock, selectors.EVENT_WRITE, self.on_writable)

    def on_writable(self) -> None:
        sent = self.sock.send(self.out)
        del self.out[:sent]
        if not self.out:
            self.selector.modify(self.sock, selectors.EVENT_READ, self.on_readable)


class TornadoConnection:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.sock.setblocking(False)
        self.chunks = []
        IOLoop.current().add_handler(self.sock, self.on_read, IOLoop.READ)

    def on_read(self, fd, events) -> None:
        data = self.sock.recv(65536)
        if not data:
            IOLoop.current().remove_handler(self.sock)
            self.sock.close()
            return
        self.chunks.append(data)


class LibevTransport:
    def __init__(self, loop, sock: socket.socket) -> None:
        self.sock = sock
        self.sock.setblocking(False)
        self.buffer = bytearray()
        self.read_watcher = pyev.Io(self.sock, pyev.EV_READ, loop, self._readable)
        self.write_watcher = pyev.Io(self.sock, pyev.EV_WRITE, loop, self._writable)

    def _readable(self, watcher, revents) -> None:
        data = self.sock.recv(4096)
        if not data:
            self.read_watcher.stop()
            return
        self.buffer += data
        self.write_watcher.start()

    def _writable(self, watcher, revents) -> None:
        sent = self.sock.send(self.buffer)
        del self.buffer[:sent]
        if not self.buffer:
            self.write_watcher.stop()

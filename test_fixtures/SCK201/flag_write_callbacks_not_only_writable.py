# SCK201 flag: a write callback that sends twice (the first send may take all the room), one
# the class also calls directly (it may run when the buffer is full), one registered for
# reading and writing, a datagram send (writability promises no room for a datagram of any
# size), and a tornado handler whose events update_handler() changes later.
import asyncio
import selectors
import socket

from tornado.ioloop import IOLoop


class Writer:
    def __init__(self, loop: asyncio.AbstractEventLoop, sock: socket.socket,
                 udp: socket.socket, selector: selectors.BaseSelector) -> None:
        self.loop = loop
        self.sock = sock
        self.sock.setblocking(False)
        self.udp = udp
        self.udp.setblocking(False)
        self.selector = selector
        self.out = bytearray()
        self.trailer = b"\r\n"

    def on_writable(self) -> None:
        sent = self.sock.send(self.out)  # expect: SCK201
        del self.out[:sent]
        sent = self.sock.send(self.trailer)  # expect: SCK201
        self.trailer = self.trailer[sent:]

    def flush(self) -> None:
        sent = self.sock.send(self.out)  # expect: SCK201
        del self.out[:sent]

    def on_event(self) -> None:
        sent = self.sock.send(self.out)  # expect: SCK201
        del self.out[:sent]

    def on_datagram_room(self) -> None:
        self.udp.sendto(bytes(self.out), ("192.0.2.1", 9999))  # expect: SCK201

    def start(self) -> None:
        self.loop.add_writer(self.sock, self.on_writable)
        self.loop.add_writer(self.sock, self.flush)
        self.flush()
        self.selector.register(self.sock, selectors.EVENT_READ | selectors.EVENT_WRITE,
                               self.on_event)
        self.loop.add_writer(self.udp, self.on_datagram_room)


class TornadoConnection:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.sock.setblocking(False)
        self.chunks = []
        IOLoop.current().add_handler(self.sock, self.on_events, IOLoop.READ)

    def on_events(self, fd, events) -> None:
        data = self.sock.recv(65536)  # expect: SCK201
        self.chunks.append(data)

    def want_write(self) -> None:
        IOLoop.current().update_handler(self.sock, IOLoop.READ | IOLoop.WRITE)

# Reads on objects whose kind the project's definitions decide.
import socket
from typing import Optional, Union

from wire import dial
from wire.streams import BaseClient, FramedStream, Forwarder, Stream
from wire.transport import open_datagram
from wire.transport.factory import open_secure
from wire.tuned import KeptSocket


def pump_factory(host, chunks):
    sock = dial(host, 80)
    while True:
        chunks.append(sock.recv(4096))  # expect: SCK101


def pump_secure(host, chunks):
    tls_conn = open_secure(host, 443)
    while True:
        chunks.append(tls_conn.recv(4096))  # expect: SCK101


def pump_subclass(chunks):
    s = KeptSocket()
    while True:
        chunks.append(s.recv(4096))  # expect: SCK101


def pump_forwarder(raw: socket.socket, chunks):
    stream = Forwarder(raw)
    while True:
        chunks.append(stream.recv(4096))  # expect: SCK101


class Client(BaseClient):
    def pump(self, chunks):
        while True:
            chunks.append(self.sock.recv(4096))  # expect: SCK101

    def pump_property(self, chunks):
        while True:
            chunks.append(self._socket.recv(4096))  # expect: SCK101


# ---- not sockets, or not stream sockets: silent ----------------------------------------

def pump_datagram(chunks):
    sock = open_datagram()
    while True:
        chunks.append(sock.recv(4096))


def pump_stream(raw, chunks):
    sock = Stream(raw)
    while True:
        chunks.append(sock.recv(4096))  # Stream.recv raises EOFError on EOF


def pump_annotated(conn: Optional[FramedStream], chunks):
    while True:
        chunks.append(conn.recv(4096))


def pump_union(conn: "Union[Stream, None]", chunks):
    while True:
        chunks.append(conn.recv(4096))


def pump_union_socket(conn: Union[KeptSocket, None], chunks):
    while True:
        chunks.append(conn.recv(4096))  # expect: SCK101


class Framed:
    def __init__(self, raw):
        self.socket: "FramedStream | None" = None
        self.conn = Stream(raw)

    def pump(self, chunks):
        while True:
            chunks.append(self.socket.recv(4096))

    def pump_conn(self, chunks):
        while True:
            chunks.append(self.conn.recv(4096))


class Holder:
    def __init__(self, link: KeptSocket, channel: Stream):
        self.link = link
        self.sock = channel

    def pump(self, chunks):
        while True:
            chunks.append(self.link.recv(4096))  # expect: SCK101

    def pump_channel(self, chunks):
        while True:
            chunks.append(self.sock.recv(4096))


class Pool:
    """Attributes of project objects held in attributes."""

    def __init__(self, host, raw):
        self.client = BaseClient(host, 80)
        self.framed = Framed(raw)

    def pump(self, chunks):
        while True:
            chunks.append(self.client.sock.recv(4096))  # expect: SCK101

    def pump_framed(self, chunks):
        while True:
            chunks.append(self.framed.conn.recv(4096))


def pump_client(client: BaseClient, chunks):
    while True:
        chunks.append(client._socket.recv(4096))  # expect: SCK101


class Relay(BaseClient):
    def _link(self):
        return self._conn

    def pump(self, chunks):
        link = self._link()
        while True:
            chunks.append(link.recv(4096))  # expect: SCK101

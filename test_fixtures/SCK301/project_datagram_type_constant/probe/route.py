# SCK301: a socket whose type is a project constant standing for SOCK_DGRAM is a datagram
# socket. Its connect only records the peer and never goes on in the background, so there is
# no outcome to read from SO_ERROR; the same code with SOCK_STREAM's constant is reported.
import socket
from socket import SOCK_DGRAM as DATAGRAM

from probe.defs import DATAGRAM as CHAINED, TCP, UDP

LOCAL_UDP = socket.SOCK_DGRAM
LOCAL_DGRAM = LOCAL_PACKETS = socket.SOCK_DGRAM


def source_address(family, peer):
    sock = socket.socket(family, UDP)
    sock.setblocking(False)
    sock.connect(peer)
    return sock.getsockname()


def source_address_local(family, peer):
    sock = socket.socket(family, LOCAL_UDP)
    sock.setblocking(False)
    sock.connect(peer)
    return sock.getsockname()


def source_address_chained(family, peer):
    sock = socket.socket(family, CHAINED)
    sock.setblocking(False)
    sock.connect(peer)
    return sock.getsockname()


def source_address_local_chained(family, peer):
    sock = socket.socket(family, LOCAL_PACKETS)
    sock.setblocking(False)
    sock.connect(peer)
    return sock.getsockname()


def source_address_alias(family, peer):
    sock = socket.socket(family, type=DATAGRAM)
    sock.setblocking(False)
    sock.connect(peer)
    return sock.getsockname()


def open_stream(family, peer):
    sock = socket.socket(family, TCP)
    sock.setblocking(False)
    sock.connect(peer)  # expect: SCK301
    return sock


def shadowed(family, peer, UDP):
    sock = socket.socket(family, UDP)
    sock.setblocking(False)
    sock.connect(peer)  # expect: SCK301
    return sock

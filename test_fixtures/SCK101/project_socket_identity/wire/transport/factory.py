# Factories: each returns a socket (made here, or by another factory).
import socket
import ssl


def _raw(host, port):
    return socket.create_connection((host, port), timeout=10)


def open_stream(host, port):
    return _raw(host, port)


def open_secure(host, port):
    return ssl.create_default_context().wrap_socket(_raw(host, port), server_hostname=host)


def open_datagram():
    return socket.socket(socket.AF_INET, socket.SOCK_DGRAM)


class TunedSocket(socket.socket):
    """A socket subclass: its instances are sockets."""

# SCK702 ok: TCP-level options the caller chooses (a dict of option -> value applied with
# setsockopt) are set on the same socket: the keepalive timers may be among them.
import socket


class Connection:
    def __init__(self, host, port, socket_keepalive=False, socket_keepalive_options=None):
        self.host = host
        self.port = port
        self._socket_keepalive = socket_keepalive
        self._keepalive_options = socket_keepalive_options or {}
        self._socket = None

    def connect(self):
        self._socket = socket.create_connection((self.host, self.port), timeout=None)
        if self._socket_keepalive:
            for k, v in self._keepalive_options.items():
                self._socket.setsockopt(socket.SOL_TCP, k, v)
            self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)

    def reconnect(self):
        # Turned on again in another method; the options are applied in connect().
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)


def open_conn(host, port, tcp_options):
    sock = socket.create_connection((host, port), timeout=None)
    for option, value in tcp_options:
        sock.setsockopt(socket.IPPROTO_TCP, option, value)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    return sock


def open_numeric_level(host, port, opts):
    sock = socket.create_connection((host, port), timeout=None)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, True)
    for opt in opts:
        sock.setsockopt(6, opt[0], opt[1])  # 6: IPPROTO_TCP
    return sock

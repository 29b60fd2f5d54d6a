# SCK501 and SCK701 across modules: a listener bound to, and a connection made to, the host
# of a configuration object whose class (in another module) gives it a loopback default is
# on this host unless the configuration says otherwise; a remote default, or a class whose
# own __init__ sets the field, is reported.
import socket
from typing import Optional

from .config import ManualConfig, ProxyConfig, PublicConfig


class ProxyServer:
    def __init__(self, config: Optional[ProxyConfig] = None) -> None:
        self.config = config or ProxyConfig()
        self.server_socket = socket.socket()
        self.server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    def run(self) -> None:
        self.server_socket.bind((self.config.host, self.config.port))
        self.server_socket.listen(self.config.threads.max_connections)
        while True:
            conn, _ = self.server_socket.accept()
            try:
                self.relay(conn)
            except OSError:
                pass
            finally:
                conn.close()

    def relay(self, conn: socket.socket) -> None:
        upstream = socket.create_connection((self.config.upstream, 9000))
        with upstream:
            upstream.sendall(conn.recv(4096))
            conn.sendall(upstream.recv(4096))


class PublicServer:
    config: PublicConfig

    def __init__(self, config: PublicConfig) -> None:
        self.config = config
        self.server_socket = socket.socket()
        self.server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    def run(self) -> None:
        self.server_socket.bind((self.config.host, self.config.port))
        self.server_socket.listen()
        while True:
            conn, _ = self.server_socket.accept()  # expect: SCK501
            try:
                self.relay(conn)
            except OSError:
                pass
            finally:
                conn.close()

    def relay(self, conn: socket.socket) -> None:
        upstream = socket.create_connection((self.config.upstream, 9000))  # expect: SCK701
        with upstream:
            upstream.sendall(conn.recv(4096))
            conn.sendall(upstream.recv(4096))


class ManualServer:
    def __init__(self, config: ManualConfig) -> None:
        self.config = config
        self.server_socket = socket.socket()
        self.server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    def run(self) -> None:
        self.server_socket.bind((self.config.host, 8082))
        self.server_socket.listen()
        while True:
            conn, _ = self.server_socket.accept()  # expect: SCK501
            conn.close()

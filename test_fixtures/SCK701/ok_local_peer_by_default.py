# SCK701 ok: a client whose peer is on this host unless the program is told otherwise: the
# host is a parameter whose default is loopback (in the function, or stored on self by the
# constructor from its parameter), or a command-line option whose default is loopback. By
# default the peer's kernel closes the connection when it dies, so the read cannot wait
# for a vanished peer (the same principle as SCK501's loopback listeners).
import argparse
import os
import socket


def ask_local_service(question: bytes, host: str = "127.0.0.1", port: int = 5555) -> bytes:
    sock = socket.socket()
    sock.connect((host, port))
    sock.sendall(question)
    return sock.recv(4096)


class Client:
    def __init__(self, host: str = "localhost", port: int = 5555) -> None:
        self.host = host
        self.port = port
        self.sock = socket.socket()

    def run(self, handle) -> None:
        self.sock.connect((self.host, self.port))
        while True:
            data = self.sock.recv(1024)
            if not data:
                return
            handle(data)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1", help="the room server, on this host")
    parser.add_argument("--port", type=int, default=4000)
    args = parser.parse_args()
    sock = socket.create_connection((args.host, args.port))
    print(sock.recv(1024))


def ask_with_options(**opts) -> bytes:
    # a lookup whose default is loopback: this host unless the caller says otherwise
    host = opts.get("host", "127.0.0.1")
    conn = socket.create_connection((host, 7000))
    return conn.recv(64)


def _ask_status(host: str, port: int) -> bytes:
    # every call in the module passes a host that is loopback unless told otherwise
    conn = socket.create_connection((host, port))
    return conn.recv(64)


def status(host: str = "localhost") -> bytes:
    return _ask_status(host, 7001)


class LocalBase:
    def __init__(self, **kwargs):
        self.host = kwargs.get("host", "127.0.0.1")


class LocalClient(LocalBase):
    """The base class of the module stores the host, loopback unless the caller says."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.sock = socket.socket()

    def run(self):
        self.sock.connect((self.host, 9000))
        while True:
            data = self.sock.recv(100)
            if not data:
                break


class Peer:
    """A constructor's parameter with no default: every call of the class passes loopback."""

    def __init__(self, host, port=9000):
        self.sock = socket.create_connection((host, port))

    def run(self):
        while True:
            data = self.sock.recv(100)
            if not data:
                break


def start_peer():
    Peer("localhost").run()


def stop_peer(registry: dict) -> None:
    # an annotation names the class as a type: it hands the class to no caller out of sight
    peer: Peer = registry.pop("peer")
    peer.sock.close()


AGENT_HOST = os.getenv("AGENT_HOST", "127.0.0.1")
AGENT_ADDRESS = (AGENT_HOST, 8125)


def ask_agent(question: bytes) -> bytes:
    sock = socket.create_connection(AGENT_ADDRESS)
    sock.sendall(question)
    return sock.recv(1024)


class RadioClient:
    """The whole address is a parameter whose default holds a loopback host."""

    def __init__(self, addr=("127.0.0.1", 7356)) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.connect(addr)
        self.freq = self.sock.recv(64)


def ask_radio(question: bytes, addr=("localhost", 7356)) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect(addr)
    sock.sendall(question)
    return sock.recv(1024)


def ask_radio_by_items(question: bytes, addr=("localhost", 7356)) -> bytes:
    # the host read as the first item of that address
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((addr[0], addr[1]))
    sock.sendall(question)
    return sock.recv(1024)


class ChessConnection:
    # the address handed to create_connection() by keyword is read as a positional one
    def __init__(self, address: str = "localhost", port: int = 5123) -> None:
        self._conn = socket.create_connection(address=(address, port))

    def read_prefix(self) -> bytes:
        return self._conn.recv(4)


class ProcessClient:
    # the host is the first item of an address parameter whose default is loopback
    def __init__(self, host_details=["localhost", 9000]) -> None:
        self.host_name = host_details[0]
        self.host_port = host_details[1]

    def run(self, payload: bytes) -> bytes:
        sc = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sc.connect((self.host_name, self.host_port))
        sc.sendall(payload)
        return sc.recv(1024)


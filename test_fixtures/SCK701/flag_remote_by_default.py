# SCK701 flag: the look-alikes of a loopback default that reach other hosts: a parameter
# default that is a remote host, a parameter the function rebinds, an option whose default
# is a remote host, a constructor that stores a loopback default beside a remote host, and
# a command-line test whose arm taken by default is a remote host.
import argparse
import os
import socket
import sys


def ask_service(question: bytes, host: str = "api.example.net", port: int = 5555) -> bytes:
    sock = socket.socket()
    sock.connect((host, port))  # expect: SCK701
    sock.sendall(question)
    return sock.recv(4096)


def ask_resolved(question: bytes, host: str = "127.0.0.1", port: int = 5555) -> bytes:
    host = resolve(host)
    sock = socket.socket()
    sock.connect((host, port))  # expect: SCK701
    sock.sendall(question)
    return sock.recv(4096)


class Client:
    def __init__(self, host: str = "localhost", port: int = 5555) -> None:
        self.host = host
        self.port = port
        self.sock = socket.socket()

    def use_backup(self, backup: str) -> None:
        self.host = backup

    def run(self, handle) -> None:
        self.sock.connect((self.host, self.port))  # expect: SCK701
        while True:
            data = self.sock.recv(1024)
            if not data:
                return
            handle(data)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default="chat.example.net")
    args = parser.parse_args()
    sock = socket.create_connection((args.server, 4000))  # expect: SCK701
    print(sock.recv(1024))


def resolve(host: str) -> str:
    return socket.gethostbyname(host)


def ask_with_options(**opts) -> bytes:
    host = opts.get("host", "status.example.net")
    conn = socket.create_connection((host, 7000))  # expect: SCK701
    return conn.recv(64)


class RemoteBase:
    def __init__(self, **kwargs):
        self.host = kwargs.get("host", "example.org")


class RemoteClient(RemoteBase):
    """The base class of the module stores a remote host by default."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.sock = socket.socket()

    def run(self):
        self.sock.connect((self.host, 9000))  # expect: SCK701
        while True:
            data = self.sock.recv(100)
            if not data:
                break


class Peer:
    """One call of the class passes a remote host."""

    def __init__(self, host, port=9000):
        self.sock = socket.create_connection((host, port))  # expect: SCK701

    def run(self):
        while True:
            data = self.sock.recv(100)
            if not data:
                break


def start_peers():
    Peer("localhost").run()
    Peer("example.org").run()


AGENT_HOST = os.getenv("AGENT_HOST", "metrics.example.org")
AGENT_ADDRESS = (AGENT_HOST, 8125)


def ask_agent(question: bytes) -> bytes:
    sock = socket.create_connection(AGENT_ADDRESS)  # expect: SCK701
    sock.sendall(question)
    return sock.recv(1024)


def fetch_unless_local(port: int) -> bytes:
    # the arm taken unless the command line says otherwise is a remote host
    host = "localhost" if len(sys.argv) > 2 else "relay.example.net"
    sock = socket.socket()
    sock.connect((host, port))  # expect: SCK701
    return sock.recv(1024)


def ask_radio(question: bytes, addr=("radio.example.net", 7356)) -> bytes:
    # the whole address's default holds a remote host
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect(addr)  # expect: SCK701
    sock.sendall(question)
    return sock.recv(1024)


def ask_radio_by_items(question: bytes, addr=("radio.example.net", 7356)) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((addr[0], addr[1]))  # expect: SCK701
    sock.sendall(question)
    return sock.recv(1024)


def ask_radio_rebound(question: bytes, addr=("localhost", 7356)) -> bytes:
    # the function binds the parameter again: its default is not what it holds
    if not question:
        addr = ("radio.example.net", 7356)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect(addr)  # expect: SCK701
    sock.sendall(question)
    return sock.recv(1024)


class NetworkSocket:
    """The unspecified address as a default means "every interface" for the receiving side
    that binds; a sending caller passes the host it connects to, so it is no local peer."""

    def __init__(self, host="", port=2000) -> None:
        self.address = (host, port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

    def send(self, message: bytes) -> bytes:
        self.sock.connect(self.address)  # expect: SCK701
        self.sock.sendall(message)
        return self.sock.recv(3)


def ask_default_unspecified(port: int, ip=None) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((ip or "0.0.0.0", port))  # expect: SCK701
    return sock.recv(64)


class RemoteChessConnection:
    # by keyword too: a remote default is reported
    def __init__(self, address: str = "chess.example.org", port: int = 5123) -> None:
        self._conn = socket.create_connection(address=(address, port))  # expect: SCK701

    def read_prefix(self) -> bytes:
        return self._conn.recv(4)


class HandedOnPeer:
    """Every call of the class in sight passes loopback, but the class is also handed on as
    a value (a factory), so a call out of sight may pass another host; the annotation beside
    it is no such use."""

    def __init__(self, host, port=9000):
        self.sock = socket.create_connection((host, port))  # expect: SCK701

    def run(self):
        while True:
            data = self.sock.recv(100)
            if not data:
                break


def start_handed_on_peer(factories: list) -> None:
    peer: HandedOnPeer = HandedOnPeer("localhost")
    factories.append(HandedOnPeer)
    peer.run()


class RemoteProcessClient:
    # the first item of the address parameter's default is a remote host
    def __init__(self, host_details=("jobs.example.net", 9000)) -> None:
        self.host_name = host_details[0]

    def run(self, payload: bytes) -> bytes:
        sc = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sc.connect((self.host_name, 9000))  # expect: SCK701
        sc.sendall(payload)
        return sc.recv(1024)


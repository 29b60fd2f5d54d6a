# SCK701 flag: an address kept on the object whose host may be remote: a method replaces
# the host in place (item 0, or an item the code computes), one assignment is not such a
# display, or the host is a parameter with no default.
import socket


class Replaced:
    def __init__(self) -> None:
        self.addr = ["127.0.0.1", 9000]

    def point_at(self, host: str) -> None:
        self.addr[0] = host

    def ask(self) -> bytes:
        sock = socket.socket()
        sock.connect(tuple(self.addr))  # expect: SCK701
        return sock.recv(64)


class Reordered:
    def __init__(self, hosts: list) -> None:
        self.addr = ["localhost", 9000]
        self.hosts = hosts

    def rotate(self) -> None:
        self.addr.insert(0, self.hosts.pop())

    def ask(self) -> bytes:
        sock = socket.socket()
        sock.connect(tuple(self.addr))  # expect: SCK701
        return sock.recv(64)


class Reassigned:
    def __init__(self) -> None:
        self.addr = ("localhost", 9000)

    def use(self, address) -> None:
        self.addr = address

    def ask(self) -> bytes:
        sock = socket.socket()
        sock.connect(self.addr)  # expect: SCK701
        return sock.recv(64)


class HandedIn:
    def __init__(self, host: str, port: int) -> None:
        self.addr = (host, port)

    def ask(self) -> bytes:
        sock = socket.socket()
        sock.connect(self.addr)  # expect: SCK701
        return sock.recv(64)

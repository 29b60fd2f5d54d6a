# SCK701 ok: the address is kept on the object as a tuple or list whose host is loopback
# (a literal, or a parameter whose default is loopback), set by the constructor and
# connected by another method, directly or as a copy (`tuple(self.addr)`); a method that
# changes only the port (`self.addr[1] = port`) leaves the host where it was. The peer is on
# this host: when its process dies, its kernel closes the connection and the read ends.
import socket


class Client:
    def __init__(self, port: int = 5000, host: str = "localhost") -> None:
        self.addr = (host, port)

    def fetch(self) -> bytes:
        sock = socket.socket()
        sock.connect(self.addr)
        sock.sendall(b"GET\n")
        return sock.recv(1024)


class Channel:
    def __init__(self, port: int) -> None:
        self.target = ["127.0.0.1", port]

    def next_port(self) -> None:
        self.target[1] += 1

    def ask(self, question: bytes) -> bytes:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.connect(tuple(self.target))
        sock.sendall(question)
        return sock.recv(1024)

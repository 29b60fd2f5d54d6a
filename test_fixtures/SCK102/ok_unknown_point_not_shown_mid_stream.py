# SCK102 ok: readers that find their socket at an unknown point of its stream (a parameter,
# self.sock) and read a small fixed header first, where nothing in the module shows them
# running in the middle of a stream: no caller in sight, or every caller wrote a request
# first (itself, or through a function of the module that only writes, as a decorator's
# wrapper does), or calls them once at its own start and is called that way too. The turn
# starts with the peer's reply, whose first bytes arrive together.
import socket
import struct


def read_reply(sock: socket.socket) -> int:
    # a library function: its callers are its users', not in sight
    (length,) = struct.unpack("!I", sock.recv(4))
    return length


def read_message(sock: socket.socket) -> bytes:
    (length,) = struct.unpack("!H", sock.recv(2))
    return sock.recv(length)


def send_message(sock: socket.socket, data: bytes) -> None:
    sock.sendall(struct.pack("!H", len(data)) + data)


def exchange(sock: socket.socket, data: bytes) -> bytes:
    send_message(sock, data)
    return read_message(sock)


def exchange_all(sock: socket.socket, batch: list) -> list:
    replies = []
    for data in batch:
        send_message(sock, data)
        replies.append(read_message(sock))
    return replies


class Device:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port), timeout=5)

    def send_command(self, code: int) -> None:
        if self.sock.send(struct.pack("!I", code)) == 0:
            raise ConnectionError("send_command(): connection broken")

    def read_status(self) -> int:
        return struct.unpack("!I", self.sock.recv(4))[0]

    def read_pair(self) -> tuple:
        return struct.unpack("!2I", self.sock.recv(8))


def command(code: int):
    def decorate(func):
        def wrapper(device: Device):
            device.send_command(code)
            return func(device)
        return wrapper
    return decorate


@command(7)
def status(device: Device) -> int:
    return device.read_status()


def first_pair(device: Device) -> tuple:
    # called once, at the start of a caller that is itself called once
    return device.read_pair()


def report(device: Device) -> None:
    print(first_pair(device))

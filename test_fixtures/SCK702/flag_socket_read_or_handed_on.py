# SCK702 flag: the socket is read, waited on, handed to other code, returned or kept by a
# closure: a call may wait on a vanished peer for two hours.
import select
import socket


def ship_and_ack(host: str, port: int, line: bytes) -> bytes:
    sock = socket.create_connection((host, port))  # expect: SCK701
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    sock.sendall(line)
    return sock.recv(16)


def ship_and_wait(host: str, port: int, line: bytes) -> None:
    sock = socket.create_connection((host, port))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    sock.sendall(line)
    select.select([sock], [], [])


def open_shipper(host: str, port: int) -> socket.socket:
    sock = socket.create_connection((host, port))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    return sock


def shipper_with_reader(host: str, port: int, line: bytes):
    sock = socket.create_connection((host, port))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    sock.sendall(line)

    def reply() -> bytes:
        return sock.recv(16)

    return reply

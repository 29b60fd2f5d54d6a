# SCK601 flag: send() statements on parameters named like sockets (bytes-like argument) and with a flags argument, in timeout mode.
import socket
import struct


def send_frame(client_sock, payload: bytes) -> None:
    client_sock.settimeout(5)
    client_sock.send(struct.pack("!I", len(payload)) + payload)  # expect: SCK601


def send_command(conn, payload: bytes) -> None:
    conn.settimeout(5)
    conn.send(bytearray(payload), socket.MSG_NOSIGNAL)  # expect: SCK601


def send_report(sock: socket.socket, report: str) -> None:
    sock.settimeout(5)
    sock.send(  # expect: SCK601
        report.encode("utf-8"),
        socket.MSG_NOSIGNAL,
    )


class Relay:
    # ``conn`` names a wrapper in one place and a socket in another: a parameter of that
    # name may be either, and the name still counts.
    def wrap(self, sock):
        conn = Wrapper(sock)
        return conn

    def serve(self, listener):
        conn, _ = listener.accept()
        self.greet(conn)

    def greet(self, conn):
        conn.settimeout(5)
        conn.send(self.banner.encode())  # expect: SCK601


class Wrapper:
    def __init__(self, sock):
        self.sock = sock

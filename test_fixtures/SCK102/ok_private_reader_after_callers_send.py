# SCK102 ok: a private method whose every call comes right after the caller wrote a request
# on the same socket (directly, or through a method whose last statement writes it): its
# first reads are at the start of the reply's turn and arrive whole.
import socket
import struct


class Rcon:
    def __init__(self, host: str, port: int) -> None:
        self._sock = socket.create_connection((host, port), timeout=5)

    def execute(self, packet: bytes) -> bytes:
        self._send(packet)
        return self._receive_response()

    def login(self, packet: bytes) -> None:
        self._sock.sendall(packet)
        reply = self._receive_response()
        print(reply)

    def _send(self, packet: bytes) -> None:
        print("sending", len(packet))
        try:
            self._sock.sendall(packet)
        except OSError:
            raise ConnectionError("send failed")

    def _receive_response(self) -> bytes:
        length = struct.unpack("<I", self._sock.recv(4))[0]
        return self._recv_exact(length)

    def _recv_exact(self, length: int) -> bytes:
        data = b""
        while len(data) < length:
            chunk = self._sock.recv(length - len(data))
            if not chunk:
                raise ConnectionError("closed")
            data += chunk
        return data


class Searchd:
    """The socket is handed to the reader: every call comes right after the caller wrote
    the request on that same socket, through a method that only writes to it."""

    def _send(self, sock: socket.socket, req: bytes) -> int:
        total = 0
        while total < len(req):
            total += sock.send(req[total:])
        return total

    def _get_response(self, sock: socket.socket) -> bytes:
        (status, length) = struct.unpack(">HL", sock.recv(6))
        print(status)
        return sock.recv(length)

    def query(self, sock: socket.socket, req: bytes) -> bytes:
        self._send(sock, req)
        response = self._get_response(sock)
        return response

    def ping(self, sock: socket.socket) -> bytes:
        sock.sendall(b"PING")
        return self._get_response(sock)

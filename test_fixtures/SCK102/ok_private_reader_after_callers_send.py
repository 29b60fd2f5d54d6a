# SCK102 ok: a private method whose every call comes right after the caller wrote a request
# on the same socket (directly, or through a method whose last statement writes it): its
# first reads are at the start of the reply's turn and arrive whole; so does one handed a
# connection just accepted (by a call or a thread started on it).
import socket
import struct
import threading


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


class ThreadPerClient:
    """A connection handed, straight from ``accept()``, to a private method that a thread
    runs (or that is called at once): nothing has read its stream, so the client's first
    bytes start it, and the method's first reads are at the start of a turn."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("", 9000))

    def serve(self) -> None:
        try:
            conn, addr = self._listener.accept()
            print("connection from", addr)
            worker = threading.Thread(target=self._authenticate, args=(conn, addr),
                                      daemon=True)
            worker.start()
        except OSError:
            return

    def serve_one(self) -> None:
        conn = self._listener.accept()[0]
        threading.Thread(target=self._authenticate, args=(conn, None)).start()

    def serve_with_timeout(self) -> None:
        # the accept in a ``try`` whose handler leaves the pass: after it, ``conn`` is
        # the connection just accepted
        self._listener.settimeout(1.0)
        while True:
            try:
                conn, addr = self._listener.accept()
            except (socket.timeout, ConnectionAbortedError):
                continue
            print("connection from", addr)
            threading.Thread(target=self._authenticate, args=(conn, addr)).start()

    def serve_inline(self) -> None:
        conn, _ = self._listener.accept()
        self._authenticate(conn, None)

    def _authenticate(self, conn: socket.socket, addr: object) -> int:
        (size,) = struct.unpack("!I", conn.recv(4))
        return size

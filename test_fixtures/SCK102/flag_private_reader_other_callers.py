# SCK102 flag: a private reader with a caller that did not just write on its socket (another
# read came first, or the call sits inside an expression), so its first read may be anywhere
# in the stream.
import socket
import struct
import threading


class Client:
    def __init__(self, host: str, port: int) -> None:
        self._sock = socket.create_connection((host, port), timeout=5)

    def execute(self, packet: bytes) -> int:
        self._sock.sendall(packet)
        return self._read_length()

    def drain(self) -> int:
        self._sock.recv(1)
        return self._read_length()

    def _read_length(self) -> int:
        return struct.unpack("<I", self._sock.recv(4))[0]  # expect: SCK102


class Pipe:
    def __init__(self, host: str, port: int) -> None:
        self._sock = socket.create_connection((host, port), timeout=5)

    def execute(self, packet: bytes) -> int:
        self._sock.sendall(packet)
        return 1 + self._read_length()

    def _read_length(self) -> int:
        return struct.unpack("<I", self._sock.recv(4))[0]  # expect: SCK102


class Handed:
    """The socket is handed to the reader, but one caller read from it first, and the
    writer helper of the other also reads, so neither call starts a turn for sure."""

    def _exchange(self, sock: socket.socket, req: bytes) -> None:
        sock.sendall(req)
        sock.recv(1)

    def _get_length(self, sock: socket.socket) -> int:
        return struct.unpack(">I", sock.recv(4))[0]  # expect: SCK102

    def query(self, sock: socket.socket, req: bytes) -> int:
        self._exchange(sock, req)
        return self._get_length(sock)

    def again(self, sock: socket.socket) -> int:
        sock.recv(1)
        return self._get_length(sock)


class AcceptedThenUsed:
    """The accepted connection is named again before the thread starts on it (a greeting
    read, or handed to a call that may read it), or the thread's socket was not accepted
    there: its stream may be anywhere when the method reads."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("", 9000))
        self._upstream = socket.create_connection(("example.com", 9000), timeout=5)

    def serve(self) -> None:
        conn, addr = self._listener.accept()
        conn.recv(1)
        threading.Thread(target=self._authenticate, args=(conn,)).start()

    def serve_read_in_handler(self) -> None:
        # a handler that goes on after the accept failed leaves ``conn`` unknown there
        while True:
            try:
                conn, addr = self._listener.accept()
            except (socket.timeout, ConnectionAbortedError):
                conn = self._upstream
            threading.Thread(target=self._authenticate, args=(conn,)).start()

    def relay(self) -> None:
        threading.Thread(target=self._authenticate, args=(self._upstream,)).start()

    def _authenticate(self, conn: socket.socket) -> int:
        (size,) = struct.unpack("!I", conn.recv(4))  # expect: SCK102
        return size

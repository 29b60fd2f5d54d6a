# SCK601 ok: a payload of at most 512 bytes whose size the code fixes, on a socket in
# timeout mode. CPython waits until the socket is writable before each send(), and the
# kernel reports a stream socket writable only while at least 1536 bytes (Linux) or 2048
# bytes (BSD, macOS) of its send buffer are free: the payload is taken whole, whatever
# the socket sent before.
import socket
import struct
from struct import pack

IAC = bytes([255])
WILL = b"\xfb"
WONT = b"\xfc"
NAWS = b"\x1f"
NOP = IAC + b"\xf1"
KEEPALIVE_FRAME = b"\x00" * 8
SE = chr(240).encode("latin-1")


def telnet_reply(sock: socket.socket, option: int) -> None:
    sock.settimeout(10)
    sock.send(IAC + WONT + bytes([option]))
    sock.send(NOP)
    sock.send(IAC + WILL + NAWS + struct.pack("!HH", 80, 24) + IAC + SE)
    sock.send(IAC + chr(option).encode("latin-1"))


def chat(host: str, port: int, body: bytes) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    sock.sendall(body)
    sock.send(b"\r\n\r\n")
    sock.send(KEEPALIVE_FRAME)


def continue_100(sock: socket.socket) -> None:
    sock.settimeout(10)
    sock.send(b"HTTP/1.1 100 Continue\r\n\r\n")
    sock.send("QUIT\r\n".encode("ascii"))


def request(sock: socket.socket, seq: int, kind: int) -> bytes:
    sock.settimeout(10)
    header = pack("<iI", seq, kind)
    if kind == 2:
        header = struct.pack("<iIH", seq, kind, 0)
    sock.send(header)
    reply = sock.recv(12)
    sock.send(reply[0:4])
    return reply


class Session:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port), timeout=3)

    def register(self) -> None:
        self.sock.send(struct.pack("<HHIIQI", 0x65, 4, 0, 0, 0, 0) + b"\x01\x00\x00\x00")


QUAKE_HEADER = ("\xff" * 4).encode("latin-1")
STATUS = QUAKE_HEADER + "getstatus\n".encode("latin-1")


def quake_status(host: str, port: int) -> bytes:
    sock = socket.create_connection((host, port), timeout=3)
    sock.send(STATUS)
    sock.send(QUAKE_HEADER + ("ping" + " " * 2).encode())
    return sock.recv(1400)


def drop_connection(client: socket.socket, verbose: bool) -> None:
    # text of a size the code fixes, held in a local name first, then encoded
    client.settimeout(5)
    message = "\n[-] ERROR: PACKET DROPPED\n[-] CONN. LOST\n Reconnecting ...\n"
    if verbose:
        message = "[-] connection lost\n"
    client.send(message.encode("utf8"))

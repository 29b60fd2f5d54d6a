# SCK901 lookalike: protocol bytes, lengths and version numbers compared with literals next to socket code.
import socket
import struct


def read_socks_reply(sock: socket.socket) -> None:
    header = sock.recv(4, socket.MSG_WAITALL)
    if len(header) != 4:
        raise EOFError("short SOCKS reply")
    version, status, _, atyp = struct.unpack("!BBBB", header)
    if version != 5:
        raise ValueError(f"not a SOCKS5 server: {version}")
    if status == 4:
        raise ConnectionError("host unreachable (SOCKS)")
    if atyp not in (1, 3, 4):
        raise ValueError(f"bad address type {atyp}")


def is_tls_record(first: bytes) -> bool:
    return len(first) >= 3 and first[0] == 22 and first[1] == 3

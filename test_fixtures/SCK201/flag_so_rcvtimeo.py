# SCK201 flag: SO_RCVTIMEO via setsockopt makes recv() raise BlockingIOError when it expires, which socket.timeout misses.
import socket
import struct


def query(host: str, port: int, request: bytes) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.pack("ll", 2, 0))
    sock.connect((host, port))
    try:
        sock.sendall(request)
        try:
            reply = sock.recv(4096)  # expect: SCK201
        except socket.timeout:
            return b""
        return reply
    finally:
        sock.close()

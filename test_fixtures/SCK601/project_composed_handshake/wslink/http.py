# SCK601 project: requests built here and sent from client.py. handshake_request() composes
# an HTTP request from a literal template; framed() appends the caller's bytes to a header,
# so what it returns may carry bulk data.
import struct


def handshake_request(key: str, path: str, host: str) -> bytes:
    request = (
        "GET %s HTTP/1.1\r\n"
        "Host: %s\r\n"
        "Upgrade: websocket\r\n"
        "Connection: Upgrade\r\n"
        "Sec-WebSocket-Key: %s\r\n"
        "Sec-WebSocket-Version: 13\r\n\r\n" % (path, host, key)
    )
    return request.encode("ascii")


def framed(payload: bytes) -> bytes:
    return struct.pack("!BH", 0x82, len(payload)) + payload

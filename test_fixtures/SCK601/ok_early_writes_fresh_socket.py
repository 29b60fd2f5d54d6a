# SCK601 ok: the first few writes on a socket made in the same function, at most 512 bytes in
# all, in at most four writes of sizes the code fixes, outside any loop: the send buffer holds
# no more than that, and the smallest one any platform allows (4608 bytes on Linux) takes it
# whole, even on a non-blocking socket.
import socket


def probe(address) -> None:
    sock = socket.create_connection(address)
    sock.setblocking(False)
    try:
        sock.send(b"HELO probe\r\n")
        sock.send(b"STAT\r\n")
        sock.send(b"x" * 400)
    except BlockingIOError:
        pass  # the peer is slow: try again later

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


def log_in(host: str, port: int, password: str) -> None:
    # a request line the code composes, the first write after connect(): a template and a
    # field, far below the smallest send buffer, even on a non-blocking socket
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.connect((host, port))
    client.setblocking(False)
    try:
        client.send(f"PASS {password}\n".encode())
        client.send(b"QUIT\r\n")
    except BlockingIOError:
        pass  # cannot happen on an empty send buffer; SCK201 asks for the handler anyway
    client.close()

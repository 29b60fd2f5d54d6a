# SCK603 ok: sendall() on blocking or timeout sockets, including one switched back with setblocking(True) / settimeout(x).
import select
import socket


def connect_then_send(addr, payload: bytes, timeout: float) -> None:
    sock = socket.socket()
    sock.setblocking(False)
    try:
        sock.connect(addr)
    except BlockingIOError:
        pass
    select.select([], [sock], [], timeout)
    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if err:
        sock.close()
        raise ConnectionError(err, "connect failed")
    sock.settimeout(timeout)
    with sock:
        sock.sendall(payload)


def blocking_again(conn: socket.socket, payload: bytes) -> None:
    conn.setblocking(False)
    leftover = b""
    try:
        leftover = conn.recv(4096)
    except BlockingIOError:
        pass
    conn.setblocking(True)
    conn.sendall(payload + leftover)


def plain(host: str, port: int) -> None:
    with socket.create_connection((host, port), timeout=10) as conn:
        conn.sendall(b"QUIT\r\n")

# SCK603 flag: sendall() after setblocking(False) / settimeout(0); on BlockingIOError part of the data is gone, and the retry repeats it.
import select
import socket


def push(host: str, port: int, payload: bytes) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    sock.setblocking(False)
    try:
        sock.sendall(payload)  # expect: SCK603
    except BlockingIOError:
        select.select([], [sock], [], 5.0)
        sock.sendall(payload)  # expect: SCK603
    finally:
        sock.close()


def reply_all(conn: socket.socket, replies) -> None:
    conn.settimeout(0)
    for reply in replies:
        try:
            conn.sendall(reply)  # expect: SCK603
        except BlockingIOError:
            break

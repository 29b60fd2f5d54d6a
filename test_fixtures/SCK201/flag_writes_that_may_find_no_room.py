# SCK201 flag: look-alikes of the first small writes that can find a full buffer or a
# connection not yet made: a non-blocking connect still in progress, a write in a loop (also
# a loop inside the pass that accepts the connection, or one after the accept), a payload
# the code does not fix after an earlier write, a fifth write, and a socket made elsewhere.
import errno
import socket


def connect_then_write(port: int) -> int:
    client = socket.socket()
    client.setblocking(False)
    err = client.connect_ex(("localhost", port))  # expect: SCK301
    if err not in (0, errno.EINPROGRESS):
        raise OSError(err, "connect failed")
    return client.send(b"PING\r\n")  # expect: SCK201


def write_in_loop(port: int, count: int) -> int:
    client = socket.socket()
    client.connect(("localhost", port))
    client.setblocking(False)
    sent = 0
    for _ in range(count):
        sent += client.send(b"PING\r\n")  # expect: SCK201
    return sent


def write_payload(port: int, payload: bytes) -> int:
    client = socket.socket()
    client.connect(("localhost", port))
    client.setblocking(False)
    sent = client.send(b"%d\n" % len(payload))
    return sent + client.send(payload)  # expect: SCK201


def write_five(port: int) -> int:
    client = socket.socket()
    client.connect(("localhost", port))
    client.setblocking(False)
    sent = client.send(b"1")
    sent += client.send(b"2")
    sent += client.send(b"3")
    sent += client.send(b"4")
    sent += client.send(b"5")  # expect: SCK201
    return sent


def write_given(client: socket.socket) -> int:
    client.setblocking(False)
    return client.send(b"PING\r\n")  # expect: SCK201


def greet_each(listener: socket.socket, lines: list, count: int) -> None:
    # a new connection each pass, but written in a loop of its own within the pass
    for _ in range(count):
        conn, _ = listener.accept()
        conn.setblocking(False)
        for line in lines:
            conn.send(line)  # expect: SCK201 SCK601


def greet_previous(listener: socket.socket, banner: bytes) -> None:
    # the connection written was accepted before the loop: every pass writes it again
    conn, _ = listener.accept()
    conn.setblocking(False)
    while True:
        conn.send(banner)  # expect: SCK201 SCK601

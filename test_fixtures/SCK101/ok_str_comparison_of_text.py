# SCK101 ok: a str compared with '' is a real test when the name holds text decoded from the
# bytes (also when the read's own name is rebound to it), and a read in a retry loop that
# leaves the loop once it returns is checked after it.
import errno
import select
import socket


def lines(sock: socket.socket, sink) -> None:
    while True:
        data = sock.recv(4096)
        text = data.decode("utf-8")
        if text == "":
            break
        sink.write(text)


def decoded(sock: socket.socket, sink) -> None:
    while True:
        line = sock.recv(4096).decode()
        if line == "":
            break
        sink.write(line)


def rebound(ready, sink) -> None:
    while True:
        for client in list(ready()):
            try:
                data = client.sock.recv(4096)
                data = data.decode("utf-8", "replace")
            except OSError:
                sink.drop(client)
            if data == "":
                sink.drop(client)
                continue
            sink.write(data)


def read_when_ready(sock: socket.socket) -> bytes:
    while True:
        try:
            data = sock.recv(4096)
        except OSError as e:
            if e.errno != errno.EAGAIN:
                raise
            select.select([sock], [], [])
        else:
            break
    if not data:
        raise EOFError("peer closed")
    return data


def read_retrying(sock: socket.socket) -> bytes:
    while True:
        try:
            chunk = sock.recv(4096)
            break
        except BlockingIOError:
            select.select([sock], [], [])
    if chunk == b"":
        raise EOFError("peer closed")
    return chunk

# SCK101 flag: comparing the bytes recv() returns with a str literal is never true on Python 3,
# so the "EOF check" never ends the loop.
import socket


def pump(sock: socket.socket, sink) -> None:
    while True:
        data = sock.recv(4096)  # expect: SCK101
        if data == '':
            break
        sink.write(data)


def pump_negated(sock: socket.socket, sink) -> None:
    while True:
        chunk = sock.recv(4096)  # expect: SCK101
        if not chunk == "":
            sink.write(chunk)
        else:
            break


def pump_is(conn: socket.socket, sink) -> None:
    while 1:
        buf = conn.recv(1024)  # expect: SCK101
        if buf is '':  # noqa: F632
            return
        sink.write(buf)

# SCK601 flag: bytes, text made bytes (encoded), or a name that may hold bytes on some path:
# the count is ignored as usual.
import socket


def greet(sock: socket.socket, name: str, payload, binary: bool) -> None:
    sock.setblocking(False)
    try:
        sock.send(("NICK %s\r\n" % name).encode())  # expect: SCK601
        sock.send(b"USER " + payload)  # expect: SCK601
        line = "QUIT :" + name
        if binary:
            line = payload
        sock.send(line)  # expect: SCK601
    except BlockingIOError:
        pass

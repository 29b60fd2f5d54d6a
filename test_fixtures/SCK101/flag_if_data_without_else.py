# SCK101 flag: `if data:` with no else only skips the work for an empty read; the loop goes
# round and reads b"" again, for ever.
import select
import socket


def pump(sock: socket.socket) -> None:
    while True:
        data = sock.recv(1024)  # expect: SCK101
        if data:
            print(data)


def watch(sock: socket.socket) -> None:
    while True:
        ready, _, _ = select.select([sock], [], [], 1.0)
        if ready:
            chunk = sock.recv(4096)  # expect: SCK101
            if len(chunk) > 0:
                print(chunk)


def read_frame(sock: socket.socket, length: int) -> bytes:
    response = b""
    while len(response) < length:
        byte = sock.recv(1)  # expect: SCK101
        if byte:
            response += byte
    return response

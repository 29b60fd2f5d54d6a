# SCK101 flag: an assignment expression tests the read the way its name would. A test that
# goes round again on an empty read (`while not (data := ...)`, `if data := ...:` with no
# else) does not catch the end of file, wherever the loop is in its function.
import socket


def wait_for_reply(sock: socket.socket) -> bytes:
    while not (data := sock.recv(1024)):  # expect: SCK101
        pass
    return data


def pump(sock: socket.socket, handle) -> None:
    done = False
    while not done:
        if received := sock.recv(65535):  # expect: SCK101
            done = handle(received)
    sock.close()

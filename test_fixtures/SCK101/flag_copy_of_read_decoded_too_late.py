# SCK101 flag: a call between the read and the decode (other than one that only prints or
# logs) runs code first (and may change what
# the loop does); a copy that is rebound before the test is no copy any more; a read that
# ends a `try` with an `else` goes on there, not after the `try`.
import socket


def pump(sock: socket.socket, on_message) -> None:
    while True:
        try:
            data = sock.recv(2048)  # expect: SCK101
        except OSError:
            break
        result = data
        on_message(len(result))
        if result[-1] == 0x4:
            on_message(result)


def pump_rebound(sock: socket.socket, on_message, prefix: bytes) -> None:
    while True:
        data = sock.recv(2048)  # expect: SCK101
        result = data
        result = prefix
        if result[-1] == 0x4:
            on_message(data)


def pump_else(sock: socket.socket, on_message) -> None:
    while True:
        try:
            data = sock.recv(2048)  # expect: SCK101
        except OSError:
            break
        else:
            on_message(data)
        if data[-1] == 0x4:
            on_message(b"end")


def pump_none_branch_does_more(sock: socket.socket, on_message) -> None:
    while True:
        data = sock.recv(2048)  # expect: SCK101
        if data is None:
            on_message(b"closed")
            continue
        print(len(data))
        if data[-1] == 0x4:
            on_message(data)


def pump_with_more_after(sock: socket.socket, on_message, status) -> None:
    # the read does not end the `with` body: a call after it, inside the block, runs first
    while True:
        with status("waiting"):
            data = sock.recv(2048)  # expect: SCK101
            on_message(data)
        if data[-1] == 0x4:
            return

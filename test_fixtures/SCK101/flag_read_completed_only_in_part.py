# SCK101 flag: a completing loop sees the end of file for the read before it only when it
# runs on an empty result and its own read's check leaves the function: a `break` leaves
# only the completing loop (where the inner read is reported too), and a statement that
# rebinds the data between them hides the empty read.
import socket


def pump_break(sock: socket.socket, handle) -> None:
    while True:
        data = sock.recv(4)  # expect: SCK101
        while len(data) < 4:
            more = sock.recv(4 - len(data))  # expect: SCK101
            if not more:
                break
            data += more
        handle(data)


def pump_rebound(sock: socket.socket, pending: bytes, handle) -> None:
    while True:
        data = sock.recv(4)  # expect: SCK101
        data = pending + data
        while len(data) < 4:
            more = sock.recv(4 - len(data))
            if not more:
                return
            data += more
        handle(data)

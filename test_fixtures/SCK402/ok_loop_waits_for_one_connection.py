# SCK402 ok: a loop that leaves as soon as accept() succeeds (return or break right after
# it) waits for one connection and hands it on; it serves no clients one after another, so
# a write on the control connection while it waits is not a server loop's.
import select
import socket


class Tunnel:
    def __init__(self, control: socket.socket, listener: socket.socket):
        self.control = control
        self.listener = listener

    def next_request(self, idle: float) -> socket.socket:
        while True:
            ready, _, _ = select.select([self.listener], [], [], idle)
            if ready:
                conn, _ = self.listener.accept()
                return conn
            self.control.sendall(b"KEEPALIVE")


def wait_for_peer(listener: socket.socket, control: socket.socket) -> socket.socket:
    while True:
        control.send(b"WAIT")
        if select.select([listener], [], [], 1.0)[0]:
            peer, _ = listener.accept()
            break
    return peer

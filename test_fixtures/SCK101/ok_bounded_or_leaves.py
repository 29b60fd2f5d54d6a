# SCK101 ok (from real code): a loop bounded by a counter ends; a read followed by break never goes round.
import os
import select
import socket
import time


def drain_datagrams(sock: socket.socket, handle) -> None:
    # dnspython: at most ten reads per wake-up
    count = 0
    while count < 10:
        count += 1
        try:
            datagram = sock.recv(65535)
        except BlockingIOError:
            return
        handle(datagram)


def read_when_ready(sock: socket.socket, n: int) -> bytes:
    # paramiko sftp: poll until readable, read once, leave the loop
    while True:
        read, _, _ = select.select([sock], [], [], 0.1)
        if len(read) > 0:
            x = sock.recv(n)
            break
    return x


class Login:
    # The reads are followed, on every path that does not raise, by an assignment that
    # makes the loop's own condition false: the loop ends as if it said ``break``.
    def __init__(self, address) -> None:
        self.address = address
        self.connected = False
        self.waiting = True

    def connect(self) -> bytes:
        while not self.connected:
            try:
                self.sock = socket.create_connection(self.address, timeout=10)
                hello = self.sock.recv(1024)
                self.sock.sendall(b"LOGIN\n")
                self.reply = self.sock.recv(1024)
                self.connected = True
            except OSError:
                self.sock = None
        return hello

    def wait_banner(self) -> bytes:
        while self.waiting:
            banner = self.sock.recv(1024)
            self.waiting = False
        return banner

    def ask(self, deadline: float) -> bytes:
        # flags joined by ``and``: making one of them false ends the loop
        timed_out = False
        got_answer = False
        answer = b""
        while not timed_out and not got_answer:
            try:
                answer = self.sock.recv(1024)
                got_answer = True
            except BlockingIOError:
                timed_out = time.time() > deadline
        return answer


def read_once_then_exit(sock: socket.socket, handle_reply) -> None:
    # A call that ends the program after the read leaves the loop as a break does.
    while True:
        reply = sock.recv(1024)
        handle_reply(reply)
        os._exit(0)


def read_chunks(sock: socket.socket, count: int) -> list:
    # every pass grows the list by one: at end of file it gathers empty chunks and ends
    chunks = []
    while len(chunks) < count:
        chunks.append(sock.recv(1024))
    return chunks

# SCK101 ok (from real code): a loop bounded by a counter ends; a read followed by break never goes round.
import select
import socket


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

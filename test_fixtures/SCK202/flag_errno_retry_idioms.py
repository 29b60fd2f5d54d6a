# SCK202 flag: "re-raise unless EINTR" and "continue on EINTR" idioms around blocking recv()/sendall() that loop to retry.
import errno
import socket


def recv_retry(sock: socket.socket, size: int) -> bytes:
    while True:
        try:
            data = sock.recv(size)
        except socket.error as e:
            if e.errno != errno.EINTR:  # expect: SCK202
                raise
        else:
            return data


def send_retry(sock: socket.socket, payload: bytes) -> None:
    while True:
        try:
            sock.sendall(payload)
            return
        except OSError as exc:
            if exc.errno == errno.EINTR:  # expect: SCK202
                continue
            raise

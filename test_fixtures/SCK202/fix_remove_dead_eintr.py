# SCK202 fix: dead EINTR handling is removed; what remains behaves the same on Python 3.5+.
import errno
import os
import select
import socket


def read_self_pipe(sock: socket.socket) -> None:
    while True:
        try:
            data = sock.recv(4096)
            if not data:
                break
        except InterruptedError:  # expect: SCK202
            continue
        except BlockingIOError:
            break


def wait_readable(fds, timeout):
    while True:
        # retry when a signal arrives
        try:
            return select.select(fds, [], [], timeout)
        except InterruptedError:  # expect: SCK202
            continue


def drain(sock: socket.socket) -> None:
    while True:
        try:
            if not sock.recv(1024):
                return
        except (BlockingIOError, InterruptedError):  # expect: SCK202
            pass


def reap() -> None:
    while True:
        try:
            os.wait()
        except OSError as e:
            if e.errno != errno.EINTR:  # expect: SCK202
                raise


def read_fd(fd: int) -> bytes:
    while True:
        try:
            return os.read(fd, 4096)
        except OSError as e:
            if e.errno == errno.EINTR:  # expect: SCK202
                continue
            raise


def read_or_wait(fd: int) -> bytes:
    while True:
        try:
            return os.read(fd, 4096)
        except OSError as e:
            if e.errno in (errno.EINTR, errno.EAGAIN):  # expect: SCK202
                select.select([fd], [], [])
                continue
            raise

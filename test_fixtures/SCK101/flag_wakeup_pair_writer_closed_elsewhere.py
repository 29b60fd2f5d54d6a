# SCK101 flag: the write end of the wake-up pair is closed where the reader may still run, so
# recv() on the read end then returns b"" at once, every time, and the drain loop spins.
import asyncio
import atexit
import socket
import threading


class ClosedInStop:
    def __init__(self) -> None:
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)

    def stop(self) -> None:
        self._wake_w.close()

    def _drain(self) -> None:
        while True:
            try:
                self._wake_r.recv(1024)  # expect: SCK101
            except BlockingIOError:
                return

    def __del__(self) -> None:
        self._wake_w.close()


class ClosedLaterFromDel:
    def __init__(self) -> None:
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)

    def _drain(self) -> None:
        while True:
            try:
                self._wake_r.recv(1024)  # expect: SCK101
            except BlockingIOError:
                return

    def __del__(self) -> None:
        # the timer closes the writer later, from another thread
        threading.Timer(1, self._wake_w.close).start()


class Other:
    def __init__(self, pair) -> None:
        self.pair = pair

    def __del__(self) -> None:
        self.pair._wake_w.close()


def soon(loop: asyncio.AbstractEventLoop):
    writer, reader = socket.socketpair()
    reader.setblocking(False)
    loop.call_soon(writer.close)  # runs on the next pass of the loop, not at teardown
    while True:
        try:
            reader.recv(64)  # expect: SCK101
        except BlockingIOError:
            return


def lambda_at_exit():
    writer, reader = socket.socketpair()
    reader.setblocking(False)
    atexit.register(lambda: writer.close())
    while True:
        try:
            reader.recv(64)  # expect: SCK101
        except BlockingIOError:
            return


def registered_and_closed(register_at_shutdown):
    writer, reader = socket.socketpair()
    reader.setblocking(False)
    register_at_shutdown(writer.close)
    writer.close()
    while True:
        try:
            reader.recv(64)  # expect: SCK101
        except BlockingIOError:
            return


def shutdown_registered():
    writer, reader = socket.socketpair()
    reader.setblocking(False)
    atexit.register(writer.shutdown, socket.SHUT_WR)
    while True:
        try:
            reader.recv(64)  # expect: SCK101
        except BlockingIOError:
            return


def closure_closed_on_reset(register_at_shutdown):
    wait_sock = None
    notify_sock = None

    def drain() -> None:
        while True:
            try:
                wait_sock.recv(1000)  # expect: SCK101
            except BlockingIOError:
                return

    def reset() -> None:
        # closes the writer while drain() may still be reading the old pair
        nonlocal notify_sock, wait_sock
        if notify_sock is not None:
            notify_sock.close()
        notify_sock, wait_sock = socket.socketpair()
        register_at_shutdown(notify_sock.close)

    return drain, reset

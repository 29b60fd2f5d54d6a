# SCK101 ok: the write end of the wake-up pair is closed only where the reader cannot be
# running: in __del__ of the object that keeps both ends, or by a teardown registration.
import atexit
import socket
import weakref


class Monitor:
    def __init__(self) -> None:
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)

    def wake(self) -> None:
        self._wake_w.send(b"\x00")

    def _drain(self) -> None:
        while True:
            try:
                self._wake_r.recv(1024)
            except BlockingIOError:
                return

    def __del__(self) -> None:
        try:
            self._wake_r.close()
        except Exception:
            pass
        try:
            self._wake_w.close()
        except Exception:
            pass


class Kernel:
    def __init__(self) -> None:
        self._shutdown_funcs = []

    def _call_at_shutdown(self, func) -> None:
        self._shutdown_funcs.append(func)


def make_waker(kernel: Kernel):
    notify_sock, wait_sock = socket.socketpair()
    wait_sock.setblocking(False)
    kernel._call_at_shutdown(notify_sock.close)
    kernel._call_at_shutdown(wait_sock.close)

    def drain() -> None:
        while True:
            try:
                wait_sock.recv(1000)
            except BlockingIOError:
                return

    def wake() -> None:
        notify_sock.send(b"\x00")

    return drain, wake


def at_exit_waker():
    writer, reader = socket.socketpair()
    reader.setblocking(False)
    atexit.register(writer.close)
    writer.send(b"\x00")
    while True:
        try:
            reader.recv(64)
        except BlockingIOError:
            return


class Finalised:
    def __init__(self) -> None:
        self.writer, self.reader = socket.socketpair()
        self.reader.setblocking(False)
        weakref.finalize(self, self.writer.close)

    def drain(self) -> None:
        while True:
            try:
                self.reader.recv(64)
            except BlockingIOError:
                return


def lazy_waker(kernel: Kernel):
    notify_sock = None
    wait_sock = None

    def drain() -> None:
        while True:
            try:
                wait_sock.recv(1000)
            except BlockingIOError:
                return

    def init() -> None:
        nonlocal notify_sock, wait_sock
        notify_sock, wait_sock = socket.socketpair()
        wait_sock.setblocking(False)
        kernel._call_at_shutdown(notify_sock.close)

    def wake() -> None:
        notify_sock.send(b"\x00")

    return init, drain, wake

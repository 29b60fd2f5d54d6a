# SCK902 lookalike: a user RPC client with settimeout()/recv() that raises its own error with errno ETIMEDOUT; it is no socket.
import errno
import queue


class RpcError(OSError):
    pass


class RpcClient:
    def __init__(self, inbox: "queue.Queue[bytes]") -> None:
        self._inbox = inbox
        self._timeout = None

    def settimeout(self, seconds: float) -> None:
        self._timeout = seconds

    def recv(self, bufsize: int) -> bytes:
        try:
            return self._inbox.get(timeout=self._timeout)[:bufsize]
        except queue.Empty:
            raise RpcError(errno.ETIMEDOUT, "deadline exceeded") from None


def call(inbox: "queue.Queue[bytes]") -> bytes:
    conn = RpcClient(inbox)
    conn.settimeout(5.0)
    try:
        return conn.recv(4096)
    except RpcError as e:
        if e.errno == errno.ETIMEDOUT:
            return b""
        raise

# SCK202 flag: `except InterruptedError: continue` around recv() on a socketpair; PEP 475 retries it, so the branch is dead.
import socket


class SelfPipe:
    def __init__(self) -> None:
        self._ssock, self._csock = socket.socketpair()
        self._ssock.setblocking(False)
        self._csock.setblocking(False)

    def _process_self_data(self, data: bytes) -> None:
        pass

    def read_from_self(self) -> None:
        while True:
            try:
                data = self._ssock.recv(4096)
                if not data:
                    break
                self._process_self_data(data)
            except InterruptedError:  # expect: SCK202
                continue
            except BlockingIOError:
                break

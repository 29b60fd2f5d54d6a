# SCK601 ok: the timeout is set for the connect only and taken back after it. On the way, a
# failed connect is retried by calling the method again (which sets a new socket up the same
# way) after a sleep that is handed nothing of the object, or ends in an exception, which
# leaves a socket that never connected and on which nothing is ever written. Every other
# method finds the socket blocking.
import logging
import socket
import time

log = logging.getLogger(__name__)


class RpcClient:
    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.retries = 0
        self.sock = None

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.settimeout(3.0)
        log.debug("connecting")
        try:
            self.sock.connect((self.host, self.port))
        except OSError as e:
            if self.retries != 5:
                self.retries += 1
                time.sleep(5)
                self.connect()
            else:
                raise RuntimeError("unable to connect to {0}:{1}: {2}".format(
                    self.host, self.port, e))
        self.sock.settimeout(None)

    def call(self, payload: bytes) -> None:
        self.sock.send(payload)

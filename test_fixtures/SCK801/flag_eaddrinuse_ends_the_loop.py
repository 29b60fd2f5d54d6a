# The handler of bind() ends the loop on EADDRINUSE: the next candidate is never tried, and a
# restart while old connections are in TIME_WAIT fails.
import errno
import socket


def listen_on_first_free(host, ports):
    for port in ports:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind((host, port))  # expect: SCK801
        except OSError as exc:
            sock.close()
            if exc.errno == errno.EADDRINUSE:
                raise SystemExit(f"port {port} is busy")
            continue
        sock.listen()
        return sock
    return None


def listen_once(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((host, port))  # expect: SCK801
    except OSError:
        sock.close()
        return None
    sock.listen()
    return sock


class GivesUp:
    """The helper's callers do not retry: one breaks out of its loop on the error, and one
    calls it outside any loop."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.sock = socket.socket()

    def _listen(self) -> None:
        self.sock.bind(("", self.port))  # expect: SCK801
        self.sock.listen()

    def start(self) -> None:
        while True:
            try:
                self._listen()
            except OSError:
                break

    def restart(self) -> None:
        try:
            self._listen()
        except OSError:
            pass



def listen_with_few_tries(host, port, state):
    # the branch that leaves tests something other than the loop's own test: a bounded
    # number of tries may all fall inside TIME_WAIT
    attempts = 0
    while state.running:
        try:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind((host, port))  # expect: SCK801
            break
        except OSError:
            attempts += 1
            if attempts < 3:
                continue
            return None
    sock.listen(5)
    return sock

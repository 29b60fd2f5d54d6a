# SCK401 lookalike: `preexec_fn=` given to the project's own launcher, which calls it in this process (no fork), and a lambda kept in a variable: both run in the parent and are flagged.
import signal
import socket


class Launcher:
    def __init__(self, args, preexec_fn=None) -> None:
        self.args = args
        self.preexec_fn = preexec_fn

    def launch(self) -> None:
        if self.preexec_fn is not None:
            self.preexec_fn()  # in this process: no fork here


def _defaults():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # expect: SCK401


restore = lambda: signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # expect: SCK401


def serve(sock: socket.socket) -> None:
    Launcher(["true"], preexec_fn=_defaults).launch()
    restore()
    sock.sendall(b"started\n")

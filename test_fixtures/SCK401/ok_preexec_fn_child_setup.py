# SCK401 ok: a proxy restores SIGPIPE's default only in the program it starts: the function runs as preexec_fn, in the child between fork and exec.
import os
import signal
import socket
import subprocess


def _child_setup():
    # The wrapped program is not Python: give it the default SIGPIPE it expects.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)


class Proxy:
    def __init__(self, command, listener: socket.socket) -> None:
        self.command = command
        self.listener = listener
        self.child = None

    def start_wrapped(self) -> None:
        self.child = subprocess.Popen(self.command, env=os.environ, preexec_fn=_child_setup)

    def _restore_signals(self):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)

    def run_helper(self, args) -> int:
        posix = os.name == "posix"
        return subprocess.call(args, preexec_fn=self._restore_signals if posix else None)

    def serve_one(self) -> None:
        conn, _addr = self.listener.accept()
        with conn:
            conn.sendall(b"proxy ready\n")

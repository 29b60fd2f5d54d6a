# SCK401 flag: the function is a preexec_fn, but the client also calls it at start-up, so the parent dies on a write to a reset peer.
import signal
import socket
import subprocess


def default_sigpipe():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # expect: SCK401


def run_hook(args) -> int:
    return subprocess.run(args, preexec_fn=default_sigpipe).returncode


def main(host: str, port: int) -> None:
    default_sigpipe()
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(b"hook exit status %d\n" % run_hook(["./hook"]))

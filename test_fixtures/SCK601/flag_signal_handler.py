# SCK601 flag: the module installs a Python signal handler. A signal that arrives while a
# blocking send() is writing a large buffer ends the system call early; the handler runs, and
# send() returns the short count, which the statement throws away.
import signal
import sys
import socket

reload_requested = False


def on_hangup(signum, frame) -> None:
    global reload_requested
    reload_requested = True


def main(host: str, port: int, blob: bytes) -> None:
    signal.signal(signal.SIGHUP, on_hangup)
    sock = socket.create_connection((host, port))
    sock.send(blob)  # expect: SCK601
    sock.close()


def forward(conn: socket.socket, blob: bytes) -> None:
    conn.send(blob)  # expect: SCK601


def on_usr1(signum, frame) -> None:
    try:
        sys.exit(0)
    except SystemExit:
        print("staying up")


def serve(host: str, port: int, blob: bytes) -> None:
    signal.signal(signal.SIGUSR1, on_usr1)
    sock = socket.create_connection((host, port))
    sock.send(blob)  # expect: SCK601

# SCK601 ok: the module's signal handlers all end the program or raise. A signal that cuts a
# blocking send() short runs the handler right after the call returns, and the handler never
# lets the program go on to use (or lose) the short count: like default_int_handler.
import os
import signal
import socket
import sys


def exit_cleanly() -> None:
    def quit(signum, frame):
        print("Exiting cleanly (SIG %s)" % signum)
        try:
            sys.exit()
        finally:
            os._exit(0)

    signal.signal(signal.SIGINT, quit)
    signal.signal(signal.SIGTERM, quit)


class Stop(Exception):
    pass


def on_hangup(signum, frame) -> None:
    if signum == signal.SIGHUP:
        raise Stop()
    else:
        sys.exit(1)


def main(host: str, port: int, blob: bytes) -> None:
    exit_cleanly()
    signal.signal(signal.SIGHUP, on_hangup)
    sock = socket.create_connection((host, port))
    sock.send(blob)
    sock.close()

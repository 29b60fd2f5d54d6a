# SCK401 ok: a log-tail client sets SIGPIPE to SIG_DFL for `| head` and only reads from its socket, never writes to it.
import signal
import socket
import sys


def main(host: str, port: int) -> None:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    with socket.create_connection((host, port), timeout=60) as sock:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            sys.stdout.buffer.write(chunk)
            sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))

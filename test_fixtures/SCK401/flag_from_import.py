# SCK401 flag: `from signal import signal, SIGPIPE, SIG_DFL` inside main() of a client that writes lines to a socket.
import socket
import sys
from signal import signal, SIGPIPE, SIG_DFL


def main(argv) -> int:
    signal(SIGPIPE, SIG_DFL)  # expect: SCK401
    host, port = argv[1], int(argv[2])
    with socket.create_connection((host, port), timeout=10) as sock:
        for line in sys.stdin.buffer:
            sock.sendall(line)
            reply = sock.recv(4096)
            if not reply:
                break
            sys.stdout.buffer.write(reply)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

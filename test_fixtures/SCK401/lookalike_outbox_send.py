# SCK401 lookalike: SIG_DFL in a batch tool whose `out_conn.send(b"...")` is a user class buffering to a file, not a socket.
import signal
import sys


class FileOutbox:
    def __init__(self, stream) -> None:
        self._stream = stream
        self.count = 0

    def send(self, record: bytes) -> int:
        self.count += 1
        return self._stream.write(record)


def main() -> None:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    out_conn = FileOutbox(sys.stdout.buffer)
    out_conn.send(b"# export\n")
    for line in sys.stdin.buffer:
        out_conn.send(line.upper())
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()

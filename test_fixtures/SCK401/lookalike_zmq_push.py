# SCK401 lookalike: SIG_DFL in a job pusher whose sock.send(b"...") is a zmq PUSH socket from ctx.socket(), not a BSD socket.
import signal
import sys

import zmq


def main(endpoint: str) -> None:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ctx = zmq.Context()
    sock = ctx.socket(zmq.PUSH)
    sock.connect(endpoint)
    for line in sys.stdin.buffer:
        sock.send(line.rstrip(b"\n"))
    sock.send(b"")
    sock.close()
    ctx.term()


if __name__ == "__main__":
    main(sys.argv[1])

# SCK401 lookalike: SIG_DFL in a CLI whose only .send() calls drive generator coroutines, not sockets.
import signal
import sys


def printer():
    while True:
        line = yield
        sys.stdout.write(line)


def grep(pattern: str, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)


def main(pattern: str) -> None:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sink = printer()
    next(sink)
    matcher = grep(pattern, sink)
    next(matcher)
    for line in sys.stdin:
        matcher.send(line)
    matcher.close()


if __name__ == "__main__":
    main(sys.argv[1])

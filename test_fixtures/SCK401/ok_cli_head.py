# SCK401 ok: a CLI tool restores SIGPIPE's default so `tool | head` exits quietly; it never touches sockets.
import argparse
import signal
import sys


def main(argv=None) -> int:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    parser = argparse.ArgumentParser(description="Number the lines of files.")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args(argv)
    for path in args.files:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for lineno, line in enumerate(fh, 1):
                sys.stdout.write(f"{lineno:6}\t{line}")
    if not args.files:
        for lineno, line in enumerate(sys.stdin, 1):
            sys.stdout.write(f"{lineno:6}\t{line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

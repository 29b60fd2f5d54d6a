"""lint-sockets on generated modules of unusual shapes: is any part of it worse than linear?

Run by hand (not a test):

    python -m pip install -e .
    python bench/shapes.py              # 5,000 repetitions of each shape
    python bench/shapes.py --size 10000

For each shape, one module with SIZE repetitions and one with SIZE / 2; the table gives
the time of `lint-sockets --select ALL -j 1 --no-cache` (a process of its own, startup
included), the time of libcst's parse alone (in this process), and the growth of the
lint-sockets time from SIZE / 2 to SIZE: about 2 is linear, about 4 quadratic.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

import libcst as cst

SHAPES = {
    "one line of `;` statements": lambda n: (
        "import socket\nsock = socket.socket()\n"
        + "; ".join(f"x{i} = sock.recv({i})" for i in range(n)) + "\n"),
    "loops at module level": lambda n: "import socket\nsock = socket.socket()\n" + "".join(
        f"while True:\n    d{i} = sock.recv(1)\n    if not d{i}:\n        break\n"
        for i in range(n)),
    "one long loop body": lambda n: "import socket\nsock = socket.socket()\nwhile True:\n" + "".join(
        f"    x{i} = sock.recv({i})\n    sock.send(x{i})\n" for i in range(n)),
    "many functions": lambda n: "import socket\n" + "".join(
        f"def f{i}(conn):\n    while True:\n        d = conn.recv(10)\n        conn.send(d)\n"
        for i in range(n)),
    "many methods, one class": lambda n: "import socket\nclass C:\n" + "".join(
        f"    def m{i}(self):\n        self.s{i} = socket.socket()\n"
        f"        self.s{i}.setblocking(False)\n        self.s{i}.connect(('h', 1))\n"
        for i in range(n)),
    "names rebound at module level": lambda n: "import socket\n" + "".join(
        f"s = socket.socket()\ns.setblocking(False)\ns.connect(('h', {i}))\n" for i in range(n)),
    "handlers of one try": lambda n: (
        "import socket\ns = socket.socket()\nwhile True:\n    try:\n        d = s.recv(1)\n"
        + "".join(f"    except OSError as e{i}:\n        if e{i}.errno == {i % 130}:\n"
                  "            continue\n" for i in range(n))),
}


def lint_seconds(path):
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lint_sockets", "--select", "ALL", "-j", "1",
                    "--no-cache", "--quiet", path], stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def parse_seconds(source):
    start = time.perf_counter()
    cst.parse_module(source)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000)
    size = parser.parse_args().size
    rows = [("shape", "lines", "lint-sockets", "libcst parse", "growth (x2 size)")]
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in SHAPES.items():
            times = []
            for n in (size // 2, size):
                source = make(n)
                path = os.path.join(tmp, "shape.py")
                with open(path, "w") as out:
                    out.write(source)
                times.append(lint_seconds(path))
            rows.append((name, f"{source.count(chr(10)):,}", f"{times[1]:.2f} s",
                         f"{parse_seconds(source):.2f} s", f"{times[1] / times[0]:.1f}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for index, row in enumerate(rows):
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths)) + " |")
        if index == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


if __name__ == "__main__":
    main()

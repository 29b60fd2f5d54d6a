"""lint-sockets against ruff and flake8 on the standard library of the running Python.

Run by hand (not a test):

    python -m pip install -e . ruff flake8-bugbear
    python bench/run.py            # medians of 3 runs
    python bench/run.py --runs 5
    python bench/run.py --compare before=../other-checkout   # add that checkout's rows

Corpora: A, the standard library without its tests; B, the files of A that mention
"socket". Each is copied into a temporary directory holding an empty pyproject.toml, so
it is a project of its own, whatever directory this machine keeps Python in (the
standard library of a git checkout of Pythons would otherwise be linted as part of the
whole checkout). Each tool runs as its own process; wall time, CPU time (user + system, the
process and the children it waited for) and peak memory (largest resident set among them)
come from the operating system (wait4). The table gives medians and the ratio to ruff.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time


def corpora():
    lib = sysconfig.get_paths()["stdlib"]
    every = []
    for root, dirs, files in os.walk(lib):
        parts = os.path.relpath(root, lib).split(os.sep)
        if "site-packages" in parts or any(
            p in ("test", "tests", "idle_test") or p.startswith("test") for p in parts
        ):
            dirs[:] = []
            continue
        dirs.sort()
        every.extend(os.path.join(root, f) for f in sorted(files) if f.endswith(".py"))
    sockets = [p for p in every if b"socket" in open(p, "rb").read()]
    return every, sockets


def measure(command, cwd, before=None):
    """(wall seconds, cpu seconds, peak MiB) of one run of ``command``."""
    if before is not None:
        before()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024


def median_of(runs, command, cwd, before=None):
    samples = [measure(command, cwd, before) for _ in range(runs)]
    return tuple(statistics.median(s[i] for s in samples) for i in range(3))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare", action="append", default=[], metavar="NAME=DIR",
                        help="also time the lint-sockets of the checkout in DIR (run with "
                             "this Python, DIR first on its path), labelled NAME")
    args = parser.parse_args()
    compare = []
    for item in args.compare:
        label, _, directory = item.partition("=")
        compare.append((label, os.path.abspath(directory)))
    every, sockets = corpora()
    lines = lambda paths: sum(open(p, "rb").read().count(b"\n") for p in paths)
    print(f"Python {sys.version.split()[0]} on {sys.platform}, {os.cpu_count()} cores")
    print(f"corpus A: {len(every)} files, {lines(every):,} lines (standard library "
          f"without tests)")
    print(f"corpus B: {len(sockets)} files, {lines(sockets):,} lines (files of A that "
          f"mention socket)\n")

    load = os.getloadavg()
    work = tempfile.mkdtemp(prefix="lint-sockets-bench-")
    every, sockets = _copy(every, os.path.join(work, "A")), _copy(sockets,
                                                                os.path.join(work, "B"))
    lists = {}
    for name, paths in (("A", every), ("B", sockets)):
        lists[name] = os.path.join(work, f"corpus-{name}.txt")
        with open(lists[name], "w") as out:
            out.write("\n".join(paths))
    python = sys.executable
    cache = os.path.join(work, ".lint_sockets_cache")
    drop_cache = lambda: shutil.rmtree(cache, ignore_errors=True)

    def tool(*argv):
        return [python, "-m", *argv]

    def checkout(directory, *argv):
        # this Python with the checkout first on its path (PYTHONPATH would also reach
        # the other tools' processes)
        return [python, "-c", "import runpy, sys; sys.path.insert(0, sys.argv.pop(1)); "
                "runpy.run_module('lint_sockets', run_name='__main__', alter_sys=True)",
                directory, *argv]

    # As an installation would have them: the byte code of each lint-sockets timed (with
    # PYTHONDONTWRITEBYTECODE set, every run would compile it again).
    import importlib.util

    packages = [importlib.util.find_spec("lint_sockets").submodule_search_locations[0]]
    packages += [os.path.join(directory, "lint_sockets") for _, directory in compare]
    for package in packages:
        subprocess.run([python, "-m", "compileall", "-q", package], check=True,
                       stdout=subprocess.DEVNULL)

    rows = []
    for name, paths in (("A", every), ("B", sockets)):
        # The cache goes where this script can drop it (and outside the corpus).
        ours = ("--exit-zero", "--cache-dir", cache)
        cases = []
        for label, directory in [("", None)] + compare:
            run = ((lambda *argv: tool("lint_sockets", *argv)) if directory is None
                   else (lambda *argv, d=directory: checkout(d, *argv)))
            name_ = "lint-sockets" + (f" ({label})" if label else "")
            cases += [
                (f"{name_}, cold", run(*ours, *paths), drop_cache),
                (f"{name_}, cold, --jobs 1", run(*ours, "--jobs", "1", *paths), drop_cache),
                (f"{name_}, warm cache", run(*ours, *paths), None),
            ]
        if shutil.which("ruff") or _has("ruff"):
            cases.append(("ruff --select ALL", tool("ruff", "check", "--select", "ALL",
                                                    "--no-cache", "--exit-zero", *paths),
                          None))
        if _has("flake8") and _has("bugbear"):
            cases.append(("flake8 + bugbear, -j1",
                          tool("flake8", "--isolated", "-j1", "--select", "B",
                               "--exit-zero", *paths), None))
        cases.append(("libcst parse_module alone",
                      [python, "-c", _PARSE_ONLY, lists[name]], None))
        for label, command, before in cases:
            if label.endswith("warm cache"):
                drop_cache()
                measure(command, work)  # fill the cache
            rows.append((name, label, *median_of(args.runs, command, work, before)))
    shutil.rmtree(work, ignore_errors=True)
    _table(rows)
    print(f"\nload average (1, 5, 15 min) before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
          "after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    if not _has("ruff") or not _has("bugbear"):
        print("\n(install ruff and flake8-bugbear into this Python to compare with them)")


def _copy(paths, directory):
    """Copies of ``paths`` (files of the standard library) below ``directory``, which
    becomes a project of its own (an empty pyproject.toml)."""
    lib = sysconfig.get_paths()["stdlib"]
    os.makedirs(directory)
    open(os.path.join(directory, "pyproject.toml"), "w").close()
    copies = []
    for path in paths:
        copy = os.path.join(directory, os.path.relpath(path, lib))
        os.makedirs(os.path.dirname(copy), exist_ok=True)
        shutil.copyfile(path, copy)
        copies.append(copy)
    return copies


_PARSE_ONLY = (
    "import sys, libcst\n"
    "for path in open(sys.argv[1]).read().split('\\n'):\n"
    "    libcst.parse_module(open(path, 'rb').read())\n"
)


def _has(module):
    import importlib.util

    return importlib.util.find_spec(module) is not None


def _table(rows):
    print("| corpus | what | wall (s) | CPU (s) | peak memory (MiB) | wall / ruff |")
    print("|---|---|---|---|---|---|")
    ruff = {corpus: wall for corpus, label, wall, _, _ in rows if label.startswith("ruff")}
    for corpus, label, wall, cpu, peak in rows:
        ratio = f"{wall / ruff[corpus]:.2f}" if corpus in ruff else "-"
        print(f"| {corpus} | {label} | {wall:.2f} | {cpu:.2f} | {peak:.0f} | {ratio} |")


if __name__ == "__main__":
    main()

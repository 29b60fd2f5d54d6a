"""lint-sockets on projects of growing size: does peak memory stay flat?

Run by hand (not a test):

    python -m pip install -e .
    python bench/scale.py                  # k = 1, 2, 4, 8; one run of each case
    python bench/scale.py --k 1 4 --runs 3
    python bench/scale.py --compare before=../other-checkout
    python bench/scale.py --sizes          # what the index holds, per 1,000 modules

Project k is corpus A of bench/run.py (the standard library without its tests) copied k
times, as k sibling top-level packages (``copy0`` ... each with an empty ``__init__.py``)
of one project (an empty ``pyproject.toml``): k times the modules, each as big as in A.
Each copy's relative imports resolve within it; its absolute ones (``import os``) name the
standard library outside the project, where in A they name A's own modules, so the index
is asked fewer questions across modules than on A, but holds k times the summaries.

Each case runs lint-sockets as a process of its own (``--exit-zero``, the whole project as
``.``): cold (``--no-cache``), cold writing the cache (a cache directory outside the
project, emptied first) and warm (that cache, as the run before left it), with ``--jobs
1`` and the default. The columns:

- wall and CPU seconds (user + system of the process and its workers, from wait4);
- largest RSS: the largest resident set any one process of the run reached (ru_maxrss
  from wait4, which on Linux is the largest among the process and the workers it
  waited for);
- total PSS: the largest sum, over the process and its live workers, of their
  proportional set sizes (/proc/PID/smaps_rollup, sampled every 20 ms; a page shared by n
  processes counts 1/n in each, so pages the forked workers share with the main process
  are counted once). Linux only; "-" elsewhere;
- load: the 1-minute load average when the run ended (the machine may be shared).

``--sizes`` loads each project in this process (its summaries made here, no cache) and
prints the memory (tracemalloc) the project holds once its index is built, and how much
it grows per 1,000 modules (with ``PYTHONPATH=DIR``, for the checkout in DIR).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from run import corpora  # noqa: E402  (bench/run.py, next to this file)


def build(directory, k, every):
    """Project ``directory``: corpus A (``every``, files of the standard library) copied
    ``k`` times as the packages copy0 ... copy<k-1>. Returns the number of modules."""
    import sysconfig

    lib = sysconfig.get_paths()["stdlib"]
    os.makedirs(directory)
    open(os.path.join(directory, "pyproject.toml"), "w").close()
    for i in range(k):
        package = os.path.join(directory, f"copy{i}")
        os.makedirs(package)
        open(os.path.join(package, "__init__.py"), "w").close()
        for path in every:
            copy = os.path.join(package, os.path.relpath(path, lib))
            os.makedirs(os.path.dirname(copy), exist_ok=True)
            shutil.copyfile(path, copy)
    return k * len(every) + k


def _tree(pid):
    """``pid`` and its descendants (Linux: /proc/PID/task/TID/children)."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as listing:
                    stack.extend(int(child) for child in listing.read().split())
        except OSError:
            continue
    return found


def _pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class _Sampler(threading.Thread):
    """The largest total PSS of a process tree, sampled until ``stop``."""

    def __init__(self, pid, every=0.02):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak = 0
        self.done = threading.Event()
        self.usable = os.path.exists(f"/proc/{os.getpid()}/smaps_rollup")

    def run(self):
        while self.usable and not self.done.is_set():
            self.peak = max(self.peak, sum(_pss_kib(p) for p in _tree(self.pid)))
            self.done.wait(self.every)


def measure(command, cwd):
    """(wall s, CPU s, largest RSS MiB, total PSS MiB or None) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    sampler = _Sampler(process.pid)
    sampler.start()
    # wait4 reaps the process: the sampler stops first (its pid may be reused after)
    os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOWAIT)
    sampler.done.set()
    sampler.join()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited with {process.returncode}")
    pss = sampler.peak / 1024 if sampler.usable else None
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, pss


def sizes(projects):
    """What one process holds for each project once its index is built (tracemalloc: the
    memory allocated since the project was first listed and still held), and how much
    that grows per 1,000 modules from one project to the next."""
    import gc
    import tracemalloc

    from lint_sockets.project import Loader

    # once untraced first: what the first load imports and caches is not the project's
    Loader(projects[0][1], False).complete().finish().index  # noqa: B018
    print("| k | modules | held once the index is built (MiB) | growth per 1,000 modules "
          "(MiB) |")
    print("|---|---|---|---|")
    last = None
    for k, directory, modules in projects:
        gc.collect()
        tracemalloc.start()
        project = Loader(directory, False).complete().finish()
        project.index  # noqa: B018 - built here
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] / (1 << 20)
        tracemalloc.stop()
        growth = "-" if last is None else f"{(held - last[1]) * 1000 / (modules - last[0]):.2f}"
        print(f"| {k} | {modules} | {held:.1f} | {growth} |", flush=True)
        last = (modules, held)
        del project
        gc.collect()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--compare", action="append", default=[], metavar="NAME=DIR",
                        help="also run the lint-sockets of the checkout in DIR (with this "
                             "Python, DIR first on its path), labelled NAME")
    parser.add_argument("--sizes", action="store_true",
                        help="print what the index holds per project instead of timing")
    parser.add_argument("--compare-only", action="store_true",
                        help="run only the checkouts given with --compare")
    parser.add_argument("--cold-only", action="store_true", help="leave out the warm runs")
    args = parser.parse_args()
    every, _ = corpora()
    work = tempfile.mkdtemp(prefix="lint-sockets-scale-")
    try:
        projects = []
        for k in args.k:
            directory = os.path.join(work, f"k{k}")
            projects.append((k, directory, build(directory, k, every)))
        if args.sizes:
            sizes(projects)
            return
        _time(args, projects, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _time(args, projects, work):
    python = sys.executable
    versions = [] if args.compare_only else [("", None)]
    for item in args.compare:
        label, _, directory = item.partition("=")
        versions.append((label, os.path.abspath(directory)))

    def command(directory, *argv):
        if directory is None:
            return [python, "-m", "lint_sockets", *argv]
        return [python, "-c", "import runpy, sys; sys.path.insert(0, sys.argv.pop(1)); "
                "runpy.run_module('lint_sockets', run_name='__main__', alter_sys=True)",
                directory, *argv]

    # As an installation would have them: the byte code of each lint-sockets timed (with
    # PYTHONDONTWRITEBYTECODE set, every run would compile it again: time and memory)
    import importlib.util

    packages = [importlib.util.find_spec("lint_sockets").submodule_search_locations[0]]
    packages += [os.path.join(directory, "lint_sockets") for _, directory in versions
                 if directory is not None]
    for package in packages:
        subprocess.run([python, "-m", "compileall", "-q", package], check=True,
                       stdout=subprocess.DEVNULL)
    cache = os.path.join(work, "cache")
    load = os.getloadavg()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; corpus A copied k "
          f"times; medians of {args.runs}\n")
    print("| k | modules | lint-sockets | case | wall (s) | CPU (s) | largest RSS (MiB) "
          "| total PSS (MiB) | load |")
    print("|---|---|---|---|---|---|---|---|---|")
    for k, directory, modules in projects:
        for label, checkout in versions:
            cases = [("cold", ["--no-cache"]), ("cold, --jobs 1", ["--no-cache", "--jobs", "1"])]
            if not args.cold_only:
                cases += [("warm", ["--cache-dir", cache]),
                          ("warm, --jobs 1", ["--cache-dir", cache, "--jobs", "1"])]
            if not args.cold_only:
                # the warm cases' cache, filled by a cold run (timed too)
                cases.insert(2, ("cold, writing the cache", ["--cache-dir", cache]))
            for case, options in cases:
                run = command(checkout, "--exit-zero", *options, ".")
                if case.startswith("cold, writing"):
                    samples = []
                    for _ in range(args.runs):
                        shutil.rmtree(cache, ignore_errors=True)
                        samples.append(measure(run, directory))
                else:
                    samples = [measure(run, directory) for _ in range(args.runs)]
                wall, cpu, rss = (statistics.median(s[i] for s in samples) for i in range(3))
                pss = (statistics.median(s[3] for s in samples)
                       if samples[0][3] is not None else None)
                print(f"| {k} | {modules} | {label or 'this checkout'} | {case} | "
                      f"{wall:.2f} | {cpu:.2f} | {rss:.0f} | "
                      f"{'-' if pss is None else f'{pss:.0f}'} | {os.getloadavg()[0]:.1f} |",
                      flush=True)
            shutil.rmtree(cache, ignore_errors=True)
    print("\nload average (1, 5, 15 min) before: {:.2f} {:.2f} {:.2f}; after: {:.2f} "
          "{:.2f} {:.2f}".format(*load, *os.getloadavg()))


if __name__ == "__main__":
    main()

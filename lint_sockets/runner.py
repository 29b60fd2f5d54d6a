"""Checking many files: in parallel processes, through a cache, in a stable order.

Each file's result is plain data (so it crosses process boundaries and is cached as JSON):
its diagnostics with their fix's applicability, message and edits; what was fixed; errors.
"""

import hashlib
import json
import os
import sys
import tempfile

from lint_sockets import __version__

CACHE_DIR = ".lint_sockets_cache"


class Reported:
    """A diagnostic as output needs it (no libcst nodes, no fix builders)."""

    __slots__ = ("code", "message", "line", "column", "end_line", "end_column", "fix", "edits")

    def __init__(self, code, message, line, column, end_line, end_column, fix=None,
                 edits=None):
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.fix = fix  # FixInfo or None
        self.edits = edits

    def to_json(self):
        return [self.code, self.message, self.line, self.column, self.end_line,
                self.end_column, self.fix.to_json() if self.fix else None, self.edits]

    @classmethod
    def from_json(cls, data):
        code, message, line, column, end_line, end_column, fix, edits = data
        return cls(code, message, line, column, end_line, end_column,
                   FixInfo(*fix) if fix else None, edits)


class FixInfo:
    __slots__ = ("applicability", "message")

    def __init__(self, applicability, message):
        self.applicability = applicability
        self.message = message

    def to_json(self):
        return [self.applicability, self.message]


class Job:
    """What to do with each file; plain data, sent to the worker processes.

    In the main process, ``resolve`` gives each file its settings (from the configuration
    nearest to it); a job sent to a worker carries the settings of its file already."""

    def __init__(self, settings, fix=False, diff=False, unsafe=False, edits=False,
                 resolve=None):
        self.settings = settings
        self.fix = fix
        self.diff = diff
        self.unsafe = unsafe
        self.edits = edits
        self.resolve = resolve
        self._jobs = {}

    def __getstate__(self):
        state = dict(self.__dict__)
        state["resolve"] = None
        state["_jobs"] = {}
        return state

    def for_path(self, path):
        base = self.resolve(path) if self.resolve is not None else self.settings
        settings = base.for_path(path)
        if settings is self.settings:
            return self
        job = self._jobs.get(id(settings))
        if job is None or job.settings is not settings:
            job = Job(settings, self.fix, self.diff, self.unsafe, self.edits)
            self._jobs[id(settings)] = job
        return job


class FileResult:
    def __init__(self, path, diagnostics=(), fixed=(), errors=(), warnings=(), diff=None,
                 fixed_source=None, cached=False):
        self.path = path
        self.diagnostics = list(diagnostics)
        self.fixed = list(fixed)
        self.errors = list(errors)
        self.warnings = list(warnings)
        self.diff = diff
        self.fixed_source = fixed_source  # stdin with --fix
        self.cached = cached


def check_file(job, path, source=None, stdin=False):
    """Check (and with job.fix, fix) one file. Never raises for the file's sake."""
    from lint_sockets.engine import _safe_str, check_source

    result = FileResult(path)
    job = job.for_path(path)
    if source is None:
        try:
            with open(path, "rb") as handle:
                source = handle.read()
        except OSError as error:
            result.errors.append(f"{path}: cannot read: {error.strerror or error}")
            return result
    if job.fix or job.diff:
        source = _fix(job, path, source, stdin, result)
    try:
        diagnostics, _ = check_source(source, job.settings, edits=job.edits)
    except Exception as error:  # noqa: BLE001 - one bad file must not stop the run
        result.errors.append(f"{path}: internal error in lint-sockets: "
                             f"{type(error).__name__}: {_safe_str(error)} "
                             f"(please report it with this file)")
        return result
    for d in diagnostics:
        info = FixInfo(d.fix.applicability, d.fix.message) if d.fix is not None else None
        result.diagnostics.append(Reported(d.code, d.message, d.line, d.column, d.end_line,
                                           d.end_column, info, d.edits))
    return result


def _fix(job, path, source, stdin, result):
    from lint_sockets.engine import _safe_str
    from lint_sockets.fixes import (
        MAX_ITERATIONS, FixError, fix_source, unified_diff, write_atomically,
    )

    try:
        new, fixed, bounded = fix_source(source, job.settings, job.unsafe)
    except FixError as error:
        result.errors.append(f"{path}: internal error in lint-sockets: {_safe_str(error)}; "
                             f"nothing was written (please report it with this file)")
        return source
    except Exception as error:  # noqa: BLE001
        result.errors.append(f"{path}: internal error in lint-sockets while fixing: "
                             f"{type(error).__name__}: {_safe_str(error)}; nothing was "
                             f"written (please report it with this file)")
        return source
    if bounded:
        result.warnings.append(f"{path}: fixes still pending after {MAX_ITERATIONS} passes; "
                               f"run --fix again")
    if job.diff:
        if new != source:
            result.diff = unified_diff(path, source, new)
            result.fixed = fixed
        return source
    result.fixed = fixed
    if stdin:
        result.fixed_source = new
    elif new != source:
        try:
            write_atomically(path, new)
        except OSError as error:
            result.errors.append(f"{path}: cannot write the fixed file: "
                                 f"{error.strerror or error}")
            result.fixed = []
            return source
    return new


def _work(arguments):
    job, path = arguments
    return check_file(job, path)


def run_files(job, paths, jobs, cache):
    """FileResults for ``paths``, in the order given."""
    results = [None] * len(paths)
    todo = []
    for index, path in enumerate(paths):
        hit = cache.get(path, job) if cache is not None else None
        if hit is not None:
            results[index] = hit
        else:
            todo.append(index)
    if len(todo) > 1 and jobs > 1:
        # A big module's libcst tree takes hundreds of times its size in memory (about
        # 3.5 GB for 5 MB of code): big files are checked one at a time, in this process,
        # while the workers take the others.
        big = [i for i in todo if _size(paths[i]) > BIG_FILE]
        taken = set(big)
        small = [i for i in todo if i not in taken]
        small_results, big_results = _parallel(job, [paths[i] for i in small],
                                               [paths[i] for i in big], jobs)
        by_index = dict(zip(small, small_results))
        by_index.update(zip(big, big_results))
        done = [by_index[i] for i in todo]
    else:
        done = [check_file(job, paths[i]) for i in todo]
    for index, result in zip(todo, done):
        results[index] = result
        if cache is not None and not result.errors:
            cache.put(paths[index], job, result)
    return results


BIG_FILE = 1 << 20  # bytes


def _size(path):
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # check_file says what is wrong with it


def _parallel(job, paths, in_main, jobs):
    """(results of ``paths`` from worker processes, results of ``in_main`` checked one at a
    time in this process meanwhile)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if len(paths) < 2:
        return [check_file(job, p) for p in paths], [check_file(job, p) for p in in_main]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    workers = min(jobs, len(paths))
    chunk = max(1, min(16, len(paths) // (workers * 4) or 1))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_start_worker) as pool:
        pending = pool.map(_work, [(job.for_path(p), p) for p in paths], chunksize=chunk)
        mine = [check_file(job, p) for p in in_main]
        return list(pending), mine


def _start_worker():
    """In each worker process: stop when the main process dies.

    A pool's workers outlive a main process killed by SIGKILL, or by a SIGTERM that only
    reaches its pid (``timeout`` in subprocess.run, a CI runner giving up): they would go on
    fixing the files already queued to them, then block for good holding the caller's
    pipes. A daemon thread waits on the parent's sentinel, which becomes ready when the
    parent is gone, lets a write in progress finish, and ends the worker."""
    import multiprocessing
    import threading

    parent = multiprocessing.parent_process()
    if parent is None:
        return
    threading.Thread(target=_exit_with_the_parent, args=(parent.sentinel,), daemon=True,
                     name="lint-sockets-parent-watch").start()


def _exit_with_the_parent(sentinel):
    from multiprocessing.connection import wait

    from lint_sockets.fixes import WRITE_LOCK

    try:
        wait([sentinel])
    except Exception:  # noqa: BLE001  (a sentinel that cannot be waited on: keep working)
        return
    WRITE_LOCK.acquire()  # a file being written is finished first, and none is started
    os._exit(1)


def default_jobs():
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class Cache:
    """Results keyed on lint-sockets' version, each file's settings and its path, size and
    modification time: an unchanged tree is answered from here without reading a file.
    ``directory`` is the cache directory itself (the project root's .lint_sockets_cache,
    --cache-dir or LINT_SOCKETS_CACHE_DIR)."""

    def __init__(self, directory):
        self.directory = directory
        key = json.dumps([__version__, sys.version_info[:2]], sort_keys=True, default=list)
        name = hashlib.sha256(key.encode()).hexdigest()[:20]
        self.file = os.path.join(self.directory, __version__, name + ".json")
        self.entries = {}
        self.dirty = False
        try:
            with open(self.file, encoding="utf-8") as handle:
                data = json.load(handle)
            if isinstance(data, dict):
                self.entries = data
        except (OSError, ValueError):
            self.entries = {}

    @staticmethod
    def _settings_key(job):
        return job.settings.digest()

    @staticmethod
    def _stamp(path):
        try:
            info = os.stat(path)
        except OSError:
            return None
        return [info.st_size, info.st_mtime_ns]

    def get(self, path, job):
        job = job.for_path(path)
        entry = self.entries.get(os.path.abspath(path))
        if not isinstance(entry, list) or len(entry) != 4 or entry[0] != self._stamp(path) \
                or entry[3] != self._settings_key(job):
            return None
        if job.edits and not entry[2]:
            return None
        diagnostics = [Reported.from_json(d) for d in entry[1]]
        if (job.fix or job.diff) and any(
            d.fix is not None and (d.fix.applicability == "safe" or job.unsafe)
            for d in diagnostics
        ):
            return None  # something to fix: do the work
        return FileResult(path, diagnostics, cached=True)

    def put(self, path, job, result):
        stamp = self._stamp(path)
        if stamp is None or result.diff is not None:
            return
        self.entries[os.path.abspath(path)] = [
            stamp, [d.to_json() for d in result.diagnostics], bool(job.edits),
            self._settings_key(job.for_path(path))]
        self.dirty = True

    def save(self):
        if not self.dirty:
            return
        try:
            os.makedirs(os.path.dirname(self.file), exist_ok=True)
            tag = os.path.join(self.directory, "CACHEDIR.TAG")
            if not os.path.exists(tag):
                with open(tag, "w", encoding="ascii") as handle:
                    handle.write("Signature: 8a477f597d28d172789f06886806bc55\n"
                                 "# This directory is lint-sockets' cache.\n")
                with open(os.path.join(self.directory, ".gitignore"), "w") as handle:
                    handle.write("*\n")
            handle, temporary = tempfile.mkstemp(dir=os.path.dirname(self.file),
                                                 suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(self.entries, out, separators=(",", ":"))
            os.replace(temporary, self.file)
        except OSError:
            pass  # a cache that cannot be written only costs time

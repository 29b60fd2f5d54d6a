"""Checking many files: in parallel processes, through a cache, in a stable order.

Each file's result is plain data (so it crosses process boundaries and is cached as JSON):
its diagnostics with their fix's applicability, message and edits; what was fixed; errors.
"""

import hashlib
import hmac
import json
import os
import secrets
import signal
import stat
import sys

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
                 resolve=None, root=None):
        self.settings = settings
        self.fix = fix
        self.diff = diff
        self.unsafe = unsafe
        self.edits = edits
        self.resolve = resolve
        self._jobs = {}
        # --fix writes nothing through a symbolic link that leads out of this directory
        self.root = root

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
            job = Job(settings, self.fix, self.diff, self.unsafe, self.edits, root=self.root)
            self._jobs[id(settings)] = job
        return job


class FileResult:
    def __init__(self, path, diagnostics=(), fixed=(), errors=(), warnings=(), diff=None,
                 fixed_source=None, cached=False):
        self.path = path
        self.stamp = None  # content_stamp() of the bytes the diagnostics are about
        # project.stat_key of the file when those bytes were read from it, or None
        self.stat = None
        self.diagnostics = list(diagnostics)
        self.fixed = list(fixed)
        self.errors = list(errors)
        self.warnings = list(warnings)
        self.diff = diff
        self.fixed_source = fixed_source  # stdin with --fix
        self.cached = cached


def check_file(job, path, source=None, stdin=False, project=None, prechecked=None):
    """Check (and with job.fix, fix) one file. Never raises for the file's sake.

    ``project``: the project.Project the file is analysed with (None: on its own).
    ``prechecked``: the content stamp of the bytes whose syntax check and pre-filters
    already passed (first_pass): if the file still has them, they are not repeated."""
    from lint_sockets.engine import _safe_str, check_source
    from lint_sockets.project import stat_key

    result = FileResult(path)
    job = job.for_path(path)
    key = None
    if source is None:
        try:
            source, info = read_source(path, with_stat=True)
        except OSError as error:
            result.errors.append(f"{path}: cannot read: {error.strerror or error}")
            return result
        key = stat_key(info)  # taken before the read: a write meanwhile changes it
    if job.fix or job.diff:
        read = source
        source = _fix(job, path, source, stdin, result, project)
        if source is not read:
            key = None  # about bytes written here, not those the stat was of
            if project is not None:
                project = project.with_source(path, source)
    if not stdin and isinstance(source, bytes):
        # What the result is about: the bytes read (or written by --fix), so an edit made
        # while the file is checked is never cached under this result.
        result.stamp = content_stamp(source)
        result.stat = key
    options = {}
    if prechecked is not None and result.stamp == prechecked:
        options = {"precheck": False, "prefilter": False}
    if project is not None:
        options["project"] = project.index
        options["module_name"] = project.module_of(path)
    options["test_code"] = _test_code(path, project)
    options["path"] = None if stdin else path
    try:
        diagnostics, _ = check_source(source, job.settings, edits=job.edits, **options)
    except Exception as error:  # noqa: BLE001 - one bad file must not stop the run
        result.errors.append(f"{path}: internal error in lint-sockets: "
                             f"{type(error).__name__}: {_safe_str(error)} "
                             f"(please report it with this file)")
        return result
    _add_diagnostics(result, diagnostics)
    return result


def _test_code(path, project):
    """The file is test code (``paths.is_test_code``), its directories read below its
    project's root."""
    from lint_sockets.paths import is_test_code

    return is_test_code(path, project.root if project is not None else None)


def _add_diagnostics(result, diagnostics):
    from lint_sockets.engine import NotChecked

    for d in diagnostics:
        if isinstance(d, NotChecked):
            # not checked, and not known to be broken: a warning, and no cache entry, so
            # that every run says so
            result.warnings.append(d.warning(result.path))
            result.stamp = None
            continue
        info = FixInfo(d.fix.applicability, d.fix.message) if d.fix is not None else None
        result.diagnostics.append(Reported(d.code, d.message, d.line, d.column, d.end_line,
                                           d.end_column, info, d.edits))


def first_pass(job, path, name, is_package):
    """The summary of a file of a project, and, for a file being checked (``job`` given),
    what Python's syntax check and the pre-filters say of it, from the same ``ast``:
    (stat key or None, digest, packed summary, verdict). The verdict is a FileResult when
    they settle the file (a syntax error, or no rule can fire), else the content stamp
    of the bytes that need the analysis; None when the file cannot be read (checking it
    says why)."""
    from lint_sockets.engine import first_pass as engine_first_pass
    from lint_sockets.project import digest_of, stat_key, summarise_source, summarise_tree

    try:
        source, info = read_source(path, with_stat=True)
    except OSError:
        return None, digest_of(None), None, None
    if job is None:
        return (stat_key(info),) + summarise_source(source, name, is_package) + (None,)
    job = job.for_path(path)
    verdict = content_stamp(source)
    try:
        final, tree = engine_first_pass(source, job.settings, path)
    except Exception:  # noqa: BLE001 - check_file reports it, in the second pass
        return (stat_key(info), digest_of(None), None, None)
    digest, packed = summarise_tree(tree, name, is_package) if name else (digest_of(None), None)
    tree = None
    if final is not None:
        # nothing to fix in it either: check_file would give the same result
        result = FileResult(path)
        result.stamp = verdict
        result.stat = stat_key(info)
        _add_diagnostics(result, final)
        verdict = result
    return stat_key(info), digest, packed, verdict


class NotRegularFile(OSError):
    pass


# Pseudo file systems whose files look regular but are not source code (and may hold
# secrets, such as /proc/self/environ): never read, even through a link.
_PSEUDO_ROOTS = ("/proc", "/sys", "/dev")


def read_source(path, with_stat=False):
    """The bytes of ``path`` if it is a regular file; NotRegularFile (an OSError) for a
    directory, FIFO, socket, device or a file of /proc, /sys or /dev, even behind a
    symbolic link. Opening never blocks (O_NONBLOCK: a FIFO that appeared since the walk
    is refused, not waited on). ``with_stat``: (bytes, the file's stat taken before it was
    read), so a change made while it is read shows in a later stat."""
    if os.name == "posix":
        real = os.path.realpath(path)
        if any(real == root or real.startswith(root + "/") for root in _PSEUDO_ROOTS):
            raise NotRegularFile(0, "not a regular file (a file of a pseudo file system)")
    flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
             | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(0, "not a regular file")
        if info.st_size == 0:
            # empty, or a pseudo file that only pretends to be (size 0)
            return (b"", info) if with_stat else b""
        chunks = []
        while True:
            chunk = os.read(fd, max(info.st_size, 1 << 16))
            if not chunk:
                data = b"".join(chunks)
                return (data, info) if with_stat else data
            chunks.append(chunk)
    finally:
        os.close(fd)


def content_stamp(data):
    return [len(data), hashlib.sha256(data).hexdigest()]


def _fix(job, path, source, stdin, result, project=None):
    from lint_sockets.engine import _safe_str
    from lint_sockets.fixes import (
        MAX_ITERATIONS, ChangedMeanwhile, FixError, NotWritten, fix_source, unified_diff,
        write_atomically,
    )

    options = {}
    if project is not None:
        # each pass sees the index as the module's text so far makes it
        options["project"] = lambda current: project.with_source(path, current).index
        options["module_name"] = project.module_of(path)
    options["test_code"] = _test_code(path, project)
    try:
        new, fixed, bounded = fix_source(source, job.settings, job.unsafe, **options)
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
            write_atomically(path, new, expected=source, root=job.root)
        except ChangedMeanwhile:
            result.errors.append(f"{path}: changed while lint-sockets was fixing it; left "
                                 f"as it is now (run --fix again)")
            result.fixed = []
            return source
        except NotWritten as error:
            result.errors.append(f"{path}: not fixed: {error.reason}")
            result.fixed = []
            return source
        except OSError as error:
            result.errors.append(f"{path}: cannot write the fixed file: "
                                 f"{error.strerror or error}")
            result.fixed = []
            return source
    return new


def _work(tasks):
    """Check the (job, path, project root, prechecked) tuples of one task, in a worker.

    While a file is checked, the cyclic garbage collector makes young collections only,
    and the full collection that fell due meanwhile, if any, follows the file. Only the
    collector frees a file's libcst tree (the analysis' records refer to each other and
    hold its nodes), and each automatic full collection walked the whole tree again, many
    times while a big file's tree was built and analysed; the young collections still
    free short-lived garbage as it is made. Measured on the standard library and on
    generated modules of bench/shapes.py: less CPU (a fifth less for the biggest of
    those modules), the same peak memory."""
    import gc

    results = []
    thresholds = gc.get_threshold()
    collect = gc.isenabled()
    for job, path, root, prechecked in tasks:
        if collect:
            gc.set_threshold(thresholds[0], thresholds[1], _NO_FULL_COLLECTION)
        try:
            result = check_file(job, path, project=_PROJECTS.get(root),
                                prechecked=prechecked)
        finally:
            if collect:
                gc.set_threshold(*thresholds)
                if gc.get_count()[2] >= thresholds[2]:
                    gc.collect()  # the full collections held back, in one
        results.append(result)
        if result.stamp is not None and result.stamp[0] >= TRIM_AFTER:
            _give_back_memory()
    return results


# A third threshold of the collector that no check of one file reaches (_work)
_NO_FULL_COLLECTION = 1 << 30
# Source size (bytes) past which a file's analysis is followed by _give_back_memory
TRIM_AFTER = 32 << 10
_TRIM = None  # the C library's malloc_trim, once looked up (False: there is none)


def _give_back_memory():
    """Give the pages the C heap holds free back to the system (glibc's malloc_trim; a no-op
    elsewhere). A big module's libcst tree takes tens of MiB of the C heap, and once freed,
    the few blocks that outlive it (results, the index's decoded summaries and answers)
    keep most of those pages in the process: without this, a process's memory grows with
    the number of big files it checks, that is with the size of the project. Costs about
    2 ms, against the hundreds the analysis of such a file takes."""
    global _TRIM
    if _TRIM is None:
        _TRIM = False
        try:
            import ctypes

            trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
            if trim is not None:
                trim.argtypes = [ctypes.c_size_t]
                trim.restype = ctypes.c_int
                _TRIM = trim
        except Exception:  # noqa: BLE001 - no ctypes, or no C library to load: nothing to do
            _TRIM = False
    if _TRIM:
        _TRIM(0)


def _work_big(task):
    """Check one big file, in a worker, and free its tree before the worker takes another
    task: the analysis' records (scopes and their bindings refer to each other) hold
    libcst's nodes, and only the cyclic collector frees them; the next big file must not
    be parsed while the last one's tree is still in memory."""
    import gc

    try:
        return _work([task])
    finally:
        gc.collect()
        _give_back_memory()  # the tree's pages, now that the collector has freed it


def _first_passes(tasks):
    """first_pass of the (job or None, path, module name, is package) of one task."""
    return [first_pass(*task) for task in tasks]


# In the worker processes of the analysis: project root -> Project (set before they start)
_PROJECTS = {}


def run_files(job, paths, jobs, cache, projects=True):
    """FileResults for ``paths``, in the order given.

    With ``projects``, each file is analysed with the index of its project (paths.find_root;
    a file of no project on its own): see _run_files for the order of the work.

    SIGTERM to this process is handled like Ctrl-C: the workers are told to stop (each
    finishes the write it may be in, starts no other), then the process ends by the same
    signal; every file is left old or new."""
    with _stop_on_sigterm():
        return _run_files(job, paths, jobs, cache, projects)


def _roots(paths):
    """The project root of each path (None: no project), each directory looked up once."""
    from lint_sockets.paths import index_root

    by_directory = {}
    roots = []
    for path in paths:
        directory = os.path.dirname(os.path.abspath(path))
        if directory not in by_directory:
            by_directory[directory] = index_root(directory)
        roots.append(by_directory[directory])
    return roots


def _run_files(job, paths, jobs, cache, projects=True):
    """Every module's summary is needed before the first file is analysed, so the work
    goes in two rounds:

    1. Each project's summaries come from the summary cache (a stat per file, no read);
       the modules without one are parsed by the workers, the big ones first. For a file
       being checked, the same ``ast`` gives Python's syntax check and the pre-filters'
       verdict (engine.first_pass), so no file is parsed twice by Python, and a file that
       no rule can fire on is done in this round.
    2. With each project's index built, every file still to check is looked up in the
       result cache, whose key holds its project's digest (a change to any module's
       summary is a miss), and the rest are analysed by new workers, which inherit the
       indexes once rather than receive them with every task.
    """
    from lint_sockets.project import Loader

    results = [None] * len(paths)
    roots = _roots(paths) if projects else [None] * len(paths)
    loaders = {}
    for root in roots:
        if root is not None and root not in loaders:
            loaders[root] = Loader(root, cache.directory if cache is not None else False)
    checked = {}
    for index, (path, root) in enumerate(zip(paths, roots)):
        if root is not None:
            checked.setdefault((root, os.path.abspath(path)), index)
    first = []
    for root, loader in loaders.items():
        for path in loader.missing:
            index = checked.get((root, path))
            name, is_package = loader.modules[path]
            # a job sent to a worker carries its file's settings (Job.for_path)
            first.append((index, root, path, (None if index is None
                                              else job.for_path(paths[index]), path,
                                              name, is_package)))
    import gc

    # The modules imported so far are out of the collector's reach for the whole run
    # (_freeze), and no process of round 1 collects at all: Python's trees, the pre-filters'
    # records and the summaries hold no reference cycles (on the standard library, a
    # collection after round 1 finds no garbage), so a collection would free nothing, and
    # it would walk the trees being built (a tenth of the workers' time in round 1) and,
    # where round 1 runs in this process (--jobs 1), every summary gathered so far. The
    # workers of round 1 are forked with the collector off and end with the round.
    if first:
        _load_analysis()
    frozen = [_freeze() if first else False]  # a warm run parses nothing here
    paused = gc.isenabled()
    gc.disable()
    try:
        done = _in_workers(_first_passes, [task for *_, task in first], jobs)
    finally:
        if paused:
            gc.enable()
    try:
        return _second_round(job, paths, jobs, cache, results, roots, loaders, first, done,
                             frozen)
    finally:
        if frozen[0]:
            gc.unfreeze()  # collectable again once the run drops them


def _second_round(job, paths, jobs, cache, results, roots, loaders, first, done, frozen):
    prechecked = {}
    for (index, root, path, _), (key, digest, data, verdict) in zip(first, done):
        loaders[root].add(path, key, digest, data)
        if isinstance(verdict, FileResult):
            verdict.path = paths[index]
            results[index] = verdict
        elif verdict is not None:
            prechecked[index] = verdict
    del first[:], done[:]  # the summaries are the loaders' now
    built = {}
    for root, loader in loaders.items():
        built[root] = loader.finish()
        if cache is not None:
            cache.warnings.extend(loader.warnings)
    from lint_sockets.project import uses_project_socket_code

    for index, result in enumerate(results):
        # Settled in the first round by the pre-filters, which see only the file's own
        # text: a file importing a project helper or factory that hands out socket code
        # is analysed after all (as check_source does when given the project).
        if result is None or result.diagnostics or result.errors or roots[index] is None:
            continue
        project = built[roots[index]]
        if uses_project_socket_code(project.index, project.module_of(paths[index])):
            results[index] = None
    todo = []
    for index, path in enumerate(paths):
        project = built.get(roots[index])
        digest = project.digest if project is not None else None
        if results[index] is None:
            hit = cache.get(path, job, digest) if cache is not None else None
            if hit is not None:
                results[index] = hit
                continue
            todo.append(index)
        elif cache is not None and not results[index].errors:
            cache.put(path, job, results[index], digest)  # settled in the first round
    for root in dict.fromkeys(roots[i] for i in todo):
        if root is not None:
            built[root].index  # built here, once: the workers inherit it
    tasks = [(job.for_path(paths[i]), paths[i], roots[i], prechecked.get(i)) for i in todo]
    global _PROJECTS
    _PROJECTS = built
    if todo:
        _load_analysis()
        if frozen[0]:
            # the indexes and summaries join what _freeze moved out of the collector's
            # reach in the first round
            import gc

            gc.collect()
            gc.freeze()
        else:
            frozen[0] = _freeze()
    try:
        done = _in_workers(_work, tasks, jobs, big=_work_big)
    finally:
        _PROJECTS = {}
    for index, result in zip(todo, done):
        results[index] = result
        if cache is not None and not result.errors:
            cache.put(paths[index], job, result,
                      built[roots[index]].digest if roots[index] is not None else None)
    return results


def _load_analysis():
    """Import the analysis (libcst, the engine, every rule's check) in this process before
    it is frozen and forked: the workers share the modules instead of importing them each.
    A run whose results all come from the cache never gets here, and never imports them."""
    from lint_sockets import engine  # noqa: F401
    from lint_sockets.rules import load_checks

    load_checks()


def _freeze():
    """Move what this process holds now (the modules imported; before the analysis, the
    indexes and the summaries too) out of the cyclic garbage collector's reach for the
    run; True when done here. They outlive the run, and each full collection during it
    (libcst's trees make many) would walk them all again, here and in every worker forked
    from here (which would also copy the pages the collector writes to). Measured on the
    standard library: a quarter of libcst's parse time with --jobs 1."""
    import gc

    if gc.get_freeze_count():
        return False  # a caller froze the heap: it unfreezes it
    gc.collect()
    gc.freeze()
    return True


def _in_workers(work, tasks, jobs, big=None):
    """``work`` applied to ``tasks`` (tuples whose second item is a path), in that order:
    here for one task or one job, else in worker processes (schedule())."""
    if len(tasks) > 1 and jobs > 1:
        return _parallel(work, tasks, jobs, big or work)
    return work(tasks)


class Terminated(BaseException):
    """SIGTERM reached the main process."""


class _stop_on_sigterm:
    def __enter__(self):
        self.previous = None
        try:
            self.previous = signal.signal(signal.SIGTERM, self._raise)
        except (ValueError, AttributeError, OSError):  # not the main thread
            pass
        return self

    @staticmethod
    def _raise(signum, frame):
        raise Terminated()

    def __exit__(self, kind, value, traceback):
        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)
        if kind is Terminated:
            # Everything is cleaned up: end as SIGTERM would have ended the process.
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
        return False


BIG_FILE = 1 << 20  # bytes


def _size(path):
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # check_file says what is wrong with it


def schedule(paths, workers):
    """The tasks for the worker processes, in the order they start: lists of indexes into
    ``paths``, each with a flag saying it is one big file.

    A big module's libcst tree takes hundreds of times its size in memory (about 3.5 GB
    for 5 MB of code). Each big file is a task of its own, and the big files come first,
    largest first: a worker checks one task at a time, so no process ever holds two big
    trees, and the big files, which take longest, start while the small ones fill the
    other workers (started last, a big file would leave the other workers idle at the
    end). At most ``workers`` big trees exist at once, one per worker: with --jobs N,
    peak memory is about N times the tree of the largest file. A big file that no rule
    can fire on (generated code) costs only Python's compile and one walk of its
    ``ast``: the pre-filters drop it before libcst parses it. The small files go in
    chunks of up to 16."""
    sizes = [_size(p) for p in paths]
    big = sorted((i for i in range(len(paths)) if sizes[i] > BIG_FILE),
                 key=lambda i: (-sizes[i], i))
    taken = set(big)
    small = [i for i in range(len(paths)) if i not in taken]
    chunk = max(1, min(16, len(small) // (workers * 4) or 1))
    tasks = [([i], True) for i in big]
    tasks.extend((small[start:start + chunk], False) for start in range(0, len(small), chunk))
    return tasks


def _parallel(work, tasks, jobs, big):
    """Results of ``tasks`` (in that order), by worker processes: ``work`` on chunks of
    small files, ``big`` on each big file alone."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    workers = min(jobs, len(tasks))
    scheduled = schedule([task[1] for task in tasks], workers)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_start_worker, initargs=(_PROJECTS,))
    results = [None] * len(tasks)
    try:
        futures = [pool.submit(big, tasks[indexes[0]]) if is_big
                   else pool.submit(work, [tasks[i] for i in indexes])
                   for indexes, is_big in scheduled]
        for (indexes, _), future in zip(scheduled, futures):
            for index, result in zip(indexes, future.result()):
                results[index] = result
    except BaseException:
        # Ctrl-C, SIGTERM or an error: no queued file is started, and each worker stops
        # once the write it may be in is complete.
        _stop_workers(pool)
        raise
    pool.shutdown(wait=True)
    return results


def _stop_workers(pool, grace=1.0):
    import time

    processes = list((getattr(pool, "_processes", None) or {}).values())
    # shutdown(wait=False) forgets the pool's manager thread; it is joined below, so that
    # it has closed its wake-up pipe before the interpreter exits (concurrent.futures'
    # exit hook writes to that pipe without a lock: EBADF if the thread closes it then)
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.terminate()  # SIGTERM: _stop_worker below
        except (OSError, AttributeError):
            pass
    deadline = time.monotonic() + grace
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
    for process in processes:
        if process.is_alive():
            process.kill()
            process.join(1.0)
    try:
        pool.shutdown(wait=True)  # the pool's own thread sees its workers gone and ends
        if manager is not None:
            manager.join(max(grace, 5.0))
    except Exception:  # noqa: BLE001
        pass


def _start_worker(projects=None):
    """In each worker process: the projects' indexes (inherited when the process is forked,
    sent once otherwise); stop when told to (SIGTERM) or when the main process dies.

    Ctrl-C reaches the whole process group: workers ignore SIGINT and let the main process
    stop them, so that they stop the same way whatever the signal. SIGTERM ends a worker at
    once, or right after the write it is in.

    A pool's workers outlive a main process killed by SIGKILL, or by a SIGTERM that only
    reaches its pid (``timeout`` in subprocess.run, a CI runner giving up): they would go on
    fixing the files already queued to them, then block for good holding the caller's
    pipes. A daemon thread waits on the parent's sentinel, which becomes ready when the
    parent is gone, lets a write in progress finish, and ends the worker."""
    import multiprocessing
    import threading

    global _PROJECTS
    if projects:
        _PROJECTS = projects
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, _stop_worker)
    except (ValueError, AttributeError, OSError):
        pass
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    threading.Thread(target=_exit_with_the_parent, args=(parent.sentinel,), daemon=True,
                     name="lint-sockets-parent-watch").start()


def _stop_worker(signum, frame):
    from lint_sockets import fixes

    if fixes.WRITE_LOCK.locked():
        fixes.EXIT_AFTER_WRITE.set()  # write_atomically ends the process once written
        return
    os._exit(1)


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
    """Results keyed on lint-sockets' version, each file's path, a hash of its content and
    its settings. ``directory`` is the cache directory itself (the project root's
    .lint_sockets_cache, --cache-dir or LINT_SOCKETS_CACHE_DIR).

    The cache usually lives in the project, so it is untrusted input: a repository can ship
    one, or put a symbolic link in its place. Hence:

    * the directory and every file in it are opened and created without following
      symbolic links (``O_NOFOLLOW``, ``O_EXCL``, relative to the directory's descriptor);
      a cache directory that is a link, or not owned by the user, is not used at all;
    * each cache file is signed (HMAC-SHA256) with a key kept in the user's own cache
      directory, so a cache written anywhere else (shipped in a repository or an archive)
      is never believed;
    * every entry is still checked for shape and types, and a bad one is a cache miss;
    * an entry counts only when the file's content has the size and SHA-256 it records,
      or, without reading the file, when its device, inode, size, mtime and ctime are
      those recorded when the checked bytes were read (project.stat_key): checkouts and
      archives can set the mtime, nobody can set the ctime, and a file changed too
      recently for its ctime to tell is given no such key. ``--fix`` and ``--diff``
      read the file (they need its bytes) and compare its hash.
    """

    def __init__(self, directory):
        directory = os.path.abspath(directory)
        self.directory = directory
        self.parent, self.base = os.path.split(directory)
        key = json.dumps([__version__, sys.version_info[:2]], sort_keys=True, default=list)
        self.name = hashlib.sha256(key.encode()).hexdigest()[:20] + ".json"
        self.file = os.path.join(self.directory, __version__, self.name)
        self.entries = {}
        self.dirty = False
        self.warnings = []
        self.usable = True
        self._key = _signing_key()
        if self._key is None:
            self.usable = False  # nowhere safe to keep the key: no cache
            return
        try:
            if os.path.islink(self.directory):
                raise _NotUsable(f"{self.directory} is a symbolic link: the cache is not used")
            data = self._read()
        except _NotUsable as error:
            self.usable = False
            self.warnings.append(str(error))
            return
        except (OSError, ValueError, RecursionError, MemoryError):
            return
        if isinstance(data, dict):
            self.entries = data

    @staticmethod
    def _settings_key(job, digest=None):
        """The settings' digest and, for a file of a project, the project's: a result
        depends on every module summary the analysis may have resolved into."""
        key = job.settings.digest()
        return key if digest is None else f"{key}+{digest}"

    # -- reading -----------------------------------------------------------------------

    def _read(self):
        body = read_signed(self.parent, self.base, self.name, self._key)
        return None if body is None else json.loads(body)

    def _sign(self, body):
        return sign(self._key, body)

    def get(self, path, job, digest=None):
        job = job.for_path(path)
        entry = _valid_entry(self.entries.get(os.path.abspath(path)))
        if entry is None or entry[3] != self._settings_key(job, digest):
            return None
        from lint_sockets.project import stat_key

        stamp, diagnostics, with_edits, _, key = entry
        if job.edits and not with_edits:
            return None
        if key is None or job.fix or job.diff or _stat_key(path) != key:
            try:
                data, info = read_source(path, with_stat=True)
            except OSError:
                return None  # check_file says what is wrong with it
            if content_stamp(data) != stamp:
                return None
            key = stat_key(info)
            if key is not None and entry[4] != key:
                entry[4] = key  # the next run need not read it
                self.dirty = True
        diagnostics = [Reported.from_json(d) for d in diagnostics]
        if (job.fix or job.diff) and any(
            d.fix is not None and (d.fix.applicability == "safe" or job.unsafe)
            for d in diagnostics
        ):
            return None  # something to fix: do the work
        result = FileResult(path, diagnostics, cached=True)
        result.stamp = stamp
        result.stat = key
        return result

    def put(self, path, job, result, digest=None):
        if not self.usable or result.stamp is None or result.diff is not None:
            return
        self.entries[os.path.abspath(path)] = [
            result.stamp, [d.to_json() for d in result.diagnostics], bool(job.edits),
            self._settings_key(job.for_path(path), digest), result.stat]
        self.dirty = True

    # -- writing -----------------------------------------------------------------------

    def save(self):
        if not self.dirty or not self.usable:
            return
        body = json.dumps(self.entries, separators=(",", ":")).encode()
        try:
            write_signed(self.parent, self.base, self.name, self._key, body)
        except _NotUsable as error:
            self.warnings.append(str(error))
        except OSError:
            pass  # a cache that cannot be written only costs time


def _stat_key(path):
    """project.stat_key of the file at ``path`` now (None if it cannot be stat'ed)."""
    from lint_sockets.project import stat_key

    try:
        return stat_key(os.stat(path))
    except (OSError, ValueError):
        return None


def sign(key, body):
    return hmac.new(key, body, hashlib.sha256).hexdigest().encode()


def read_signed(parent, base, name, key):
    """The body of the cache file ``parent/base/<version>/name`` if this user's key signed
    it, else None. Opened without following any link (_CacheDir); _NotUsable when the
    directory is a link or not the user's."""
    with _CacheDir(parent, create=False, name=base) as top:
        if top.fd is None:
            return None
        with top.sub(__version__, create=False) as versioned:
            if versioned.fd is None:
                return None
            raw = versioned.read(name)
    if raw is None:
        return None
    signature, _, body = raw.partition(b"\n")
    if not hmac.compare_digest(signature, sign(key, body)):
        return None  # written elsewhere, or tampered with
    return body


def write_signed(parent, base, name, key, body):
    """Replace the cache file ``parent/base/<version>/name`` with ``body``, signed; the
    directories are made (tagged as a cache, ignored by git) and nothing is written
    through a link. OSError or _NotUsable when it cannot be written."""
    if not os.path.isdir(parent):
        os.makedirs(parent, exist_ok=True)  # --cache-dir in a new directory
    with _CacheDir(parent, create=True, name=base) as top:
        top.create_once("CACHEDIR.TAG",
                        b"Signature: 8a477f597d28d172789f06886806bc55\n"
                        b"# This directory is lint-sockets' cache.\n")
        top.create_once(".gitignore", b"*\n")
        with top.sub(__version__, create=True) as versioned:
            versioned.replace(name, sign(key, body) + b"\n" + body)


class _NotUsable(Exception):
    pass


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_HAVE_DIR_FD = {os.open, os.mkdir, os.rename} <= os.supports_dir_fd


class _CacheDir:
    """The cache directory (or one below it), opened without following links. Files are
    opened relative to its descriptor, so no link anywhere on the way is followed.
    Where the platform has no ``dir_fd`` (Windows), paths are checked with lstat instead."""

    def __init__(self, parent, create, name=CACHE_DIR, parent_fd=None):
        self.fd = None
        self.path = os.path.join(parent, name)
        self.create = create
        self.name = name
        self.parent_fd = parent_fd

    def __enter__(self):
        if _HAVE_DIR_FD:
            own_parent = self.parent_fd is None
            parent_fd = (os.open(os.path.dirname(self.path) or ".",
                                 os.O_RDONLY | _DIRECTORY | _CLOEXEC)
                         if own_parent else self.parent_fd)
            try:
                if self.create:
                    try:
                        os.mkdir(self.name, 0o755, dir_fd=parent_fd)
                    except FileExistsError:
                        pass
                try:
                    self.fd = os.open(self.name, os.O_RDONLY | _DIRECTORY | _NOFOLLOW
                                      | _CLOEXEC, dir_fd=parent_fd)
                except FileNotFoundError:
                    if self.create:
                        raise
                    return self
                except OSError as error:  # ELOOP / ENOTDIR: a link or not a directory
                    raise _NotUsable(f"{self.path} is a symbolic link or not a directory: "
                                     f"the cache is not used") from error
            finally:
                if own_parent:
                    os.close(parent_fd)
            self._check(os.fstat(self.fd))
        else:
            if self.create:
                try:
                    os.mkdir(self.path, 0o755)
                except FileExistsError:
                    pass
            try:
                info = os.lstat(self.path)
            except FileNotFoundError:
                if self.create:
                    raise
                return self
            if not stat.S_ISDIR(info.st_mode):
                raise _NotUsable(f"{self.path} is a symbolic link or not a directory: "
                                 f"the cache is not used")
            self._check(info)
            self.fd = -1
        return self

    def _check(self, info):
        if not stat.S_ISDIR(info.st_mode):
            raise _NotUsable(f"{self.path} is not a directory: the cache is not used")
        if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
            raise _NotUsable(f"{self.path} belongs to another user: the cache is not used")

    def __exit__(self, *exc):
        if self.fd is not None and self.fd >= 0:
            os.close(self.fd)
        self.fd = None

    def sub(self, name, create):
        return _CacheDir(self.path, create, name, self.fd if _HAVE_DIR_FD else None)

    def _open(self, name, flags, mode=0o644):
        if _HAVE_DIR_FD:
            return os.open(name, flags | _NOFOLLOW | _CLOEXEC, mode, dir_fd=self.fd)
        path = os.path.join(self.path, name)
        if os.path.islink(path):
            raise OSError(0, "a symbolic link", path)
        return os.open(path, flags | getattr(os, "O_BINARY", 0), mode)

    def read(self, name):
        """The file's bytes; None if it does not exist. Links, FIFOs and devices raise."""
        try:
            fd = self._open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            return None
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            return handle.read()

    def create_once(self, name, data):
        """Write a new file ``name``; nothing if something (even a link) is there."""
        try:
            fd = self._open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        except FileExistsError:
            return
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)

    def replace(self, name, data):
        """Replace ``name`` with ``data`` in one step: a new file (O_EXCL), then a rename,
        which replaces a link in its place rather than following it."""
        temporary = f".tmp-{os.getpid()}-{secrets.token_hex(8)}"
        fd = self._open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            if _HAVE_DIR_FD:
                os.rename(temporary, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
            else:
                os.replace(os.path.join(self.path, temporary), os.path.join(self.path, name))
        except BaseException:
            try:
                if _HAVE_DIR_FD:
                    os.unlink(temporary, dir_fd=self.fd)
                else:
                    os.unlink(os.path.join(self.path, temporary))
            except OSError:
                pass
            raise


def _signing_key():
    """The key that signs this user's cache files, kept (mode 0600) in the user's cache
    directory, outside any project; None where it cannot be kept."""
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(
            os.path.expanduser("~"), ".cache")
    if not base or not os.path.isabs(base):
        return None
    directory = os.path.join(base, "lint-sockets")
    path = os.path.join(directory, "cache-key")
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        try:
            fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
        except FileNotFoundError:
            key = secrets.token_bytes(32)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC,
                             0o600)
            except FileExistsError:  # another run made it meanwhile
                return _signing_key_read(path)
            with os.fdopen(fd, "wb") as handle:
                handle.write(key)
            return key
        os.close(fd)
        return _signing_key_read(path)
    except OSError:
        return None


def _signing_key_read(path):
    fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or (
                hasattr(os, "geteuid") and info.st_uid != os.geteuid()):
            return None
        key = handle.read(64)
    return key if len(key) == 32 else None


_CODE = __import__("re").compile(r"SCK\d{3}\Z")


def _valid_entry(entry):
    """``entry`` if it has exactly the shape ``Cache.put`` writes, else None."""
    try:
        stamp, diagnostics, with_edits, settings, key = entry
        size, digest = stamp
        if not (_int(size) and isinstance(digest, str) and len(digest) == 64
                and isinstance(diagnostics, list) and isinstance(with_edits, bool)
                and isinstance(settings, str)):
            return None
        if key is not None and not (isinstance(key, list) and len(key) == 5
                                    and all(type(k) is int for k in key)):
            return None
        for d in diagnostics:
            if not _valid_diagnostic(d):
                return None
    except (TypeError, ValueError):
        return None
    return entry


def _int(value, low=0):
    return type(value) is int and value >= low


def _valid_diagnostic(d):
    if not (isinstance(d, list) and len(d) == 8):
        return False
    code, message, line, column, end_line, end_column, fix, edits = d
    if not (isinstance(code, str) and _CODE.match(code) and isinstance(message, str)
            and _int(line, 1) and _int(column, 1) and _int(end_line, 1)
            and _int(end_column, 1)):
        return False
    if fix is not None and not (isinstance(fix, list) and len(fix) == 2
                                and fix[0] in ("safe", "unsafe") and isinstance(fix[1], str)):
        return False
    if edits is not None:
        if not isinstance(edits, list):
            return False
        for edit in edits:
            if not (isinstance(edit, dict) and set(edit) == {"content", "location",
                                                             "end_location"}
                    and isinstance(edit["content"], str)
                    and _valid_position(edit["location"])
                    and _valid_position(edit["end_location"])):
                return False
    return True


def _valid_position(position):
    return (isinstance(position, dict) and set(position) == {"row", "column"}
            and _int(position["row"], 1) and _int(position["column"], 1))

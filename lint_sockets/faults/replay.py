"""Running one test in a child pytest process, with or without one fault, and judging it.

Each replay is a fresh ``python -m pytest`` process given the test's node id: a hang or a
spin is ended by killing it (its process group), nothing it leaves behind (threads,
sockets, module state, a half torn-down fixture) reaches the next replay or the main run,
and the CPU time the kernel accounts to it tells a busy spin from a wait. On Linux the
time its threads spent runnable (on a CPU or waiting in a run queue, from
``/proc/<pid>/task/<tid>/schedstat``) is used instead, so that a spin is told from a wait
whatever else loads the machine (parallel test workers, a busy CI runner). The child
writes what happens to a status file, one JSON object per line."""

import gc
import json
import os
import signal
import subprocess
import sys
import threading
import time

from lint_sockets.faults import LEGAL

# A killed run is a spin when it used at least this share of one core after the test
# started (a process waiting on a socket uses next to none).
SPIN_SHARE = 0.25
# How long the child looks for a background spin after its test ends.
IDLE_WINDOW = 0.2
# Time allowed for the child to start and collect before the test begins.
STARTUP_LIMIT = 120.0

# Options of the main run that must not reach a replay: selection, stopping, debugging,
# parallelism, and reports a replay would overwrite. Name -> takes a value.
_DROP = {
    "-x": False, "--exitfirst": False, "--maxfail": True, "--lf": False,
    "--last-failed": False, "--ff": False, "--failed-first": False, "--nf": False,
    "--new-first": False, "--sw": False, "--stepwise": False, "--sw-skip": False,
    "--stepwise-skip": False, "--sw-reset": False, "--stepwise-reset": False,
    "-k": True, "--deselect": True, "--pdb": False, "--trace": False,
    "--pdbcls": True, "-n": True, "--numprocesses": True, "--dist": True,
    "--junitxml": True, "--junit-xml": True, "--junitprefix": True,
    "--junit-prefix": True, "--html": True, "--resultlog": True, "--result-log": True,
    "--cache-clear": False, "--cache-show": False, "--lfnf": True,
    "--last-failed-no-failures": True, "--co": False, "--collect-only": False,
    "--setup-plan": False, "--setup-only": False, "--fixtures": False,
    "--markers": False, "--help": False, "-h": False, "--version": False, "-V": False,
    "--basetemp": True,
}
_OWN_VALUE = ("--socket-faults-in", "--socket-faults-max-runs", "--socket-faults-timeout",
              "--socket-faults-report", "--socket-faults-from", "--socket-faults-seed",
              "--socket-faults-call", "--socket-faults-per-site", "--socket-faults-child")


def child_arguments(invocation_args, positional):
    """The main run's arguments without its test selection, options that must not reach a
    replay, and the fault options."""
    positional = set(positional)
    out = []
    args = list(invocation_args)
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--socket-faults" or arg.startswith("--socket-faults="):
            continue
        name = arg.split("=", 1)[0]
        if name in _OWN_VALUE:
            if "=" not in arg:
                i += 1
            continue
        if name in _DROP:
            if _DROP[name] and "=" not in arg:
                i += 1
            continue
        if len(arg) > 2 and arg[:2] in ("-k", "-n") and arg[2] != "-":
            continue  # -kEXPR, -n4
        if not arg.startswith("-") and arg in positional:
            continue
        out.append(arg)
    return out


class Run:
    """What one replay did."""

    def __init__(self):
        self.started = False
        self.done = False
        self.outcome = None          # 'passed', 'failed', 'skipped', 'not-collected'
        self.fired = None            # {'method', 'ssl'} when the fault was injected
        self.thread_errors = []
        self.idle_share = 0.0
        self.duration = 0.0
        self.killed = None           # 'hang' or 'spin' when the run had to be ended
        self.error = None            # why the replay itself did not work
        self.log = ""


def run_child(command, cwd, status_path, log_path, timeout, env=None):
    """Run one replay; kill it ``timeout`` seconds after its test started."""
    run = Run()
    popen_args = {}
    if os.name == "posix":
        popen_args["start_new_session"] = True
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=log,
                                stderr=subprocess.STDOUT, env=env, **popen_args)
    begin = time.monotonic()
    start_time = start_cpu = start_demand = None
    consumed = 0
    rusage = None
    events = []
    try:
        while True:
            status = _poll(proc)
            new, consumed = _read_events(status_path, consumed)
            events += new
            for event in new:
                if event["event"] == "start" and start_time is None:
                    start_time, start_cpu = event["t"], event["cpu"]
                    start_demand = event.get("demand")
            if status is not None:
                rusage = status[1]
                break
            now = time.monotonic()
            limit = (start_time + timeout) if start_time is not None \
                else begin + STARTUP_LIMIT
            if now > limit:
                demand_now = thread_demand(proc.pid) if start_demand is not None else None
                rusage = _kill(proc)
                elapsed = now - (start_time if start_time is not None else begin)
                if start_time is None:
                    run.error = f"the replay did not start its test in {STARTUP_LIMIT:.0f} s"
                    break
                used = None
                if demand_now is not None and start_demand is not None:
                    used = demand_since(start_demand, demand_now)
                elif rusage is not None:
                    used = rusage.ru_utime + rusage.ru_stime - start_cpu
                run.killed = "spin" if used is not None and used >= SPIN_SHARE * elapsed \
                    else "hang"
                run.duration = elapsed
                break
            time.sleep(0.01)
    finally:
        if proc.returncode is None:
            _kill(proc)
    new, consumed = _read_events(status_path, consumed)
    events += new
    for event in events:
        kind = event["event"]
        if kind == "start":
            run.started = True
        elif kind == "fired":
            run.fired = event["fired"]
        elif kind == "done":
            run.done = True
            run.outcome = event["outcome"]
            run.thread_errors = event["thread_errors"]
            run.idle_share = event["idle_share"]
            if start_time is not None:
                run.duration = event["t"] - start_time
        elif kind == "not-collected":
            run.outcome = "not-collected"
    if not run.done and run.killed is None and run.error is None:
        if run.outcome == "not-collected":
            run.error = "the test was not collected in the replay"
        else:
            run.error = f"the replay ended (exit status {proc.returncode}) before its test did"
    try:
        with open(log_path, encoding="utf-8", errors="replace") as handle:
            run.log = handle.read()[-4000:]
    except OSError:
        pass
    return run


def _poll(proc):
    """(exit status, rusage) once the child has ended, else None."""
    if hasattr(os, "wait4"):
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid == 0:
            return None
        proc.returncode = _exit_code(status)
        return proc.returncode, rusage
    code = proc.poll()
    return None if code is None else (code, None)


def _exit_code(status):
    if hasattr(os, "waitstatus_to_exitcode"):
        return os.waitstatus_to_exitcode(status)
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


def _kill(proc):
    """End the child and everything it started; its rusage when the system gives it."""
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass
    if hasattr(os, "wait4") and proc.returncode is None:
        try:
            _, status, rusage = os.wait4(proc.pid, 0)
            proc.returncode = _exit_code(status)
            return rusage
        except ChildProcessError:
            proc.returncode = -9
            return None
    proc.wait()
    return None


def _read_events(path, consumed):
    try:
        with open(path, "rb") as handle:
            handle.seek(consumed)
            data = handle.read()
    except OSError:
        return [], consumed
    end = data.rfind(b"\n") + 1
    events = []
    for line in data[:end].splitlines():
        try:
            events.append(json.loads(line))
        except ValueError:
            continue
    return events, consumed + end


def judge(fault, base, run):
    """The outcome to report for a faulted run against the same test's unfaulted replay,
    or None when nothing is wrong. Under a legal fault any change counts; under a peer
    fault only a hang, a spin or an exception in another thread or task."""
    if run.error is not None or run.fired is None:
        return None
    if run.killed is not None:
        return run.killed
    if run.thread_errors and not base.thread_errors:
        return "thread-error"
    if run.idle_share >= SPIN_SHARE * 2 and base.idle_share < SPIN_SHARE:
        return "spin"
    if fault in LEGAL and run.outcome != base.outcome:
        return "failed"
    return None


class ChildSide:
    """The plugin in a replay process: one test, one fault at one site (or none)."""

    def __init__(self, config, spec):
        self.config = config
        self.spec = spec
        self.status = open(spec["status"], "a", encoding="utf-8")
        self.lock = threading.Lock()
        self.item = None
        self.reports = []
        self.thread_errors = []

    def emit(self, **event):
        with self.lock:
            self.status.write(json.dumps(event) + "\n")
            self.status.flush()

    def start(self):
        from lint_sockets.faults import inject

        spec = self.spec
        state = inject.STATE
        state.scope = inject.Scope(spec["roots"], spec["files"])
        target = spec.get("target")
        if target is not None:
            state.target = (target["file"], target["line"], target["fault"])
            state.nth = spec["nth"]
            state.rng = inject.seeded_random(spec["seed"], spec["nodeid"], target["file"],
                                             target["line"], target["fault"])
            state.on_fire = lambda fired: self.emit(event="fired", fired=fired)
            state.mode = "inject"
        inject.install()

    # hooks, registered on the plugin manager only in a replay process

    def pytest_collection_modifyitems(self, session, config, items):
        wanted = [i for i in items if i.nodeid == self.spec["nodeid"]]
        if not wanted and len(items) == 1:
            wanted = items
        chosen = wanted[:1]
        others = [i for i in items if i not in chosen]
        if others:
            config.hook.pytest_deselected(items=others)
        items[:] = chosen
        if not chosen:
            self.emit(event="not-collected")

    def pytest_runtest_protocol(self, item, nextitem):
        self.item = item
        self.emit(event="start", t=time.monotonic(), cpu=time.process_time(),
                  demand=thread_demand("self"))
        with _ErrorHooks(self.thread_errors):
            from _pytest.runner import runtestprotocol

            item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
            reports = runtestprotocol(item, nextitem=None, log=True)
            item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
            gc.collect()
        idle = _idle_share()
        outcome = outcome_of(reports)
        self.emit(event="done", t=time.monotonic(), outcome=outcome,
                  thread_errors=self.thread_errors[:20], idle_share=idle)
        self.status.close()
        # Nothing after the test matters to the replay; threads the fault left running
        # must not keep the process alive.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def outcome_of(reports):
    """'passed', 'failed' or 'skipped' for a test's setup/call/teardown reports."""
    if any(r.failed for r in reports):
        return "failed"
    if any(hasattr(r, "wasxfail") for r in reports):
        return "xfail"
    if any(r.skipped for r in reports):
        return "skipped"
    return "passed"


def _idle_share():
    """The share of a core the process uses, or would use on an idle machine, once its test
    has ended (a background spin)."""
    demand = thread_demand("self")
    cpu = time.process_time()
    wall = time.monotonic()
    time.sleep(IDLE_WINDOW)
    elapsed = max(time.monotonic() - wall, 1e-6)
    after = thread_demand("self") if demand is not None else None
    if after is not None:
        return demand_since(demand, after) / elapsed
    return (time.process_time() - cpu) / elapsed


def thread_demand(pid):
    """Seconds each thread of process ``pid`` (or ``"self"``) has been runnable: on a CPU
    plus waiting in a run queue (Linux ``schedstat``), by thread id; None where the system
    does not give it. A thread that spins is runnable all the time however busy the
    machine is; one that waits on a socket or a lock is not."""
    base = f"/proc/{pid}/task"
    try:
        tids = os.listdir(base)
    except OSError:
        return None
    demand = {}
    for tid in tids:
        try:
            with open(f"{base}/{tid}/schedstat", "rb") as handle:
                fields = handle.read().split()
            demand[tid] = (int(fields[0]) + int(fields[1])) / 1e9
        except FileNotFoundError:
            continue  # the thread ended meanwhile
        except (OSError, ValueError, IndexError):
            return None
    return demand or None


def demand_since(before, after):
    """Runnable seconds between two ``thread_demand`` readings: threads seen in both count
    their growth, threads started in between all of theirs."""
    return sum(value - before.get(tid, 0.0) for tid, value in after.items())


def owned(traceback):
    """Whether the code under test owns the thread or task an exception ended: the first
    frame of its traceback outside the standard library is in the code under test. An
    exception that the code under test raised into a thread or task the test started is
    the test's to handle."""
    from lint_sockets.faults.inject import STATE

    while traceback is not None:
        kind = STATE.scope.kind(traceback.tb_frame.f_code.co_filename)
        if kind != "stdlib":
            return kind == "under"
        traceback = traceback.tb_next
    return False


class _ErrorHooks:
    """Record exceptions that end a thread or that asyncio hands to its exception handler
    (a task's exception never retrieved, a failing callback), passing them on as before."""

    def __init__(self, sink):
        self.sink = sink

    def __enter__(self):
        self.previous = threading.excepthook
        sink = self.sink
        previous = self.previous

        def hook(args):
            if owned(args.exc_traceback):
                name = getattr(args.thread, "name", "?")
                sink.append(f"{args.exc_type.__name__} in thread {name}")
            previous(args)

        threading.excepthook = hook
        self.hook = hook
        self.loop_class = None
        if "asyncio" in sys.modules:
            self._patch_asyncio()
        return self

    def _patch_asyncio(self):
        import asyncio.base_events as base_events

        cls = base_events.BaseEventLoop
        original = cls.call_exception_handler
        sink = self.sink

        def call_exception_handler(loop, context):
            exc = context.get("exception")
            if exc is not None and owned(exc.__traceback__):
                sink.append(f"{type(exc).__name__} in an asyncio task or callback")
            return original(loop, context)

        cls.call_exception_handler = call_exception_handler
        self.loop_class = (cls, original)

    def __exit__(self, *exc):
        if threading.excepthook is self.hook:
            threading.excepthook = self.previous
        if self.loop_class is not None:
            cls, original = self.loop_class
            cls.call_exception_handler = original
        return False


def error_hooks(sink):
    return _ErrorHooks(sink)

"""Which calls run only in a child process between fork and exec (Facts.runs_in_child),
as SCK401 asks about signal.signal(SIGPIPE, SIG_DFL)."""

import textwrap

import libcst as cst
import pytest

from lint_sockets.analysis.facts import Facts
from lint_sockets.analysis.walk import build_model
from lint_sockets.settings import Settings


def in_child(code):
    """runs_in_child for each signal.signal() call, in source order."""
    source = "import asyncio, os, pty, signal, subprocess, sys\nfrom subprocess import Popen\n" \
        + textwrap.dedent(code)
    model = build_model(cst.parse_module(source))
    facts = Facts(model, Settings(), source)
    return [facts.runs_in_child(site) for site in facts.calls if site.qname == "signal.signal"]


CASES = {
    "function passed as preexec_fn only": ("""
        def setup():
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        def run(args):
            return subprocess.Popen(args, preexec_fn=setup)
        """, [True]),
    "every spawner, imported by name too": ("""
        def setup():
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        def run(args):
            subprocess.run(args, preexec_fn=setup)
            subprocess.call(args, preexec_fn=setup)
            subprocess.check_call(args, preexec_fn=setup)
            subprocess.check_output(args, preexec_fn=setup)
            Popen(args, preexec_fn=setup)
        async def arun(args):
            await asyncio.create_subprocess_exec(*args, preexec_fn=setup)
        """, [True]),
    "method passed as self.method": ("""
        class Runner:
            def _setup(self):
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)
            def run(self, args):
                return subprocess.Popen(args, preexec_fn=self._setup)
        """, [True]),
    "branch of a conditional expression": ("""
        def setup():
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        def run(args, posix):
            return subprocess.Popen(args, preexec_fn=setup if posix else None)
        """, [True]),
    "lambda passed as preexec_fn": ("""
        def run(args):
            return subprocess.Popen(
                args, preexec_fn=lambda: signal.signal(signal.SIGPIPE, signal.SIG_DFL))
        """, [True]),
    "also called directly": ("""
        def setup():
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        def run(args):
            setup()
            return subprocess.Popen(args, preexec_fn=setup)
        """, [False]),
    "method also called on self": ("""
        class Runner:
            def _setup(self):
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)
            def __init__(self):
                self._setup()
            def run(self, args):
                return subprocess.Popen(args, preexec_fn=self._setup)
        """, [False]),
    "never passed": ("""
        def setup():
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        """, [False]),
    "passed through a variable": ("""
        def setup():
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        def run(args):
            fn = setup
            return subprocess.Popen(args, preexec_fn=fn)
        """, [False]),
    "passed through **kwargs": ("""
        def setup():
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        def run(args):
            return subprocess.Popen(args, **{"preexec_fn": setup})
        """, [False]),
    "preexec_fn of a call that is not a subprocess spawner": ("""
        def setup():
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        def run(launcher, args):
            return launcher.spawn(args, preexec_fn=setup)
        """, [False]),
    "decorated function": ("""
        import atexit
        @atexit.register
        def setup():
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        def run(args):
            return subprocess.Popen(args, preexec_fn=setup)
        """, [False]),
    "module level": ("""
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        def run(args):
            return subprocess.Popen(args, preexec_fn=lambda: None)
        """, [False]),
    "lambda stored, not passed": ("""
        restore = lambda: signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        def run(args):
            restore()
            return subprocess.Popen(args, preexec_fn=lambda: None)
        """, [False]),
    "called from a function that is the preexec_fn (not followed)": ("""
        def inner():
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        def setup():
            inner()
        def run(args):
            return subprocess.Popen(args, preexec_fn=setup)
        """, [False]),
    "nested function in the function passed": ("""
        def setup():
            def later():
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)
            return later
        def run(args):
            return subprocess.Popen(args, preexec_fn=setup)
        """, [False]),
    "fork child that execs": ("""
        def spawn(args):
            pid = os.fork()
            if pid == 0:
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)
                os.execvp(args[0], args)
            return pid
        """, [True]),
    "fork child, not pid, try/finally _exit": ("""
        def spawn(args):
            pid = os.fork()
            if not pid:
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)
                try:
                    os.execv(args[0], args)
                finally:
                    os._exit(127)
            return pid
        """, [True]),
    "fork child in the else branch, at module level": ("""
        pid = os.fork()
        if pid:
            os.waitpid(pid, 0)
        else:
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
            try:
                os.execvp("cat", ["cat"])
            except OSError:
                os._exit(127)
        """, [True]),
    "pty.fork pair, pid != 0": ("""
        def spawn(args):
            pid, fd = pty.fork()
            if pid != 0:
                return pid, fd
            else:
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)
                os.execvp(args[0], args)
        """, [True]),
    "fork child that returns to the caller": ("""
        def serve(conn):
            pid = os.fork()
            if pid == 0:
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)
                conn.sendall(b"hi")
            return pid
        """, [False]),
    "fork child that ends in sys.exit": ("""
        def spawn(args):
            pid = os.fork()
            if pid == 0:
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)
                sys.exit(0)
            return pid
        """, [False]),
    "fork child whose except clause goes on": ("""
        def spawn(args):
            pid = os.fork()
            if pid == 0:
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)
                try:
                    os.execvp(args[0], args)
                except OSError:
                    pass
            return pid
        """, [False]),
    "fork child that runs Python and then _exits": ("""
        def serve(conn):
            pid = os.fork()
            if pid == 0:
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)
                conn.sendall(b"hi")
                os._exit(0)
            return pid
        """, [False]),
    "parent branch": ("""
        def spawn(args):
            pid = os.fork()
            if pid:
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)
                os.execvp(args[0], args)
            os.execvp(args[0], args)
        """, [False]),
    "pid rebound after the fork": ("""
        def spawn(args, other):
            pid = os.fork()
            pid = other
            if pid == 0:
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)
                os.execvp(args[0], args)
        """, [False]),
    "pid not from a fork": ("""
        def spawn(args, pid):
            if pid == 0:
                signal.signal(signal.SIGPIPE, signal.SIG_DFL)
                os.execvp(args[0], args)
        """, [False]),
    "nested deeper than the child branch": ("""
        def spawn(args, quiet):
            pid = os.fork()
            if pid == 0:
                if quiet:
                    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
                os.execvp(args[0], args)
        """, [False]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_runs_in_child(name):
    code, expected = CASES[name]
    assert in_child(code) == expected

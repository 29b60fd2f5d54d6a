"""Which reads a readiness wait gates (Facts.read_after_readiness), read by read."""

import textwrap

import libcst as cst
import pytest

from lint_sockets.analysis.facts import Facts
from lint_sockets.analysis.walk import build_model
from lint_sockets.settings import Settings


def gated(code):
    """read_after_readiness for each sock.recv()/conn.recv() call, in source order."""
    source = "import select, selectors, socket, sys\n" + textwrap.dedent(code)
    model = build_model(cst.parse_module(source))
    facts = Facts(model, Settings(), source)
    return [facts.read_after_readiness(site) for site in facts.calls if site.method == "recv"]


CASES = {
    "multi-source select, branch": ("""
        def f(sock):
            while True:
                r, _, _ = select.select([sock, sys.stdin], [], [])
                if sock in r:
                    sock.recv(1)
        """, [True]),
    "read list through a name and append": ("""
        def f(sock):
            inputs = [sock]
            inputs.append(sys.stdin)
            r, _, _ = select.select(inputs, [], [])
            if sock in r:
                sock.recv(1)
        """, [True]),
    "read list changed in a way not followed": ("""
        def f(sock):
            inputs = [sock, sys.stdin]
            inputs.remove(sys.stdin)
            r, _, _ = select.select(inputs, [], [])
            if sock in r:
                sock.recv(1)
        """, [False]),
    "read list handed to another function": ("""
        def f(sock, helper):
            inputs = [sock, sys.stdin]
            helper(inputs)
            r, _, _ = select.select(inputs, [], [])
            if sock in r:
                sock.recv(1)
        """, [False]),
    "single source, no timeout": ("""
        def f(sock):
            r, _, _ = select.select([sock], [], [])
            if sock in r:
                sock.recv(1)
        """, [False]),
    "single source, explicit None timeout": ("""
        def f(sock):
            r, _, _ = select.select([sock], [], [], None)
            if r:
                sock.recv(1)
        """, [False]),
    "single source, timeout, truth test": ("""
        def f(sock):
            r, _, _ = select.select([sock], [], [], 2)
            if r:
                sock.recv(1)
        """, [True]),
    "guard, single source with timeout": ("""
        def f(sock):
            while True:
                r = select.select([sock], [], [], 2)[0]
                if not r:
                    continue
                sock.recv(1)
                sock.recv(1)
        """, [True, False]),
    "one-line guard and branch": ("""
        def f(sock):
            while True:
                r, _, _ = select.select([sock], [], [], 2)
                if not r: continue
                if sock in r: sock.recv(1)
        """, [True]),
    "timeout parameter that may be None": ("""
        def f(sock, timeout=None):
            r, _, _ = select.select([sock], [], [], timeout)
            if r:
                sock.recv(1)
        """, [False]),
    "timeout parameter a caller must pass": ("""
        def f(sock, timeout):
            r, _, _ = select.select([sock], [], [], timeout)
            if r:
                sock.recv(1)
        """, [True]),
    "guard, several sources": ("""
        def f(sock):
            while True:
                r, _, _ = select.select([sock, sys.stdin], [], [], 2)
                if not r:
                    continue
                sock.recv(1)
        """, [False]),
    "whole result indexed": ("""
        def f(sock):
            ready = select.select([sock, sys.stdin], [], [])
            if sock in ready[0]:
                sock.recv(1)
        """, [True]),
    "inline wait with timeout": ("""
        def f(sock):
            if sock in select.select([sock], [], [], 0.5)[0]:
                sock.recv(1)
        """, [True]),
    "elif and else": ("""
        def f(sock):
            r, _, _ = select.select([sock, sys.stdin], [], [])
            if sys.stdin in r:
                pass
            elif sock in r:
                sock.recv(1)
            else:
                sock.recv(1)
        """, [True, False]),
    "nested if inside the branch": ("""
        def f(sock, verbose):
            r, _, _ = select.select([sock, sys.stdin], [], [])
            if sock in r:
                if verbose:
                    sock.recv(1)
        """, [True]),
    "wait before the loop": ("""
        def f(sock):
            r, _, _ = select.select([sock, sys.stdin], [], [])
            while True:
                if sock in r:
                    sock.recv(1)
        """, [False]),
    "loop inside the branch": ("""
        def f(sock):
            r, _, _ = select.select([sock, sys.stdin], [], [])
            if sock in r:
                while True:
                    sock.recv(1)
        """, [False]),
    "reads repeated by a comprehension in the branch": ("""
        def f(sock):
            r, _, _ = select.select([sock, sys.stdin], [], [])
            if sock in r:
                parts = [sock.recv(1) for _ in range(4)]
        """, [False]),
    "result rebound by a second wait out of sight": ("""
        def f(sock, other):
            r, _, _ = select.select([sock, sys.stdin], [], [])
            try:
                r, _, _ = select.select([other], [], [])
            except ValueError:
                pass
            if sock in r:
                sock.recv(1)
        """, [False]),
    "wait in a try whose handler leaves": ("""
        def f(sock):
            while True:
                try:
                    r, _, _ = select.select([sock, sys.stdin], [], [])
                except ValueError:
                    break
                if sock in r:
                    sock.recv(1)
        """, [True]),
    "wait in a try whose handler empties the ready list": ("""
        def f(sock):
            while True:
                try:
                    r, _, _ = select.select([sock], [], [], 1)
                except (OSError, ValueError):
                    r = []
                for _ in r:
                    sock.recv(1)
                if sock in r:
                    sock.recv(1)
        """, [True, False]),
    "wait in a try whose handler empties the read list, branch": ("""
        def f(sock):
            while True:
                try:
                    r, w, _ = select.select([sock, sys.stdin], [], [])
                except OSError:
                    r = w = []
                if sock in r:
                    sock.recv(1)
        """, [True]),
    "wait in a try whose handler empties another name": ("""
        def f(sock):
            r = [sock]
            while True:
                try:
                    ready, _, _ = select.select([sock], [], [], 1)
                except OSError:
                    r = []
                if sock in ready:
                    sock.recv(1)
        """, [False]),
    "wait in a try whose handler empties the list and does more": ("""
        def f(sock, log):
            while True:
                try:
                    r, _, _ = select.select([sock, sys.stdin], [], [])
                except OSError:
                    r = []
                    log.append(sock)
                if sock in r:
                    sock.recv(1)
        """, [False]),
    "another socket's readiness": ("""
        def f(sock, conn):
            r, _, _ = select.select([sock, conn], [], [])
            if conn in r:
                sock.recv(1)
        """, [False]),
    "selector with timeout": ("""
        def f(sock):
            sel = selectors.DefaultSelector()
            sel.register(sock, selectors.EVENT_READ)
            events = sel.select(1)
            for key, mask in events:
                if key.fileobj is sock:
                    sock.recv(1)
        """, [True]),
    "selector, no timeout, socket alone": ("""
        def f(sock):
            sel = selectors.DefaultSelector()
            sel.register(sock, selectors.EVENT_READ)
            for key, mask in sel.select():
                if key.fileobj is sock:
                    sock.recv(1)
        """, [False]),
    "poll, no timeout, two sources": ("""
        def f(sock, fd):
            p = select.poll()
            p.register(sock.fileno(), select.POLLIN)
            p.register(fd, select.POLLIN)
            for got, ev in p.poll():
                if got == sock.fileno():
                    sock.recv(1)
        """, [True]),
    "poll with a negative timeout": ("""
        def f(sock):
            p = select.epoll()
            p.register(sock.fileno(), select.EPOLLIN)
            for got, ev in p.poll(-1):
                if got == sock.fileno():
                    sock.recv(1)
        """, [False]),
    "poll object made elsewhere": ("""
        def f(sock, p):
            for got, ev in p.poll(5):
                if got == sock.fileno():
                    sock.recv(1)
        """, [False]),
    "loop over the events without a test": ("""
        def f(sock):
            p = select.poll()
            p.register(sock, select.POLLIN)
            for got, ev in p.poll(5):
                sock.recv(1)
        """, [False]),
    "read between the wait and the read": ("""
        def f(sock):
            r, _, _ = select.select([sock, sys.stdin], [], [])
            sock.recv(1)
            if sock in r:
                sock.recv(1)
        """, [False, False]),
    "select imported by name": ("""
        from select import select as wait
        def f(sock):
            r, _, _ = wait([sock, sys.stdin], [], [])
            if sock in r:
                sock.recv(1)
        """, [True]),
    "not select.select": ("""
        def f(sock, q):
            r = q.select([sock, sys.stdin])
            if sock in r:
                sock.recv(1)
        """, [False]),
    "not select.select's arguments": ("""
        def f(sock, q, others):
            r, _, _ = q.select(others, [], [])
            if sock in r:
                sock.recv(1)
        """, [False]),
    "a wrapper called with select.select's arguments": ("""
        def f(sock, q):
            r, _, _ = q.select([sock, sys.stdin], [], [])
            if sock in r:
                sock.recv(1)
        """, [True]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_read_after_readiness(name):
    code, expected = CASES[name]
    assert gated(code) == expected


def waits_alone(code):
    """unbounded_wait_alone for each recv() call: the wait's code, or None."""
    source = "import select, selectors, socket, sys\n" + textwrap.dedent(code)
    model = build_model(cst.parse_module(source))
    facts = Facts(model, Settings(), source)
    found = []
    for site in facts.calls:
        if site.method == "recv":
            wait = facts.unbounded_wait_alone(site)
            found.append(None if wait is None else facts.code_for(wait))
    return found


def test_unbounded_wait_alone_names_the_wait_that_can_hang():
    assert waits_alone("""
        def f(sock):
            p = select.poll()
            p.register(sock, select.POLLIN)
            for fd, ev in p.poll():
                if fd == sock.fileno():
                    sock.recv(1)
            r, _, _ = select.select([sock], [], [])
            if r:
                sock.recv(1)
        """) == ["p.poll()", "select.select([sock], [], [])"]


def test_unbounded_wait_alone_is_none_for_other_reads():
    assert waits_alone("""
        def f(sock, inputs):
            r, _, _ = select.select([sock, sys.stdin], [], [])
            if sock in r:
                sock.recv(1)
            r, _, _ = select.select([sock], [], [], 1)
            if r:
                sock.recv(1)
            r, _, _ = select.select(inputs, [], [])
            if sock in r:
                sock.recv(1)
            sock.recv(1)
        """) == [None, None, None, None]

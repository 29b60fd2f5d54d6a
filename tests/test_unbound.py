"""Code after a statement that reads a name the module binds nowhere (analysis.unbound)."""
import textwrap

import libcst as cst
import pytest

from lint_sockets.analysis.unbound import after_unbound_name


def _dead_calls(source):
    """The text of each call in ``source`` that after_unbound_name marks."""
    module = cst.parse_module(textwrap.dedent(source))
    dead = after_unbound_name(module)
    found = []

    class Calls(cst.CSTVisitor):
        def visit_Call(self, node):
            if id(node) in dead:
                found.append(module.code_for_node(node))

    module.visit(Calls())
    return found


def test_statements_after_a_name_bound_nowhere_never_run():
    assert _dead_calls("""
        def f(sock):
            data = cv2.imencode(frame)
            sock.sendall(data)
            while True:
                sock.recv(1)
        def g(sock):
            sock.recv(2)
    """) == ["sock.sendall(data)", "sock.recv(1)"]


@pytest.mark.parametrize("binding", [
    "import cv2", "import cv2.aux", "from lib import cv2", "from lib import thing as cv2",
    "import lib as cv2", "cv2 = None", "cv2: object = None", "cv2 += 1", "(cv2, b) = 1, 2",
    "[a, *cv2] = x", "for cv2 in x: pass", "with x as cv2: pass",
    "try:\n    pass\nexcept E as cv2:\n    pass", "def cv2(): pass", "class cv2: pass",
    "def h(cv2): pass", "def h(*cv2): pass", "lambda cv2: 0", "[0 for cv2 in x]",
    "(cv2 := 1)", "def h():\n    global cv2", "match x:\n    case [cv2]: pass",
    "match x:\n    case {**cv2}: pass", "match x:\n    case [*cv2]: pass",
])
def test_a_name_bound_anywhere_in_the_module_counts(binding):
    source = "x = []\n" + binding + "\n\ndef f(sock):\n    cv2.imencode(1)\n    sock.recv(1)\n"
    assert _dead_calls(source) == []


@pytest.mark.parametrize("dynamic", [
    "from lib import *", "exec('cv2 = 1')", "eval('1')", "globals()['cv2'] = 1",
    "locals()", "vars()", "import builtins", "__builtins__.cv2 = 1",
])
def test_a_module_that_may_get_names_elsewhere_is_not_judged(dynamic):
    source = dynamic + "\n\ndef f(sock):\n    cv2.imencode(1)\n    sock.recv(1)\n"
    assert _dead_calls(source) == []


@pytest.mark.parametrize("line", [
    "ok = ready or missing", "x = a if t else missing", "f = lambda: missing",
    "y = [missing for _ in ()]", "z = obj.missing", "f(missing=1)", "print(len(x))",
    "_('text')", "e = WindowsError", "aiter", "n = __file__", "s = __salt__['x']",
    "obj.vars = 1",
])
def test_reads_that_may_not_run_or_are_defined(line):
    source = f"def f(sock, ready, t, x, a, obj):\n    {line}\n    sock.recv(1)\n"
    assert _dead_calls(source) == []


@pytest.mark.parametrize("line", [
    "unicode(x)", "x = missing.attr", "missing[0]", "x = [missing]", "x = {1: missing}",
    "x = f'{missing}'", "return missing", "raise missing", "assert missing",
    "x = -missing + 1", "if missing:\n        pass", "while missing:\n        pass",
    "for _ in missing:\n        pass", "with missing:\n        pass", "a, b = 1, missing",
    "x = missing < 1 < y", "x = await missing",
])
def test_unconditional_reads_raise(line):
    source = f"async def f(sock, x, y):\n    {line}\n    sock.recv(1)\n"
    assert _dead_calls(source) == ["sock.recv(1)"]


def test_an_unbound_name_in_a_branch_leaves_the_code_after_the_branch_alone():
    assert _dead_calls("""
        def f(sock, t):
            if t:
                missing()
                sock.send(b"x")
            sock.recv(1)
    """) == ['sock.send(b"x")']

"""Fuzzing the engine and the fixes: generated programs and mutated fixtures.

Properties, for every input: ``check_source`` never raises (with and without the JSON
output's text edits), ``fix_source`` (unsafe fixes included) never raises, its result
compiles, and fixing the result again changes nothing.

Two sources of programs:

- hypothesmith: ``from_grammar()`` (any text the grammar allows) and ``from_node()``
  (libcst trees, semantically plausible), each followed by a small socket loop so the
  rules have something to look at (the pre-filter would skip most generated programs);
- every fixture under ``test_fixtures/`` that compiles, with socket calls, EINTR handlers
  and the like inserted before or after random statements (kept only when the result still
  compiles), and optionally a different newline style or a BOM.

The CI budget is small and deterministic (``derandomize``), and marked slow (the default
test run leaves it out; .ci/run runs it); for a longer, random run by hand set
``LINT_SOCKETS_FUZZ_EXAMPLES`` (see the README, "Robustness and fuzzing").

A bug the fuzzers find gets its own test in ``test_robustness.py``; the fuzzers keep every
input (no known bug is left to filter out).
"""

import ast
import os
import re
import tokenize
import warnings
from io import BytesIO

import pytest

from conftest import FIXTURES
from lint_sockets.engine import check_source
from lint_sockets.fixes import fix_source
from lint_sockets.settings import Settings

hypothesis = pytest.importorskip("hypothesis")
hypothesmith = pytest.importorskip("hypothesmith")

from hypothesis import HealthCheck, assume, given, note  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_BY_HAND = os.environ.get("LINT_SOCKETS_FUZZ_EXAMPLES")
EXAMPLES = int(_BY_HAND) if _BY_HAND else None

ALL = Settings(select=["ALL"])

# Generated programs are full of `1()` and `x is 1`; Python's warnings about them are noise.
pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning")


def budget(ci_examples):
    """CI: ``ci_examples`` fixed examples. By hand: LINT_SOCKETS_FUZZ_EXAMPLES random ones."""
    return hypothesis_settings(
        max_examples=EXAMPLES or ci_examples,
        derandomize=EXAMPLES is None,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )


def _compile(source):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return compile(source, "<fuzz>", "exec", dont_inherit=True)


def _compiles(source):
    try:
        _compile(source)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return False
    return True


def check_properties(source):
    """The fuzzing properties, for one module (str or bytes) that Python compiles."""
    check_source(source, ALL)
    check_source(source, ALL, edits=True)  # what --output-format json computes
    new, fixed, bounded = fix_source(source, ALL, unsafe=True)
    assert type(new) is type(source)
    _compile(new)  # SyntaxError here: a fix broke the code
    if fixed:
        again, fixed_again, _ = fix_source(new, ALL, unsafe=True)
        assert not bounded
        assert again == new and not fixed_again, "fixing twice changed the code again"
        check_source(new, ALL, edits=True)
    return fixed


# --- hypothesmith ------------------------------------------------------------------------------

# A socket loop with fixable findings (SCK101 and SCK601), appended to each generated program.
SOCKET_TAIL = (
    "\n"
    "import socket\n"
    "sock = socket.socket()\n"
    "sock.settimeout(10)\n"
    "while True:\n"
    "    data = sock.recv(1024)\n"
    "    sock.send(data)\n"
)


def _with_socket_tail(program):
    if not program.endswith(("\n", "\r")):
        program += "\n"
    extended = program + SOCKET_TAIL
    return extended if _compiles(extended) else program


@pytest.mark.slow
@budget(150)
@given(hypothesmith.from_grammar())
def test_engine_and_fixes_on_programs_from_the_grammar(program):
    source = _with_socket_tail(program)
    assume(_compiles(source))
    note(repr(source))
    check_properties(source)
    data = source.encode("utf-8", "surrogatepass")  # as read from a file
    if _compiles(data):  # lone surrogates in the text make invalid UTF-8
        check_properties(data)


@pytest.mark.slow
@budget(100)
@given(hypothesmith.from_node())
def test_engine_and_fixes_on_programs_from_libcst_nodes(program):
    source = _with_socket_tail(program)
    assume(_compiles(source))
    note(repr(source))
    check_properties(source)


# --- mutated fixtures --------------------------------------------------------------------------

# Inserted with the indentation of the statement they go before or after; several are
# compound statements, so they open blocks of their own. They use names the rules believe
# are sockets (sock, conn, srv, client) and the errno / EINTR / SIGPIPE forms the rules fix.
SNIPPETS = [
    "data = sock.recv(1024)",
    "conn.send(b'x')",
    "sock.send(data)",
    "conn, addr = srv.accept()",
    "sock.setblocking(False)",
    "sock.settimeout(5)",
    "sock.connect_ex(('localhost', 80))",
    "srv.bind(('', 8080))",
    "signal.signal(signal.SIGPIPE, signal.SIG_DFL)",
    "try:\n    data = sock.recv(1024)\nexcept InterruptedError:\n    pass",
    "try:\n    conn.send(b'x')\nexcept OSError as e:\n    if e.errno == 4:\n        pass",
    "try:\n    sock.connect(('h', 1))\nexcept OSError as e:\n    if e.errno == 115:\n        pass",
    "while True:\n    data = conn.recv(10)\n    conn.send(data)",
    "while True:\n    conn, addr = srv.accept()\n    conn.sendall(b'hi')",
    "for _ in range(3):\n    client.send(b'ping')",
    "with socket.create_connection(('h', 1)) as sock:\n    sock.send(b'x')",
    "async def _handler(loop, sock):\n    data = await loop.sock_recv(sock, 10)",
    "import socket, signal, errno",
    "if err.errno == 11:\n    pass",
]

_FIXTURE_FILES = sorted(p for p in FIXTURES.rglob("*.py"))


def _load(path):
    """(text, encoding, newline) of a fixture that compiles, or None."""
    raw = path.read_bytes()
    if not _compiles(raw):
        return None
    try:
        encoding, _ = tokenize.detect_encoding(BytesIO(raw).readline)
        text = raw.decode(encoding)
    except (SyntaxError, UnicodeDecodeError, LookupError):
        return None
    return text, encoding


_FIXTURES = [(p, loaded) for p in _FIXTURE_FILES if (loaded := _load(p)) is not None]


def _insertion_points(text):
    """(line index, indentation) pairs where a statement may be inserted: before a statement
    that begins its line, or after the last line of one."""
    lines = text.splitlines(keepends=True)
    points = set()
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return lines, []
    for node in ast.walk(tree):
        if not isinstance(node, ast.stmt):
            continue
        line = lines[node.lineno - 1] if node.lineno - 1 < len(lines) else ""
        indent = line[:len(line) - len(line.lstrip(" \t"))]
        if line[:node.col_offset].strip():
            continue  # after a `;` or on a decorator/def line shared with others
        points.add((node.lineno - 1, indent))
        if node.end_lineno is not None:
            points.add((node.end_lineno, indent))
    return lines, sorted(points)


def _indent(snippet, indent):
    return "".join(indent + line + "\n" for line in snippet.split("\n"))


@st.composite
def mutated_fixtures(draw):
    path, (text, encoding) = draw(st.sampled_from(_FIXTURES))
    lines, points = _insertion_points(text)
    assume(points)
    for _ in range(draw(st.integers(1, 4))):
        index, indent = draw(st.sampled_from(points))
        snippet = draw(st.sampled_from(SNIPPETS))
        candidate = lines[:index] + [_indent(snippet, indent)] + lines[index:]
        if _compiles("".join(candidate)):
            lines = candidate
            _, points = _insertion_points("".join(lines))
            if not points:
                break
    text = "".join(lines)
    newline = draw(st.sampled_from(["keep", "\n", "\r\n", "\r"]))
    if newline != "keep":
        text = re.sub(r"\r\n|\r|\n", lambda _: newline, text)
    data = text.encode(encoding)
    if encoding in ("utf-8", "utf-8-sig") and draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data if not data.startswith(b"\xef\xbb\xbf") else data
    return path, data


@pytest.mark.slow
@budget(200)
@given(mutated_fixtures())
def test_engine_and_fixes_on_mutated_fixtures(case):
    path, data = case
    assume(_compiles(data))
    note(f"{path.relative_to(FIXTURES)}: {data!r}")
    check_properties(data)


def test_the_mutation_corpus_is_not_empty():
    # Most fixtures compile (the SCK000 ones do not, by design).
    assert len(_FIXTURES) >= 200
    assert sum(bool(_insertion_points(text)[1]) for _, (text, _) in _FIXTURES) >= 200

"""The engine on its own: decoding, newlines, columns, parse errors, deep trees, noqa.

Everything here calls ``lint_sockets.engine`` directly, except the deep-nesting cases, which
run in a child interpreter because a stack overflow in a native parser kills the process
instead of raising.
"""

import json
import random
import subprocess
import sys

import pytest

from conftest import ECHO, SERVER

from lint_sockets import engine
from lint_sockets.engine import Diagnostic, check_source, is_suppressed, lint_source
from lint_sockets.settings import Settings

# An echo loop that never checks recv() for b"": SCK101 at line 4, column 16 (the call
# `conn.recv(1024)` spans columns 16..31, end exclusive).
ECHO_FINDING = [("SCK101", 4, 16, 4, 31)]

SERVER_FINDINGS = [("SCK501", 5, 22), ("SCK101", 8, 24)]

# The rules these snippets are about; other rules (the set keeps growing) may flag the same
# snippets and are not what these tests are for.
PINNED = ["SCK000", "SCK101", "SCK501"]


def pinned():
    return Settings(select=PINNED)


def spans(source, settings=None):
    return [
        (d.code, d.line, d.column, d.end_line, d.end_column)
        for d in lint_source(source, settings or pinned())
    ]


def positions(source, settings=None):
    return [(d.code, d.line, d.column) for d in lint_source(source, settings or pinned())]


def echo_with_line(line):
    """ECHO with line 4 replaced (the indentation is part of ``line``)."""
    lines = ECHO.splitlines(keepends=True)
    lines[3] = line + "\n"
    return "".join(lines)


# --- baseline ------------------------------------------------------------------------------

def test_echo_loop_gives_exactly_one_sck101_with_its_span():
    assert spans(ECHO) == ECHO_FINDING


def test_server_snippet_gives_sck501_and_sck101_sorted_by_position():
    assert positions(SERVER) == SERVER_FINDINGS


def test_diagnostic_message_is_the_rule_message():
    (d,) = lint_source(ECHO, pinned())
    assert d.message.startswith("`.recv()` result never checked for EOF")


def test_check_source_returns_lines_only_with_diagnostics():
    diagnostics, lines = check_source(ECHO, pinned())
    assert [d.code for d in diagnostics] == ["SCK101"]
    assert lines[3] == "        data = conn.recv(1024)"
    clean = "import socket\nx = 1\n"
    assert check_source(clean, pinned()) == ([], None)


def test_settings_select_and_ignore_apply_in_the_engine():
    prefix = positions(SERVER, Settings(select=["SCK5"]))
    assert ("SCK501", 5, 22) in prefix
    assert all(code.startswith("SCK5") for code, _, _ in prefix)
    assert positions(SERVER, Settings(select=["SCK101", "SCK501"], ignore=["SCK101"])) == [
        ("SCK501", 5, 22)
    ]
    assert positions(SERVER, Settings(select=["SCK1", "SCK501"], ignore=["SCK1"])) == [
        ("SCK501", 5, 22)
    ]
    assert positions(SERVER, Settings(select=["SCK000"])) == []
    everything = positions(SERVER, Settings())
    assert ("SCK501", 5, 22) in everything and ("SCK101", 8, 24) in everything


def test_noqa_false_keeps_suppressed_findings():
    source = echo_with_line("        data = conn.recv(1024)  # noqa: SCK101")
    assert spans(source) == []
    assert [(d.code, d.line) for d in lint_source(source, pinned(), noqa=False)] == [
        ("SCK101", 4)
    ]


# --- str and bytes ---------------------------------------------------------------------------

@pytest.mark.parametrize("source", [
    ECHO,
    SERVER,
    echo_with_line("        s = 'ééé'; data = conn.recv(1024)"),
    echo_with_line("        s = '日本語😀'; data = conn.recv(1024)"),
    ECHO.replace("\n", "\r\n"),
], ids=["echo", "server", "latin-letters", "cjk-and-astral", "crlf"])
def test_str_and_utf8_bytes_give_the_same_findings(source):
    as_str = spans(source)
    assert as_str, "the snippet must produce a finding for the comparison to mean anything"
    assert spans(source.encode("utf-8")) == as_str


# --- encodings -------------------------------------------------------------------------------

def test_latin1_cookie_decodes_non_ascii_text_and_counts_characters():
    text = (
        "# -*- coding: latin-1 -*-\n"
        "import socket\n"
        "def echo(conn):\n"
        "    while True:\n"
        "        s = 'é'; data = conn.recv(1024)  # ½ ü\n"
        "        conn.sendall(data)\n"
    )
    raw = text.encode("latin-1")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the file is really latin-1, not UTF-8
    # 8 spaces + "s = 'é'; data = " is 24 characters: the call starts at column 25.
    assert spans(raw) == [("SCK101", 5, 25, 5, 40)]


def test_cookie_on_second_line_is_honoured():
    text = "#!/usr/bin/env python\n# vim: set fileencoding=latin-1 :\n" + echo_with_line(
        "        s = 'é'; data = conn.recv(1024)"
    )
    assert spans(text.encode("latin-1")) == [("SCK101", 6, 25, 6, 40)]


def test_cp1252_cookie():
    text = "# coding: cp1252\n" + echo_with_line("        s = '€'; data = conn.recv(1024)")
    assert spans(text.encode("cp1252")) == [("SCK101", 5, 25, 5, 40)]


def test_noqa_is_read_from_the_decoded_latin1_line():
    text = "# -*- coding: latin-1 -*-\n" + echo_with_line(
        "        s = 'é'; data = conn.recv(1024)  # noqa: SCK101"
    )
    assert spans(text.encode("latin-1")) == []


def test_utf8_bom_is_not_a_character_and_changes_nothing():
    assert spans(b"\xef\xbb\xbf" + ECHO.encode()) == ECHO_FINDING
    assert spans("\ufeff" + ECHO) == ECHO_FINDING


def test_utf8_bom_does_not_shift_a_parse_error_column():
    plain = lint_source(b"x = = 1\n", pinned())
    with_bom = lint_source(b"\xef\xbb\xbfx = = 1\n", pinned())
    assert [(d.code, d.line, d.column) for d in plain] == [("SCK000", 1, 5)]
    assert [(d.code, d.line, d.column) for d in with_bom] == [("SCK000", 1, 5)]


@pytest.mark.parametrize("raw, codec, line", [
    (b"# -*- coding: utf-8 -*-\nimport socket\nNAME = '\xff'\n", "utf-8", 3),
    (b"import socket\nNAME = '\xe9t\xe9'\n", "utf-8", 2),  # no cookie: UTF-8
    (b"# coding: ascii\nimport socket\nNAME = '\xe9'\n", "ascii", None),
], ids=["declared-utf8", "default-utf8", "declared-ascii"])
def test_file_not_valid_in_its_encoding_gives_one_clear_sck000(raw, codec, line):
    diagnostics = lint_source(raw, pinned())
    assert len(diagnostics) == 1
    (d,) = diagnostics
    assert d.code == "SCK000"
    assert "not valid in its declared encoding" in d.message
    assert codec in d.message
    if line is not None:
        assert d.line == line


def test_unknown_encoding_cookie_gives_sck000_naming_it():
    (d,) = lint_source(b"# coding: no-such-codec\nimport socket\n", pinned())
    assert d.code == "SCK000"
    assert "no-such-codec" in d.message


def test_bom_with_a_conflicting_cookie_gives_sck000():
    (d,) = lint_source(b"\xef\xbb\xbf# coding: latin-1\nimport socket\n", pinned())
    assert d.code == "SCK000"
    assert "BOM" in d.message


@pytest.mark.parametrize("raw", [
    bytes(range(256)) * 4,
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56,
    bytes(random.Random(1234).randrange(1, 256) for _ in range(4096)),  # no NUL byte
], ids=["all-bytes", "png", "elf", "random-no-nul"])
def test_binary_junk_gives_exactly_one_sck000(raw):
    diagnostics = lint_source(raw, pinned())
    assert [d.code for d in diagnostics] == ["SCK000"]
    assert diagnostics[0].line >= 1 and diagnostics[0].column >= 1


@pytest.mark.parametrize("source", [
    b"", "", b"\xef\xbb\xbf", "\ufeff", b"\n", b"\r\n", b"\xef\xbb\xbf\n", b"# comment only\n",
], ids=["empty-bytes", "empty-str", "bom-only", "bom-only-str", "newline", "crlf",
        "bom-newline", "comment"])
def test_empty_and_bom_only_files_give_nothing(source):
    assert check_source(source, pinned()) == ([], None)


# --- newlines --------------------------------------------------------------------------------

@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_crlf_and_lone_cr_keep_line_and_column(newline):
    source = ECHO.replace("\n", newline)
    assert spans(source.encode()) == ECHO_FINDING
    assert spans(source) == ECHO_FINDING
    assert positions(SERVER.replace("\n", newline).encode()) == SERVER_FINDINGS


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_noqa_works_with_crlf_and_lone_cr(newline):
    source = echo_with_line("        data = conn.recv(1024)  # noqa: SCK101").replace("\n", newline)
    assert spans(source.encode()) == []


def test_mixed_newlines_count_every_line_break():
    source = "import socket\r\ndef echo(conn):\r    while True:\n        data = conn.recv(1024)\n"
    assert positions(source.encode()) == [("SCK101", 4, 16)]


def test_crlf_with_latin1_cookie():
    text = "# -*- coding: latin-1 -*-\r\n" + echo_with_line(
        "        s = 'é'; data = conn.recv(1024)"
    ).replace("\n", "\r\n")
    assert spans(text.encode("latin-1")) == [("SCK101", 5, 25, 5, 40)]


def test_lone_cr_with_latin1_cookie():
    text = "# -*- coding: latin-1 -*-\r" + echo_with_line(
        "        s = 'é'; data = conn.recv(1024)"
    ).replace("\n", "\r")
    raw = text.encode("latin-1")
    compile(raw, "<test>", "exec", dont_inherit=True)  # Python accepts the file
    assert spans(raw) == [("SCK101", 5, 25, 5, 40)]


def test_line_breaks_python_does_not_count_are_not_lines():
    # str.splitlines() would split on \x0b, \x0c, \x1c and U+2028; Python's tokenizer and
    # the reported line numbers must not.
    source = (
        "import socket\n"
        "# a\x0bb\x1cc\u2028d\n"
        "def echo(conn):\n"
        "    while True:\n"
        "        data = conn.recv(1024)\n"
    )
    assert positions(source) == [("SCK101", 5, 16)]
    assert positions(source.encode()) == [("SCK101", 5, 16)]


# --- form feeds and tabs -----------------------------------------------------------------------

def test_form_feed_line_between_top_level_statements():
    source = "import socket\n\x0c\n" + ECHO[len("import socket\n"):]
    assert spans(source) == [("SCK101", 5, 16, 5, 31)]


def test_form_feed_at_start_of_top_level_line():
    source = "import socket\n\x0cdef echo(conn):\n" + ECHO.split("\n", 2)[2]
    assert spans(source) == ECHO_FINDING


def test_form_feed_inside_a_function_body_on_its_own_line():
    source = ECHO.replace("    while True:\n", "    while True:\n\x0c\n")
    assert spans(source) == [("SCK101", 5, 16, 5, 31)]


def test_form_feed_before_the_finding_counts_as_one_column():
    # "        x = 1;" is 14 characters, then \f, a space and "data = ": the call is at 24.
    source = echo_with_line("        x = 1;\x0c data = conn.recv(1024)")
    assert spans(source) == [("SCK101", 4, 24, 4, 39)]


def test_form_feed_at_start_of_an_indented_line():
    source = echo_with_line("\x0c        data = conn.recv(1024)")
    compile(source, "<test>", "exec", dont_inherit=True)  # Python accepts it
    # The form feed is one character: the call starts at column 17.
    assert spans(source) == [("SCK101", 4, 17, 4, 32)]


def test_tab_indentation_counts_one_column_per_tab():
    source = (
        "import socket\n"
        "def echo(conn):\n"
        "\twhile True:\n"
        "\t\tdata = conn.recv(1024)\n"
        "\t\tconn.sendall(data)\n"
    )
    assert spans(source) == [("SCK101", 4, 10, 4, 25)]


def test_tab_inside_the_line_counts_one_column():
    source = echo_with_line("        x = 1;\tdata = conn.recv(1024)")
    assert spans(source) == [("SCK101", 4, 23, 4, 38)]


@pytest.mark.parametrize("prefix, width", [("é", 1), ("日本", 2), ("😀", 1), ("e\u0301", 2)],
                         ids=["latin", "cjk", "astral", "combining"])
def test_columns_count_code_points(prefix, width):
    source = echo_with_line(f"        s = '{prefix}'; data = conn.recv(1024)")
    column = 8 + len("s = '") + width + len("'; data = ") + 1
    assert spans(source) == [("SCK101", 4, column, 4, column + len("conn.recv(1024)"))]
    assert spans(source.encode("utf-8")) == spans(source)


# --- parse errors ----------------------------------------------------------------------------

PLAIN_SYNTAX_ERRORS = [
    "def f(:\n    pass\n",
    "import socket\nx = 1\nif x\n    y = 2\n",
    "import socket\nprint 'hello'\n",
    "import socket\nx = (\n",
    "def f():\nreturn 1\n",
    "import socket\n\n\nclass C:\n    def f(self)\n        pass\n",
    "f(a for a in b, c)\n",
    "x = 'abc\n",
    "if True:\n        x = 1\n    y = 2\n",
    "x = 0777\n",
    "f() = 1\n",
]


@pytest.mark.parametrize("source", PLAIN_SYNTAX_ERRORS)
def test_sck000_position_and_message_come_from_python(source):
    with pytest.raises(SyntaxError) as info:
        compile(source, "<test>", "exec", dont_inherit=True)
    err = info.value
    diagnostics = lint_source(source, pinned())
    assert [(d.code, d.line, d.column) for d in diagnostics] == [
        ("SCK000", err.lineno, err.offset)
    ]
    assert err.msg in diagnostics[0].message


def test_sck000_position_for_bytes_input_too():
    source = b"import socket\nx = 1\nif x\n    y = 2\n"
    assert positions(source) == [("SCK000", 3, 5)]


def test_python2_except_comma_alone_is_a_parse_error():
    source = (
        "import socket\n"
        "def fetch(s, addr):\n"
        "    try:\n"
        "        s.connect(addr)\n"
        "    except OSError, e:\n"
        "        return None\n"
    )
    with pytest.raises(SyntaxError) as info:
        compile(source, "<test>", "exec", dont_inherit=True)
    assert positions(source) == [("SCK000", info.value.lineno, info.value.offset)]


def test_ignoring_sck000_hides_parse_errors():
    assert lint_source("def f(:\n", Settings(ignore=["SCK000"])) == []
    assert [d.code for d in lint_source("def f(:\n", Settings())] == ["SCK000"]


# --- deep trees (child interpreter: a native stack overflow cannot be caught) ---------------

_CHILD = (
    "import json, sys\n"
    "from lint_sockets.engine import lint_source\n"
    "from lint_sockets.settings import Settings\n"
    "source = open(sys.argv[1], 'rb').read()\n"
    "found = lint_source(source, Settings(select=['SCK000', 'SCK101', 'SCK501']))\n"
    "print(json.dumps([[d.code, d.line, d.column, d.message] for d in found]))\n"
)


def lint_in_child(tmp_path, source):
    path = tmp_path / "deep.py"
    path.write_text(source)
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)],
        capture_output=True, timeout=300,
    )
    status, stdout, stderr = proc.returncode, proc.stdout.decode(), proc.stderr.decode()
    assert status == 0, f"lint_source died: exit {status}, stderr tail {stderr[-1500:]!r}"
    return [tuple(item) for item in json.loads(stdout.splitlines()[-1])]


def deep_echo(argument):
    return echo_with_line(f"        data = conn.recv({argument})")


def test_moderately_nested_parentheses_still_give_the_finding(tmp_path):
    argument = "(" * 150 + "1024" + ")" * 150
    found = lint_in_child(tmp_path, deep_echo(argument))
    assert [(code, line, column) for code, line, column, _ in found] == [("SCK101", 4, 16)]


def test_3000_nested_parentheses_do_not_crash(tmp_path):
    argument = "(" * 3000 + "1024" + ")" * 3000
    found = lint_in_child(tmp_path, deep_echo(argument))
    # Python itself rejects this ("too many nested parentheses"): either that SCK000 or
    # the finding is acceptable, but exactly one of them.
    assert len(found) == 1
    code, line, column, message = found[0]
    assert (code, line, column) == ("SCK101", 4, 16) or (
        code == "SCK000" and line == 4 and "too many nested parentheses" in message
    )


def test_long_concatenation_in_a_socket_call_still_gives_the_finding(tmp_path):
    argument = "len(" + " + ".join(['"x"'] * 1000) + ")"
    found = lint_in_child(tmp_path, deep_echo(argument))
    assert [(code, line, column) for code, line, column, _ in found] == [("SCK101", 4, 16)]


def test_concatenation_too_deep_for_python_is_a_parse_error_not_a_crash(tmp_path):
    # Python itself cannot compile 3000 terms (RecursionError during AST construction).
    argument = "len(" + " + ".join(['"x"'] * 3000) + ")"
    found = lint_in_child(tmp_path, deep_echo(argument))
    assert len(found) == 1
    code, line, column, message = found[0]
    assert (code, line, column) == ("SCK000", 1, 1)
    assert "nested too deeply for Python to compile" in message


def test_1000_term_concatenation_is_valid_python():
    # The premise of the test above: Python compiles it, so it is real code to lint.
    argument = "len(" + " + ".join(['"x"'] * 1000) + ")"
    compile(deep_echo(argument), "<test>", "exec", dont_inherit=True)


# --- noqa, exactly as flake8 reads it ----------------------------------------------------------

NOQA_CASES = [
    # (comment on the flagged line, does it suppress SCK101?)
    ("# noqa", True),
    ("# NOQA", True),
    ("# NoQa", True),
    ("# noqa: SCK101", True),
    ("# noqa:SCK101", True),
    ("# noqa:\tSCK101", True),
    ("# NOQA: SCK101", True),
    ("# noqa:SCK101,SCK501", True),
    ("# noqa: SCK501, SCK101", True),
    ("# noqa: SCK501 SCK101", True),
    ("# noqa:SCK101,", True),
    ("# noqa: E501 SCK101 trailing words", True),
    ("# noqa: SCK1", True),  # prefix
    ("# NOQA: SCK1", True),
    ("# noqa: SCK10", True),
    ("# noqa : SCK999", True),  # no colon right after noqa: a blanket noqa
    ("# noqa:  SCK999", True),  # two spaces: the code list does not match, blanket
    ("# noqa: SCK", True),  # no digits: not a code list, blanket
    ("# noqa:,SCK999", True),  # blanket for the same reason
    ("# noqa-SCK999", True),
    ("# type: ignore  # noqa", True),
    ("x = '# noqa'", True),  # flake8 reads the physical line, strings included
    ("# noqa: SCK999", False),
    ("# noqa:SCK999", False),
    ("# noqa: SCK501", False),
    ("# noqa: SCK1011", False),
    ("# noqa: SCK000", False),
    ("# noqa: sck101", False),  # lower-case codes do not match
    ("# noqa: Sck101", False),
    ("# NOQA:sck101,SCK501", False),
    ("# noqa: E501 because of SCK101", False),  # the list stops at "because"
    ("#noqa", False),
    ("#noqa: SCK101", False),
    ("#  noqa", False),
    ("# no qa", False),
    ("# comment", False),
    ("", False),
]


NOQA_IDS = [comment or "<empty>" for comment, _ in NOQA_CASES]


@pytest.mark.parametrize("comment, expected", NOQA_CASES, ids=NOQA_IDS)
def test_is_suppressed_table(comment, expected):
    line = f"        data = conn.recv(1024)  {comment}"
    diagnostic = Diagnostic("SCK101", "m", 1, 16)
    assert is_suppressed(diagnostic, [line]) is expected


@pytest.mark.parametrize("comment, expected", NOQA_CASES, ids=NOQA_IDS)
def test_is_suppressed_agrees_with_flake8(comment, expected):
    violation_module = pytest.importorskip("flake8.violation")
    line = f"        data = conn.recv(1024)  {comment}\n"
    for code in ("SCK101", "SCK501"):
        violation = violation_module.Violation(code, "x.py", 1, 17, "m", line)
        flake8_says = violation.is_inline_ignored(False)
        assert is_suppressed(Diagnostic(code, "m", 1, 16), [line.rstrip("\n")]) is flake8_says
    # The table above is what flake8 does, so it cannot drift from flake8 unnoticed.
    assert violation_module.Violation("SCK101", "x.py", 1, 17, "m", line).is_inline_ignored(
        False
    ) is expected


def test_engine_noqa_pattern_is_flake8s():
    defaults = pytest.importorskip("flake8.defaults")
    assert engine.NOQA_RE.pattern == defaults.NOQA_INLINE_REGEXP.pattern
    assert engine.NOQA_RE.flags == defaults.NOQA_INLINE_REGEXP.flags


def test_is_suppressed_reads_only_the_flagged_line():
    lines = ["x = 1  # noqa", "data = conn.recv(1024)", "y = 2  # noqa: SCK101"]
    assert is_suppressed(Diagnostic("SCK101", "m", 2, 1), lines) is False
    assert is_suppressed(Diagnostic("SCK101", "m", 1, 1), lines) is True
    assert is_suppressed(Diagnostic("SCK101", "m", 3, 1), lines) is True


@pytest.mark.parametrize("line", [0, 4, 100])
def test_is_suppressed_out_of_range_line_is_false(line):
    lines = ["# noqa", "# noqa", "# noqa"]
    assert is_suppressed(Diagnostic("SCK101", "m", line, 1), lines) is False


def test_noqa_on_one_finding_keeps_the_other():
    source = SERVER.replace(
        "data = conn.recv(1024)\n", "data = conn.recv(1024)  # noqa:SCK101,SCK501\n"
    )
    assert positions(source) == [("SCK501", 5, 22)]
    source = SERVER.replace("srv.accept()\n", "srv.accept()  # NOQA: SCK5\n")
    assert positions(source) == [("SCK101", 8, 24)]


def test_a_line_of_many_semicolon_separated_statements_is_walked_in_linear_steps(monkeypatch):
    # 20,000 `;`-separated statements on one line took 70 s when each statement looked at
    # every statement after it; the walk must look at each one a bounded number of times.
    from lint_sockets.analysis import walk

    calls = []
    real = walk.small_leaves
    monkeypatch.setattr(walk, "small_leaves", lambda small: calls.append(1) or real(small))
    count = 2000
    source = ("import socket\nsock = socket.socket()\n"
              + "; ".join(f"x{i} = sock.recv({i})" for i in range(count)) + "; break_ = 1\n")
    assert lint_source(source, Settings(select=["ALL"])) == []
    assert count <= len(calls) <= 3 * count


def test_joining_branch_states_looks_only_at_what_the_branches_changed(monkeypatch):
    # Module-level code with many names and many branches: joining whole flow states at
    # every if / loop made it quadratic (5,000 loops took 10 s of analysis).
    from lint_sockets.analysis import walk

    looked_at = []
    real = walk.merge_states
    monkeypatch.setattr(walk, "merge_states",
                        lambda states, touched: looked_at.append(len(touched)) or real(states,
                                                                                     touched))
    count = 1000
    source = "import socket\nsock = socket.socket()\n" + "".join(
        f"while True:\n    data{i} = sock.recv(1)\n    if not data{i}:\n        break\n"
        for i in range(count))
    assert lint_source(source, Settings(select=["ALL"])) == []
    assert len(looked_at) == 2 * count  # one if and one loop each
    assert sum(looked_at) <= 4 * count


def test_branch_states_still_join_bindings_and_blocking_modes():
    # The join keeps what every branch agrees on and widens the rest.
    source = (
        "import socket\n"
        "def f(flag):\n"
        "    sock = socket.socket()\n"
        "    if flag:\n"
        "        sock.setblocking(False)\n"
        "    else:\n"
        "        sock.setblocking(False)\n"
        "    while True:\n"
        "        data = sock.recv(1024)  # non-blocking on both paths: SCK201\n"
        "        if not data:\n"
        "            break\n"
        "def g(flag):\n"
        "    sock = socket.socket()\n"
        "    if flag:\n"
        "        sock.setblocking(False)\n"
        "    while True:\n"
        "        data = sock.recv(1024)  # non-blocking on one path only: unknown\n"
        "        if not data:\n"
        "            break\n"
    )
    diagnostics = lint_source(source, Settings(select=["SCK201"]))
    assert [(d.line, d.code) for d in diagnostics] == [(9, "SCK201")]


def test_the_walk_records_every_asyncio_socket_call_sck204_checks():
    # sock_sendfile was on SCK204's list but not recorded by the walk: never checked.
    from lint_sockets.analysis.tables import INTERESTING
    from lint_sockets.analysis.tables import LOOP_SOCKET_CALLS

    assert LOOP_SOCKET_CALLS <= INTERESTING


def test_a_loop_of_many_reads_is_searched_once_for_eof_calls(monkeypatch):
    # SCK101 looks in the loop for at_eof() / pending() calls on the reader; searching the
    # whole loop again for each of 5,000 reads in it took minutes.
    from lint_sockets.rules import eof

    searched = []
    real = eof._method_calls
    monkeypatch.setattr(eof, "_method_calls", lambda node: searched.append(1) or real(node))
    count = 500
    source = "import socket\nsock = socket.socket()\nwhile True:\n" + "".join(
        f"    x{i} = sock.recv({i + 1})\n" for i in range(count))
    diagnostics = lint_source(source, Settings(select=["SCK101"]))
    assert len(diagnostics) == count
    assert len(searched) == 1

"""The `lint-sockets` command, run as a child process on files in a temporary directory."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ECHO, SERVER

import lint_sockets
from lint_sockets.rules import registry

ROOT = Path(__file__).resolve().parent.parent

# SCK501 on `srv.accept()` (5:22..5:34), SCK101 on `conn.recv(1024)` (8:24..8:39).
SERVER_FINDINGS = [(5, 22, "SCK501"), (8, 24, "SCK101")]


CLEAN = (
    "import socket\n"
    "def echo(conn):\n"
    "    while True:\n"
    "        data = conn.recv(1024)\n"
    "        if not data:\n"
    "            break\n"
    "        conn.sendall(data)\n"
)

CONCISE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>SCK\d{3}) (?P<msg>\S.*)$")


class Result:
    def __init__(self, proc):
        self.status = proc.returncode
        self.out = proc.stdout.decode("utf-8", errors="replace")
        self.err = proc.stderr.decode("utf-8", errors="replace")

    def findings(self):
        """[(path, line, col, code)] from concise lines, in output order."""
        found = []
        for line in self.out.splitlines():
            match = CONCISE.match(line)
            if match:
                found.append((match["path"], int(match["line"]), int(match["col"]),
                              match["code"]))
        return found

    def codes(self):
        return sorted({code for _, _, _, code in self.findings()})

    def __repr__(self):
        return f"<exit {self.status}\nstdout:\n{self.out[-3000:]}\nstderr:\n{self.err[-3000:]}>"


def clean_env():
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env.pop("FORCE_COLOR", None)
    return env


# The rules these snippets are about. Other rules (the set keeps growing) may flag the same
# snippets; the command's behaviour is what is tested here, so most runs pin the selection.
PINNED = "SCK000,SCK101,SCK501"


def run(*args, cwd, stdin=b"", select=PINNED):
    """Run the command; ``select`` (unless None) is prepended as ``--select`` for checks."""
    if select is not None and args[:1] not in (("rules",), ("rule",)):
        args = ("--select", select, *args)
    proc = subprocess.run(
        [sys.executable, "-m", "lint_sockets", *args],
        cwd=cwd, input=stdin, capture_output=True, timeout=120, env=clean_env(),
    )
    return Result(proc)


@pytest.fixture
def proj(tmp_path):
    (tmp_path / "server.py").write_text(SERVER)
    (tmp_path / "clean.py").write_text(CLEAN)
    return tmp_path


# --- exit status -------------------------------------------------------------------------------

def test_clean_file_exit_0_and_all_checks_passed(proj):
    result = run("clean.py", cwd=proj)
    assert result.status == 0, result
    assert result.out == "All checks passed!\n"
    assert result.err == ""


def test_findings_exit_1_with_summary(proj):
    result = run("server.py", cwd=proj)
    assert result.status == 1, result
    assert result.findings() == [("server.py", 5, 22, "SCK501"), ("server.py", 8, 24, "SCK101")]
    assert result.out.splitlines()[-2:] == ["Found 2 errors.",
                                            "[*] 2 fixable with the `--fix` option."]
    assert result.err == ""


def test_one_finding_summary_is_singular(proj):
    (proj / "echo.py").write_text(ECHO)
    result = run("echo.py", cwd=proj)
    assert result.status == 1, result
    assert result.out.splitlines()[-2:] == ["Found 1 error.",
                                            "[*] 1 fixable with the `--fix` option."]


def test_exit_zero_reports_but_exits_0(proj):
    result = run("--exit-zero", "server.py", cwd=proj)
    assert result.status == 0, result
    assert [f[1:] for f in result.findings()] == SERVER_FINDINGS


def test_missing_path_exit_2_and_other_files_still_checked(proj):
    result = run("server.py", "no_such_file.py", "clean.py", cwd=proj)
    assert result.status == 2, result
    assert "no_such_file.py" in result.err
    assert [f[1:] for f in result.findings()] == SERVER_FINDINGS
    assert "no_such_file.py" not in result.out


def test_missing_path_alone_exit_2_and_no_all_checks_passed(proj):
    result = run("clean.py", "missing_dir/", cwd=proj)
    assert result.status == 2, result
    assert "missing_dir" in result.err
    assert "All checks passed!" not in result.out


def test_missing_path_beats_exit_zero(proj):
    result = run("--exit-zero", "server.py", "gone.py", cwd=proj)
    assert result.status == 2, result


@pytest.mark.parametrize("option, value", [
    ("--select", "SCK999"),
    ("--select", "SCK101,BOGUS1"),
    ("--select", "XYZ"),
    ("--ignore", "SCK999"),
    ("--extend-select", "SCK1019"),
])
def test_unknown_rule_code_exit_2_before_linting(proj, option, value):
    result = run(option, value, "server.py", cwd=proj)
    assert result.status == 2, result
    assert option in result.err
    bad = [part for part in value.split(",") if part not in ("SCK101",)][0]
    assert bad in result.err
    assert result.out == ""


@pytest.mark.parametrize("args", [
    ["--no-such-option", "server.py"],
    ["--output-format", "xml", "server.py"],
    ["--select"],
    ["rule"],
    ["rule", "SCK101", "SCK501"],
    ["rules", "extra"],
], ids=["unknown-option", "bad-format", "missing-value", "rule-no-code", "rule-two-codes",
        "rules-argument"])
def test_bad_usage_exit_2(proj, args):
    result = run(*args, cwd=proj)
    assert result.status == 2, result
    assert result.err.startswith("lint-sockets: error:")
    assert "Traceback" not in result.err
    assert result.out == ""


def test_syntax_error_is_sck000_exit_1_and_other_files_linted(proj):
    (proj / "broken.py").write_text("import socket\ndef f(:\n    pass\n")
    result = run("broken.py", "server.py", cwd=proj)
    assert result.status == 1, result
    assert result.findings() == [
        ("broken.py", 2, 7, "SCK000"),
        ("server.py", 5, 22, "SCK501"),
        ("server.py", 8, 24, "SCK101"),
    ]
    assert "Found 3 errors." in result.out


def test_syntax_error_of_an_older_python_than_the_target_is_a_warning(proj):
    """A project that targets a newer Python than the one running may use syntax this one
    cannot compile (``except A, B:`` on 3.14): the file is not checked, and nothing says it
    is broken, so it is a warning, not SCK000, and a run with nothing else exits 0; every
    run says it, none caches it."""
    newer = f"{sys.version_info[0]}.{sys.version_info[1] + 1}"
    (proj / "pyproject.toml").write_text(f'[project]\nname = "p"\nrequires-python = ">={newer}"\n')
    (proj / "new.py").write_text("import socket\ntry:\n    pass\nexcept ValueError, TypeError:\n"
                                 "    pass\n")
    for _ in range(2):
        result = run("new.py", "clean.py", cwd=proj)
        assert result.status == 0, result
        assert result.out == "All checks passed!\n"
        assert "new.py: not checked:" in result.err
        assert f"the project targets Python {newer}" in result.err
        assert "line 4" in result.err and "Traceback" not in result.err
    result = run("new.py", "--target-version",
                 f"py{sys.version_info[0]}{sys.version_info[1]}", cwd=proj)
    assert result.status == 1, result
    assert result.findings() == [("new.py", 4, 8, "SCK000")]


def test_syntax_error_alone_exits_1(proj):
    (proj / "broken.py").write_text("x = (\n")
    result = run("broken.py", cwd=proj)
    assert result.status == 1, result
    assert result.findings() == [("broken.py", 1, 5, "SCK000")]


def test_binary_file_with_py_name_is_sck000(proj):
    (proj / "blob.py").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    result = run("blob.py", "server.py", cwd=proj)
    assert result.status == 1, result
    assert [f[0] + ":" + f[3] for f in result.findings()] == [
        "blob.py:SCK000", "server.py:SCK501", "server.py:SCK101"
    ]


@pytest.mark.parametrize("argument", [
    "(" * 3000 + "1024" + ")" * 3000,
    "len(" + " + ".join(['"x"'] * 1000) + ")",
], ids=["nested-parentheses", "long-concatenation"])
def test_one_pathological_file_does_not_stop_the_run(proj, argument):
    (proj / "deep.py").write_text(ECHO.replace("conn.recv(1024)", f"conn.recv({argument})"))
    result = run("deep.py", "server.py", cwd=proj)
    assert "Traceback" not in result.err
    assert result.status in (1, 2), result
    server = [f[1:] for f in result.findings() if f[0] == "server.py"]
    assert server == SERVER_FINDINGS


# --- output formats ----------------------------------------------------------------------------

def test_concise_is_the_default_when_not_a_tty(proj):
    default = run("server.py", cwd=proj)
    concise = run("--output-format", "concise", "server.py", cwd=proj)
    assert default.out == concise.out
    lines = concise.out.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("server.py:5:22: SCK501 [*] `.accept()` in a loop")
    assert lines[1].startswith("server.py:8:24: SCK101 [*] `.recv()` result never checked")
    assert all(CONCISE.match(line) for line in lines[:2])


def _flagged(lines, header=0):
    """(source line, caret line) of the finding whose first line is lines[header]: the
    full format shows context lines around the flagged one."""
    for index in range(header + 1, len(lines)):
        if "^" in lines[index] and lines[index].lstrip().startswith("|"):
            return lines[index - 1], lines[index]
    raise AssertionError(f"no caret line after line {header}: {lines}")


def test_full_shows_source_line_and_caret_without_colour(proj):
    result = run("--output-format", "full", "server.py", cwd=proj)
    assert result.status == 1, result
    assert "\x1b[" not in result.out
    lines = result.out.splitlines()
    for line_no, col, code, snippet, text in [
        (5, 22, "SCK501", "srv.accept()", "        conn, addr = srv.accept()"),
        (8, 24, "SCK101", "conn.recv(1024)", "                data = conn.recv(1024)"),
    ]:
        start_text = f"server.py:{line_no}:{col}: {code} "
        header = [i for i, line in enumerate(lines) if line.startswith(start_text)]
        assert len(header) == 1, result
        source_line, caret_line = _flagged(lines, header[0])
        assert source_line.endswith(text)
        assert str(line_no) in source_line[: len(source_line) - len(text)]
        start = caret_line.index("^")
        assert start == source_line.index(snippet)
        carets = len(caret_line) - len(caret_line.rstrip("^"))
        assert caret_line.rstrip("^").endswith(" ") or caret_line.rstrip("^").endswith("|")
        assert 1 <= carets <= len(snippet)
    assert lines[-2:] == ["Found 2 errors.", "[*] 2 fixable with the `--fix` option."]


def test_full_caret_lines_up_after_tabs(proj):
    (proj / "tabs.py").write_text(
        "import socket\ndef echo(conn):\n\twhile True:\n\t\tdata = conn.recv(1024)\n"
    )
    result = run("--output-format", "full", "tabs.py", cwd=proj)
    assert result.findings() == [("tabs.py", 4, 10, "SCK101")]
    lines = result.out.splitlines()
    source_line, caret_line = _flagged(lines)
    # However tabs are rendered, a terminal must show the caret under `conn`.
    assert caret_line.expandtabs(8).index("^") == source_line.expandtabs(8).index("conn.recv")


def test_full_shows_the_right_line_for_lone_cr_files(proj):
    (proj / "mac.py").write_bytes(ECHO.replace("\n", "\r").encode())
    result = run("--output-format", "full", "mac.py", cwd=proj)
    assert result.findings() == [("mac.py", 4, 16, "SCK101")]
    assert _flagged(result.out.splitlines())[0].endswith("        data = conn.recv(1024)")


def test_full_for_a_syntax_error(proj):
    (proj / "broken.py").write_text("import socket\ndef f(:\n    pass\n")
    result = run("--output-format", "full", "broken.py", cwd=proj)
    lines = result.out.splitlines()
    assert lines[0].startswith("broken.py:2:7: SCK000 ")
    source_line, caret_line = _flagged(lines)
    assert source_line.endswith("def f(:")
    assert caret_line.index("^") == source_line.index("(:") + 1


JSON_KEYS = {"code", "message", "filename", "location", "end_location", "fix", "url", "noqa_row"}


def test_json_shape_and_values(proj):
    result = run("--output-format", "json", "server.py", cwd=proj)
    assert result.status == 1, result
    items = json.loads(result.out)
    assert isinstance(items, list) and len(items) == 2
    for item in items:
        assert set(item) == JSON_KEYS
        assert set(item["location"]) == {"row", "column"}
        assert set(item["end_location"]) == {"row", "column"}
        assert os.path.isabs(item["filename"])
        assert os.path.realpath(item["filename"]) == os.path.realpath(proj / "server.py")
        assert set(item["fix"]) == {"applicability", "message", "edits"}
        assert item["fix"]["applicability"] == "safe"
        for edit in item["fix"]["edits"]:
            assert set(edit) == {"content", "location", "end_location"}
        assert isinstance(item["url"], str) and item["code"] in item["url"]
    accept, recv = items
    assert accept["code"] == "SCK501"
    assert accept["location"] == {"row": 5, "column": 22}
    assert accept["end_location"] == {"row": 5, "column": 34}
    assert accept["noqa_row"] == 5
    assert recv["code"] == "SCK101"
    assert recv["message"].startswith("`.recv()` result never checked for EOF")
    assert recv["location"] == {"row": 8, "column": 24}
    assert recv["end_location"] == {"row": 8, "column": 39}
    assert recv["noqa_row"] == 8


def test_json_is_pure_json_with_no_summary(proj):
    result = run("--output-format", "json", "clean.py", cwd=proj)
    assert result.status == 0, result
    assert json.loads(result.out) == []


def test_json_reports_parse_errors_as_sck000(proj):
    (proj / "broken.py").write_text("import socket\ndef f(:\n    pass\n")
    result = run("--output-format", "json", "broken.py", cwd=proj)
    assert result.status == 1, result
    (item,) = json.loads(result.out)
    assert item["code"] == "SCK000"
    assert item["location"] == {"row": 2, "column": 7}


def _run_on_tty(args, cwd, env):
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "lint_sockets", "--select", PINNED, *args],
                            cwd=cwd,
                            stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.PIPE,
                            env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO once the child has gone
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    proc.stderr.close()
    os.close(master)
    return proc.returncode, b"".join(chunks).decode()


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_terminal_gets_full_format_in_colour(proj):
    status, out = _run_on_tty(["server.py"], proj, clean_env())
    assert status == 1
    assert "\x1b[" in out
    lines = re.sub(r"\x1b\[[0-9;]*m", "", out).replace("\r\n", "\n").splitlines()
    header = lines.index(next(line for line in lines if line.startswith("server.py:8:24: SCK101 ")))
    source_line, caret_line = _flagged(lines, header)
    assert source_line.endswith("                data = conn.recv(1024)")
    assert caret_line.index("^") == source_line.index("conn.recv")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_no_color_disables_colour_on_a_terminal(proj):
    env = clean_env()
    env["NO_COLOR"] = "1"
    status, out = _run_on_tty(["server.py"], proj, env)
    assert status == 1
    assert "\x1b[" not in out
    lines = out.replace("\r\n", "\n").splitlines()
    assert lines[0].startswith("server.py:5:22: SCK501 ")
    source_line, caret_line = _flagged(lines)
    assert source_line.endswith("        conn, addr = srv.accept()")  # still the full format
    assert caret_line.index("^") == source_line.index("srv.accept")


# --- rule selection ---------------------------------------------------------------------------

def test_default_selection_includes_both_rules(proj):
    result = run("server.py", cwd=proj, select=None)
    assert {"SCK101", "SCK501"} <= set(result.codes()), result
    assert result.status == 1


SELECTIONS = [
    (["--select", "SCK101"], ["SCK101"]),
    (["--select", "SCK501"], ["SCK501"]),
    (["--select", "SCK5"], ["SCK501"]),
    (["--select", "sck5"], ["SCK501"]),
    (["--select", "SCK101,SCK501"], ["SCK101", "SCK501"]),
    (["--select", "SCK1, SCK5"], ["SCK101", "SCK501"]),
    (["--select", "SCK101", "--select", "SCK501"], ["SCK101", "SCK501"]),
    (["--select", "ALL"], ["SCK101", "SCK501"]),
    (["--select", "SCK000"], []),
    (["--ignore", "SCK5"], ["SCK101"]),
    (["--ignore", "SCK101"], ["SCK501"]),
    # the more specific selector wins: SCK501 named in full beats the SCK5 prefix
    (["--select", "SCK101,SCK501", "--ignore", "SCK5"], ["SCK101", "SCK501"]),
    (["--select", "SCK101,SCK501", "--ignore", "SCK101,SCK501"], []),
    (["--select", "SCK101,SCK501", "--ignore", "SCK101", "--ignore", "SCK5"], ["SCK501"]),
    (["--select", "SCK101", "--extend-select", "SCK5"], ["SCK101", "SCK501"]),
    (["--select", "SCK000", "--extend-select", "SCK101", "--extend-select", "SCK501"],
     ["SCK101", "SCK501"]),
    (["--select", "SCK000", "--extend-select", "SCK101,SCK501"], ["SCK101", "SCK501"]),
    (["--select", "ALL", "--ignore", "SCK1"], ["SCK501"]),
    (["--select", "SCK1", "--ignore", "SCK101"], []),
    (["--select", "SCK101", "--ignore", "SCK101"], []),  # same selector: ignore wins
]


@pytest.mark.parametrize("args, expected", SELECTIONS,
                         ids=[" ".join(args) for args, _ in SELECTIONS])
def test_select_ignore_extend_select(proj, args, expected):
    result = run(*args, "server.py", cwd=proj, select=None)
    # Only SCK101 and SCK501 are about this snippet; newer rules may add others.
    assert [c for c in result.codes() if c in ("SCK101", "SCK501")] == expected, result
    assert result.status == (1 if result.codes() else 0), result
    if not expected:  # these selections hold no other rule that fires here
        assert result.out == "All checks passed!\n"


@pytest.mark.parametrize("args, expected", [
    (["--select", "SCK101", "--ignore", "SCK1"], ["SCK101"]),
    (["--select", "SCK101,SCK501", "--ignore", "SCK1", "--extend-select", "SCK101"],
     ["SCK101", "SCK501"]),
], ids=["select-beats-ignore-prefix", "extend-select-beats-ignore-prefix"])
def test_more_specific_selector_wins_over_broader_ignore(proj, args, expected):
    result = run(*args, "server.py", cwd=proj, select=None)
    assert result.codes() == expected, result


def test_select_sck000_only_reports_parse_errors(proj):
    (proj / "broken.py").write_text("def f(:\n")
    result = run("--select", "SCK000", "broken.py", "server.py", cwd=proj, select=None)
    assert [(f[0], f[3]) for f in result.findings()] == [("broken.py", "SCK000")]
    result = run("--ignore", "SCK000", "broken.py", cwd=proj, select=None)
    assert result.status == 0, result
    assert result.out == "All checks passed!\n"


# --- noqa --------------------------------------------------------------------------------------

@pytest.mark.parametrize("comment, suppressed", [
    ("# noqa", True),
    ("# noqa: SCK101", True),
    ("# noqa:SCK101,SCK501", True),
    ("# noqa: SCK501, SCK101", True),
    ("# NOQA: SCK1", True),
    ("# noqa : SCK999", True),  # flake8 reads this as a blanket noqa
    ("# noqa: SCK999", False),
    ("# noqa: SCK501", False),
    ("# noqa: sck101", False),
    ("#noqa", False),
])
def test_noqa_on_the_flagged_line(proj, comment, suppressed):
    source = SERVER.replace("conn.recv(1024)\n", f"conn.recv(1024)  {comment}\n")
    (proj / "server.py").write_text(source)
    result = run("server.py", cwd=proj)
    expected = [(5, 22, "SCK501")] + ([] if suppressed else [(8, 24, "SCK101")])
    assert [f[1:] for f in result.findings()] == expected, result
    assert result.status == 1


def test_noqa_on_another_line_does_not_suppress(proj):
    source = SERVER.replace("conn.sendall(data)\n", "conn.sendall(data)  # noqa\n")
    (proj / "server.py").write_text(source)
    result = run("server.py", cwd=proj)
    assert [f[1:] for f in result.findings()] == SERVER_FINDINGS


def test_noqa_both_lines_gives_exit_0(proj):
    source = SERVER.replace("srv.accept()\n", "srv.accept()  # noqa: SCK501\n").replace(
        "conn.recv(1024)\n", "conn.recv(1024)  # noqa: SCK101\n")
    (proj / "server.py").write_text(source)
    result = run("server.py", cwd=proj)
    assert result.status == 0, result
    assert result.out == "All checks passed!\n"


CONTINUED = {
    "backslash": (
        "import socket\n"
        "def echo(conn):\n"
        "    while True:\n"
        "        data = conn.recv(1024) + \\\n"
        '            b""  # noqa: SCK101\n'
        "        conn.sendall(data)\n"
    ),
    "multiline-string": (
        "import socket\n"
        "def echo(conn):\n"
        "    while True:\n"
        '        data = conn.recv(1024); print("""received\n'
        '        """)  # noqa: SCK101\n'
        "        conn.sendall(data)\n"
    ),
}


@pytest.mark.parametrize("name", sorted(CONTINUED))
def test_flake8_reference_noqa_covers_continued_lines(proj, name):
    """The flake8 plugin (flake8's own noqa) suppresses SCK101 reported on line 4 with the
    noqa comment on line 5 of the same token/logical line: the reference for the CLI."""
    pytest.importorskip("flake8")
    (proj / "cont.py").write_text(CONTINUED[name])
    proc = subprocess.run([sys.executable, "-m", "flake8", "--select", "SCK101", "cont.py"],
                          cwd=proj, capture_output=True, timeout=120)
    assert proc.stdout == b"" and proc.returncode == 0, proc
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "SCK101", "--disable-noqa", "cont.py"],
        cwd=proj, capture_output=True, timeout=120)
    assert b"cont.py:4:16: SCK101" in proc.stdout, proc


@pytest.mark.parametrize("name", sorted(CONTINUED))
def test_cli_noqa_covers_continued_lines_like_flake8(proj, name):
    (proj / "cont.py").write_text(CONTINUED[name])
    result = run("cont.py", cwd=proj)
    assert result.findings() == [], result
    assert result.status == 0


# --- stdin -----------------------------------------------------------------------------------

def test_stdin_dash(proj):
    result = run("-", cwd=proj, stdin=SERVER.encode())
    assert result.status == 1, result
    assert result.findings() == [("-", 5, 22, "SCK501"), ("-", 8, 24, "SCK101")]


def test_stdin_clean(proj):
    result = run("-", cwd=proj, stdin=CLEAN.encode())
    assert result.status == 0, result
    assert result.out == "All checks passed!\n"


def test_stdin_filename_names_the_output(proj):
    result = run("--stdin-filename", "pkg/served.py", "-", cwd=proj, stdin=SERVER.encode())
    assert result.status == 1, result
    assert result.findings() == [
        ("pkg/served.py", 5, 22, "SCK501"), ("pkg/served.py", 8, 24, "SCK101")
    ]


def test_stdin_filename_in_json(proj):
    result = run("--output-format", "json", "-", "--stdin-filename", "pkg/served.py",
                 cwd=proj, stdin=SERVER.encode())
    items = json.loads(result.out)
    assert [i["code"] for i in items] == ["SCK501", "SCK101"]
    for item in items:
        assert item["filename"].endswith(os.path.join("pkg", "served.py"))
        assert os.path.isabs(item["filename"])


def test_stdin_bytes_are_decoded_by_their_cookie(proj):
    source = "# -*- coding: latin-1 -*-\n" + ECHO.replace(
        "        data", "        s = 'é'; data")
    result = run("-", cwd=proj, stdin=source.encode("latin-1"))
    assert result.findings() == [("-", 5, 25, "SCK101")]


@pytest.mark.parametrize("args", [["-", "server.py"], ["server.py", "-"], ["-", "-"]])
def test_stdin_with_other_paths_is_usage_error(proj, args):
    result = run(*args, cwd=proj, stdin=SERVER.encode())
    assert result.status == 2, result
    assert "stdin" in result.err
    assert result.out == ""


# --- directory walking ----------------------------------------------------------------------

SKIPPED_DIRS = [".hidden", ".git", ".venv", "venv", "build", "dist", "__pycache__", ".tox",
                ".nox", "node_modules", "site-packages", "env/Lib/site-packages",
                "__pypackages__"]


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "tree"
    for directory in ["pkg", "pkg/sub", "alpha", *SKIPPED_DIRS, "pkg/.cache", "pkg/build"]:
        (root / directory).mkdir(parents=True)
        (root / directory / "mod.py").write_text(ECHO)
    (root / "top.py").write_text(ECHO)
    (root / "script").write_text(ECHO)  # no .py: skipped in a walk
    (root / "notes.txt").write_text(ECHO)
    (root / "mod.py.bak").write_text(ECHO)
    (root / "pkg" / "clean.py").write_text(CLEAN)
    return root


def reported_files(result):
    return [f[0] for f in result.findings()]


def test_walk_checks_only_py_files_outside_skipped_dirs(tree):
    result = run("tree", cwd=tree.parent)
    assert result.status == 1, result
    assert sorted(reported_files(result)) == sorted([
        "tree/top.py", "tree/alpha/mod.py", "tree/pkg/mod.py", "tree/pkg/sub/mod.py",
    ])


def test_walk_order_is_stable_and_sorted_within_directories(tmp_path):
    root = tmp_path / "src"
    root.mkdir()
    for name in ["c.py", "a.py", "b.py"]:
        (root / name).write_text(ECHO)
    for name in ["zeta", "eta", "beta"]:
        (root / "lib").mkdir(exist_ok=True)
        (root / "lib" / name).mkdir()
        (root / "lib" / name / "m.py").write_text(ECHO)
    walked = run("src", cwd=tmp_path)
    assert walked.out == run("src", cwd=tmp_path).out
    files = reported_files(walked)
    assert len(files) == 6
    assert [f for f in files if f.count("/") == 1] == ["src/a.py", "src/b.py", "src/c.py"]
    assert [f for f in files if f.startswith("src/lib/")] == [
        "src/lib/beta/m.py", "src/lib/eta/m.py", "src/lib/zeta/m.py",
    ]


def test_walk_output_is_in_path_order(tree):
    result = run("tree", cwd=tree.parent)
    files = reported_files(result)
    assert files == sorted(files)


def test_explicit_files_are_checked_whatever_their_name(tree):
    result = run("tree/script", "tree/notes.txt", "tree/mod.py.bak", cwd=tree.parent)
    assert result.status == 1, result
    assert reported_files(result) == ["tree/script", "tree/notes.txt", "tree/mod.py.bak"]


def test_explicit_skipped_directory_or_file_is_checked(tree):
    result = run("tree/.venv", "tree/build/mod.py", cwd=tree.parent)
    assert reported_files(result) == ["tree/.venv/mod.py", "tree/build/mod.py"]


def test_path_given_twice_is_reported_once(tree):
    result = run("tree/top.py", "tree/top.py", "./tree/top.py", "tree", "tree/", cwd=tree.parent)
    files = reported_files(result)
    assert len(files) == len(set(os.path.normpath(f) for f in files))
    assert sorted(os.path.normpath(f) for f in files) == sorted(
        os.path.normpath(p) for p in ["tree/top.py", "tree/alpha/mod.py", "tree/pkg/mod.py",
                                      "tree/pkg/sub/mod.py"]
    )
    assert files[0] == "tree/top.py"


def test_default_path_is_the_current_directory(tree):
    result = run(cwd=tree / "pkg")
    assert result.status == 1, result
    assert sorted(os.path.normpath(f) for f in reported_files(result)) == [
        "mod.py", os.path.join("sub", "mod.py"),
    ]


def test_walk_reports_syntax_errors_and_binary_junk(tmp_path):
    root = tmp_path / "w"
    root.mkdir()
    (root / "a_bad.py").write_text("def f(:\n")
    (root / "b_blob.py").write_bytes(bytes(range(256)))
    (root / "c_ok.py").write_text(CLEAN)
    result = run("w", cwd=tmp_path)
    assert result.status == 1, result
    assert [(f[0], f[3]) for f in result.findings()] == [
        ("w/a_bad.py", "SCK000"), ("w/b_blob.py", "SCK000"),
    ]


# --- rules, rule, version ------------------------------------------------------------------

def test_rules_lists_every_registered_rule(tmp_path):
    result = run("rules", cwd=tmp_path)
    assert result.status == 0, result
    lines = result.out.splitlines()
    assert lines[0].split()[:4] == ["code", "name", "default", "fix"]
    rows = {line.split()[0]: line.split() for line in lines[1:] if line.strip()}
    assert list(rows) == list(registry())
    for code, rule in registry().items():
        assert rows[code][1] == rule.name
        assert rows[code][2] == ("on" if rule.default else "off")
        assert rows[code][3] == rule.fix
    assert "SCK101" in rows and rows["SCK101"][1] == "recv-eof-unchecked"


def test_rule_prints_its_documentation_page(tmp_path):
    result = run("rule", "SCK101", cwd=tmp_path)
    assert result.status == 0, result
    assert result.out.startswith("# SCK101: recv-eof-unchecked\n")
    page = (ROOT / "rules_docs" / "SCK101.md").read_text(encoding="utf-8")
    assert result.out.rstrip("\n") == page.rstrip("\n")


@pytest.mark.parametrize("code", sorted(registry()))
def test_rule_page_title_for_every_rule(tmp_path, code):
    result = run("rule", code, cwd=tmp_path)
    assert result.status == 0, result
    assert result.out.splitlines()[0] == f"# {code}: {registry()[code].name}"


@pytest.mark.parametrize("spelling", ["sck101", "recv-eof-unchecked"])
def test_rule_accepts_lower_case_code_and_name(tmp_path, spelling):
    result = run("rule", spelling, cwd=tmp_path)
    assert result.status == 0, result
    assert result.out.startswith("# SCK101: recv-eof-unchecked\n")


@pytest.mark.parametrize("code", ["SCK999", "E501", "nope"])
def test_rule_unknown_code_exit_2(tmp_path, code):
    result = run("rule", code, cwd=tmp_path)
    assert result.status == 2, result
    assert code in result.err
    assert "unknown rule" in result.err
    assert result.out == ""


def test_version(tmp_path):
    result = run("--version", cwd=tmp_path)
    assert result.status == 0, result
    assert result.out.strip() == f"lint-sockets {lint_sockets.__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", lint_sockets.__version__)


def test_help_exits_0_and_mentions_options(tmp_path):
    result = run("--help", cwd=tmp_path)
    assert result.status == 0, result
    for option in ("--select", "--ignore", "--extend-select", "--output-format",
                   "--stdin-filename", "--exit-zero", "--version"):
        assert option in result.out


VERSION_WITHOUT_LIBCST = """
import sys
from lint_sockets.cli import main
try:
    main(["--version"])
except SystemExit as exit:
    assert exit.code in (0, None), exit.code
assert "libcst" not in sys.modules, "--version loaded libcst"
"""


def test_version_does_not_load_libcst(tmp_path):
    proc = subprocess.run([sys.executable, "-c", VERSION_WITHOUT_LIBCST], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"lint-sockets {lint_sockets.__version__}"


def test_every_rule_of_the_catalog_has_its_check_and_every_check_its_rule():
    import importlib
    import pkgutil

    import lint_sockets.rules as package

    rules = registry()
    found = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"lint_sockets.rules.{info.name}")
        for code, pair in getattr(module, "CHECKS", {}).items():
            assert code not in found, f"{code} has two checks"
            found[code] = (info.name, pair)
    for code, (module, (check, gate)) in found.items():
        assert rules[code].module == module, code
        assert rules[code].check is check and rules[code].gate is gate, code
        assert callable(check) and (gate is None or callable(gate)), code
    assert {c for c, r in rules.items() if r.module is not None} == set(found)
    assert {c for c, r in rules.items() if r.check is None} == {"SCK000", "SCK100"}


RULES_WITHOUT_LIBCST = """
import sys
from lint_sockets.cli import main
for words in (["rules"], ["rule", "SCK101"]):
    try:
        main(words)
    except SystemExit as exit:
        assert exit.code in (0, None), exit.code
assert "libcst" not in sys.modules, "listing the rules loaded libcst"
"""


def test_listing_the_rules_does_not_load_libcst(tmp_path):
    proc = subprocess.run([sys.executable, "-c", RULES_WITHOUT_LIBCST], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "SCK903" in proc.stdout and "# SCK101: recv-eof-unchecked" in proc.stdout


# --- subcommands ---------------------------------------------------------------------------------

def test_check_subcommand_is_the_same_as_bare_paths(proj):
    bare = run("--output-format", "concise", "server.py", cwd=proj, select=None)
    check = run("check", "--output-format", "concise", "server.py", cwd=proj, select=None)
    assert check.status == bare.status == 1
    assert check.out == bare.out and check.findings()
    default = run("check", "--select", PINNED, cwd=proj, select=None)
    assert default.findings() == [("server.py", *f) for f in SERVER_FINDINGS]


@pytest.mark.parametrize("word", ["rules", "rule"])
@pytest.mark.parametrize("kind", ["directory", "file"])
def test_rules_and_rule_never_shadow_a_path_of_that_name(tmp_path, word, kind):
    if kind == "directory":
        (tmp_path / word).mkdir()
        (tmp_path / word / "server.py").write_text(SERVER)
        expected = os.path.join(word, "server.py")
    else:
        (tmp_path / word).write_text(SERVER)
        expected = word
    result = run(word, "--select", PINNED, cwd=tmp_path, select=None)
    assert result.status == 1, result
    assert {f[0] for f in result.findings()} == {expected}
    assert f"`{word}` is both a lint-sockets command and a {kind} here: checking the {kind}" \
        in result.err
    quiet = run("check", word, "--select", PINNED, cwd=tmp_path, select=None)
    assert quiet.findings() == result.findings() and "both" not in quiet.err


def test_a_mistyped_command_gets_a_suggestion(tmp_path):
    result = run("chek", cwd=tmp_path, select=None)
    assert result.status == 2
    assert "chek: no such file or directory (did you mean the command " \
           "`lint-sockets check`?)" in result.err


def test_a_mistyped_option_gets_a_suggestion(tmp_path):
    result = run("--selct", "SCK1", ".", cwd=tmp_path, select=None)
    assert result.status == 2
    assert "unrecognized arguments: --selct" in result.err
    assert "--selct: did you mean --select?" in result.err
    result = run("--output-formt=json", ".", cwd=tmp_path, select=None)
    assert "did you mean --output-format?" in result.err


def test_a_run_that_finds_no_python_file_warns(tmp_path):
    (tmp_path / "notes.txt").write_text("no code here\n")
    result = run(".", cwd=tmp_path)
    assert result.status == 0, result
    assert "lint-sockets: warning: no Python files found under ." in result.err


# --- terminal output -----------------------------------------------------------------------------

def test_full_shows_two_lines_of_context_and_the_fix_on_a_help_line(proj):
    result = run("--output-format", "full", "--select", "SCK101", "server.py", cwd=proj,
                 select=None)
    lines = result.out.splitlines()
    assert lines[0].startswith("server.py:8:24: SCK101 [*] ")
    body = lines[1:lines.index("Found 1 error.")]
    gutters = [re.match(r"\s*(\d*) \|", line) for line in body if "|" in line]
    numbers = [int(m.group(1)) for m in gutters if m and m.group(1)]
    assert numbers == [6, 7, 8, 9]  # two lines before; one after: the file ends there
    helps = [line for line in body if line.startswith("help: ")]
    assert len(helps) == 1 and len(helps[0]) > len("help: ")
    unsafe = run("--output-format", "full", "--select", "SCK602", "-", cwd=proj, select=None,
                 stdin=b"import socket\ns = socket.socket()\ns.connect_ex(('h', 1))\n")
    assert "(unsafe: needs --unsafe-fixes)" in unsafe.out


@pytest.mark.parametrize("color, env, expected", [
    ("always", {}, True),
    ("never", {"FORCE_COLOR": "1"}, False),
    ("auto", {"FORCE_COLOR": "1"}, True),
    ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ("auto", {}, False),  # not a terminal
])
def test_color_option_and_environment(proj, color, env, expected):
    environment = clean_env()
    environment.update(env)
    proc = subprocess.run([sys.executable, "-m", "lint_sockets", "--select", PINNED,
                           "--color", color, "server.py"], cwd=proj, capture_output=True,
                          timeout=120, env=environment)
    assert proc.returncode == 1
    assert (b"\x1b[" in proc.stdout) is expected


def test_statistics_honours_json(proj):
    result = run("--statistics", "--output-format", "json", "server.py", cwd=proj)
    assert result.status == 1
    rows = json.loads(result.out)
    assert rows == [
        {"code": "SCK101", "name": "recv-eof-unchecked", "count": 1, "fixable": True},
        {"code": "SCK501", "name": "accept-abort-fatal", "count": 1, "fixable": True},
    ]

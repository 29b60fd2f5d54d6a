"""Adopting lint-sockets on an existing code base: a baseline of today's findings, then
only new ones fail; or a `# noqa` added where each finding is."""

import json
import subprocess
import sys

import pytest

from conftest import SERVER

ECHO_FN = (
    "import socket\n"
    "\n"
    "def echo(conn):\n"
    "    while True:\n"
    "        data = conn.recv(1024)\n"
    "        conn.sendall(data)\n"
)


def run(*args, cwd):
    proc = subprocess.run([sys.executable, "-m", "lint_sockets", "--no-cache", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=120)
    return proc


def found(proc):
    return sorted((line.split(":")[0], int(line.split(":")[1]), line.split()[1])
                  for line in proc.stdout.splitlines() if ": SCK" in line)


# --- baseline ---------------------------------------------------------------------------------

def test_baseline_hides_todays_findings_and_survives_an_edit_above_them(tmp_path):
    (tmp_path / "server.py").write_text(SERVER)
    (tmp_path / "echo.py").write_text(ECHO_FN)
    before = run("--output-format", "concise", ".", cwd=tmp_path)
    assert before.returncode == 1 and len(found(before)) >= 3
    written = run("--write-baseline", "lint-sockets-baseline.json", ".", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    assert f"Wrote {len(found(before))} findings" in written.stderr
    document = json.loads((tmp_path / "lint-sockets-baseline.json").read_text())
    entry = next(e for e in document["findings"] if e["code"] == "SCK101"
                 and e["file"] == "echo.py")
    assert entry["scope"] == "echo" and entry["expression"] == "conn . recv ( 1024 )"
    assert entry["occurrence"] == 0 and "line" not in entry

    clean = run("--output-format", "concise", "--baseline", "lint-sockets-baseline.json", ".",
                cwd=tmp_path)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert found(clean) == []
    assert f"{len(found(before))} findings in the baseline" in clean.stderr

    # lines added above the baselined findings move them; they stay hidden
    (tmp_path / "echo.py").write_text("import os\n\n\n# a comment\n" + ECHO_FN.replace(
        "conn.recv(1024)", "conn.recv( 1024 )  # reformatted"))
    moved = run("--output-format", "concise", "--baseline", "lint-sockets-baseline.json",
                ".", cwd=tmp_path)
    assert moved.returncode == 0 and found(moved) == [], moved.stdout
    # a new finding is reported, the old ones are not
    (tmp_path / "echo.py").write_text(ECHO_FN + (
        "\ndef relay(conn):\n"
        "    while True:\n"
        "        conn.sendall(conn.recv(10))\n"))
    new = run("--output-format", "concise", "--baseline", "lint-sockets-baseline.json", ".",
              cwd=tmp_path)
    assert new.returncode == 1
    assert found(new) == [("echo.py", 10, "SCK101")]


def test_baseline_counts_entries_that_no_longer_match(tmp_path):
    (tmp_path / "echo.py").write_text(ECHO_FN + "\ndef two(conn):\n    while True:\n"
                                               "        conn.sendall(conn.recv(10))\n")
    assert run("--write-baseline", "base.json", ".", cwd=tmp_path).returncode == 0
    (tmp_path / "echo.py").write_text(ECHO_FN)  # the second finding was fixed
    result = run("--baseline", "base.json", ".", cwd=tmp_path)
    assert result.returncode == 0
    assert "1 baseline entry no longer matches" in result.stderr
    # checking another file does not call the entries of unchecked files stale
    (tmp_path / "other.py").write_text("x = 1\n")
    result = run("--baseline", "base.json", "other.py", cwd=tmp_path)
    assert "no longer match" not in result.stderr
    # the ratchet: writing the baseline again drops the stale entry
    assert run("--write-baseline", "base.json", ".", cwd=tmp_path).returncode == 0
    result = run("--baseline", "base.json", ".", cwd=tmp_path)
    assert "no longer match" not in result.stderr


def test_baseline_tells_apart_the_same_call_in_two_functions_and_twice_in_one(tmp_path):
    body = "    while True:\n        conn.sendall(conn.recv(10))\n"
    (tmp_path / "m.py").write_text("def a(conn):\n" + body + "def b(conn):\n" + body)
    assert run("--write-baseline", "base.json", "--select", "SCK101", ".",
               cwd=tmp_path).returncode == 0
    # the same code again in `a`: a second occurrence, not in the baseline
    (tmp_path / "m.py").write_text("def a(conn):\n" + body + body + "def b(conn):\n" + body)
    result = run("--output-format", "concise", "--baseline", "base.json", "--select",
                 "SCK101", ".", cwd=tmp_path)
    assert found(result) == [("m.py", 5, "SCK101")]


def test_baseline_paths_do_not_depend_on_the_working_directory(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "echo.py").write_text(ECHO_FN)
    assert run("--write-baseline", "base.json", "src", cwd=tmp_path).returncode == 0
    result = run("--baseline", "../base.json", ".", cwd=tmp_path / "src")
    assert result.returncode == 0 and found(result) == [], result.stdout + result.stderr


@pytest.mark.parametrize("content", ["not json", '{"findings": []}', "[]"])
def test_a_bad_baseline_is_a_clear_error(tmp_path, content):
    (tmp_path / "echo.py").write_text(ECHO_FN)
    (tmp_path / "base.json").write_text(content)
    result = run("--baseline", "base.json", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "base.json: not a lint-sockets baseline" in result.stderr
    assert "Traceback" not in result.stderr
    missing = run("--baseline", "nothing.json", ".", cwd=tmp_path)
    assert missing.returncode == 2 and "nothing.json: cannot read the baseline" in missing.stderr


# --- --add-noqa -------------------------------------------------------------------------------

def add_noqa(tmp_path, source, *args):
    path = tmp_path / "m.py"
    path.write_bytes(source.encode() if isinstance(source, str) else source)
    result = run("--add-noqa", *args, "m.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    after = run("--output-format", "concise", *args, "m.py", cwd=tmp_path)
    assert found(after) == [], after.stdout  # every finding is suppressed now
    again = run("--add-noqa", *args, "m.py", cwd=tmp_path)
    assert "Added 0 noqa directives" in again.stderr
    compile(path.read_bytes(), "m.py", "exec")
    return path.read_bytes().decode(), result


def test_add_noqa_adds_a_comment_per_flagged_line(tmp_path):
    text, result = add_noqa(tmp_path, SERVER, "--select", "SCK101,SCK501")
    assert "Added 2 noqa directives." in result.stderr
    assert "        conn, addr = srv.accept()  # noqa: SCK501\n" in text
    assert "data = conn.recv(1024)  # noqa: SCK101\n" in text


def test_add_noqa_merges_with_an_existing_noqa_and_keeps_other_comments(tmp_path):
    source = ("import socket\n"
              "def echo(conn):\n"
              "    while True:\n"
              "        data = conn.recv(1024)  # noqa: E501\n"
              "def greet(conn, line):\n"
              "    conn.settimeout(5)\n"
              "    conn.send(bytes(line) + b'\\n')  # keep this note   \n")
    text, _ = add_noqa(tmp_path, source, "--select", "SCK101,SCK601")
    assert "        data = conn.recv(1024)  # noqa: E501, SCK101\n" in text
    assert "    conn.send(bytes(line) + b'\\n')  # keep this note  # noqa: SCK601\n" in text


def test_add_noqa_never_writes_into_a_multi_line_string(tmp_path):
    source = ("import socket\n"
              "def greet(conn, name):\n"
              "    conn.settimeout(5)\n"
              "    while True:\n"
              "        conn.send(b\'\'\'hello\n"
              "# a line of text\n"
              "world\'\'\' + bytes(name))\n")
    text, _ = add_noqa(tmp_path, source, "--select", "SCK601")
    assert text == source.replace("bytes(name))\n", "bytes(name))  # noqa: SCK601\n")


def test_add_noqa_says_when_noqa_text_in_a_string_gets_in_the_way(tmp_path):
    # flake8 reads the first `# noqa` in the lines of a multi-line string: here the text
    # inside the string, so nothing added after it could suppress the finding
    source = ("import socket\n"
              "def greet(conn, name):\n"
              "    conn.settimeout(5)\n"
              "    while True:\n"
              "        conn.send(b\'\'\'hello\n"
              "# noqa: E501 inside the text\n"
              "world\'\'\' + bytes(name))\n")
    path = tmp_path / "m.py"
    path.write_text(source)
    result = run("--add-noqa", "--select", "SCK601", "m.py", cwd=tmp_path)
    assert result.returncode == 0
    assert "m.py:5:9: no noqa could be added for SCK601" in result.stderr
    assert "# noqa: E501 inside the text\n" in path.read_text()  # the string is unchanged
    compile(path.read_text(), "m.py", "exec")


def test_add_noqa_goes_after_a_backslash_continuation(tmp_path):
    source = ("import socket\n"
              "def pump(conn, a, b):\n"
              "    return conn.send(a) + \\\n"
              "        len(b)\n"
              "def loop(conn):\n"
              "    while True:\n"
              "        data = conn.recv(10) \\\n"
              "            + b''\n"
              "        conn.sendall(data)\n")
    text, _ = add_noqa(tmp_path, source, "--select", "SCK101")
    assert "        data = conn.recv(10) \\\n            + b''  # noqa: SCK101\n" in text


def test_add_noqa_keeps_crlf_and_the_encoding(tmp_path):
    source = ("# -*- coding: latin-1 -*-\r\nimport socket\r\n# caf\xe9\r\ndef echo(conn):\r\n"
              "    while True:\r\n        data = conn.recv(1024)\r\n").encode("latin-1")
    path = tmp_path / "m.py"
    path.write_bytes(source)
    result = run("--add-noqa", "--select", "SCK101", "m.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert path.read_bytes() == source.replace(
        b"conn.recv(1024)\r\n", b"conn.recv(1024)  # noqa: SCK101\r\n")


def test_add_noqa_one_comment_for_several_codes_on_a_line(tmp_path):
    source = ("import socket\n"
              "def serve(srv, data):\n"
              "    while True:\n"
              "        conn, addr = srv.accept(); conn.settimeout(5); conn.send(bytes(data))\n")
    text, _ = add_noqa(tmp_path, source, "--select", "SCK1,SCK5,SCK6")
    flagged = text.splitlines()[3]
    assert flagged.count("# noqa") == 1
    codes = flagged.split("# noqa: ")[1].split(", ")
    assert codes == sorted(codes) and len(codes) >= 2


def test_add_noqa_with_a_baseline_comments_only_the_new_findings(tmp_path):
    (tmp_path / "m.py").write_text(ECHO_FN)
    assert run("--write-baseline", "base.json", "m.py", cwd=tmp_path).returncode == 0
    (tmp_path / "m.py").write_text(ECHO_FN + "def two(conn):\n    while True:\n"
                                             "        conn.sendall(conn.recv(10))\n")
    result = run("--add-noqa", "--baseline", "base.json", "--select", "SCK101", "m.py",
                 cwd=tmp_path)
    assert "Added 1 noqa directive." in result.stderr
    text = (tmp_path / "m.py").read_text()
    assert "data = conn.recv(1024)\n" in text
    assert "conn.sendall(conn.recv(10))  # noqa: SCK101\n" in text

"""Fixes: before/after fixtures, idempotence, and what --fix / --diff do to real files."""

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, findings
from lint_sockets.engine import check_source
from lint_sockets.fixes import applicable, fix_source
from lint_sockets.rules import registry
from lint_sockets.settings import Settings

PAIRS = sorted(p for p in FIXTURES.glob("*/fix_*.py") if not p.name.endswith(".fixed.py"))


def fixed_path(path):
    return path.with_name(path.name[:-3] + ".fixed.py")


@pytest.mark.parametrize("path", PAIRS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fix_fixture_gives_exactly_the_fixed_file_and_then_nothing(path):
    code = path.parent.name
    # SCK100 judges the codes of the rules that ran, so it runs with the default rules.
    settings = Settings(extend_select=[code]) if code == "SCK100" else Settings(select=[code])
    source = path.read_bytes()
    new, fixed, bounded = fix_source(source, settings, unsafe=True)
    assert fixed and not bounded
    assert new.decode() == fixed_path(path).read_text(encoding="utf-8")
    again, fixed_again, _ = fix_source(new, settings, unsafe=True)
    assert again == new and fixed_again == []
    compile(new, str(path), "exec")


def test_every_fixable_rule_has_a_fix_fixture():
    fixable = {code for code, rule in registry().items() if rule.fix != "none"}
    assert fixable == {p.parent.name for p in PAIRS}
    for path in PAIRS:
        assert fixed_path(path).is_file(), path


def test_safe_fixes_only_without_unsafe_fixes():
    source = (FIXTURES / "SCK401" / "fix_sig_ign.py").read_bytes()
    new, fixed, _ = fix_source(source, Settings(select=["SCK401"]), unsafe=False)
    assert new == source and fixed == []


# A fixable finding needs one of these words in the file: SCK101 a read (recv, a
# StreamReader), SCK202 EINTR, SCK204 loop.sock_*, SCK401 SIGPIPE, SCK501 accept, SCK601
# send, SCK602 connect_ex, SCK801 bind, SCK901 an errno. Files without any of them cannot
# have one, so skipping them leaves no standard-library file with fixable findings out.
FIXABLE_WORDS = (b"recv", b"EINTR", b"InterruptedError", b"sock_", b"SIGPIPE", b"accept",
                 b"send", b"connect_ex", b"bind", b"errno", b"SO_ERROR", b"StreamReader",
                 b"open_connection", b"open_unix_connection")


def _sources_with_fixable_findings():
    """Fixture files, and every standard-library file that can have a fixable finding."""
    files = [p for p in FIXTURES.rglob("*.py") if not p.name.endswith(".fixed.py")]
    lib = Path(os.__file__).parent
    for path in sorted(lib.rglob("*.py")):
        if "site-packages" in path.parts:
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if any(word in data for word in FIXABLE_WORDS):
            files.append(path)
    return files


@pytest.mark.slow
def test_fixing_never_breaks_code_and_reaches_a_fixed_point():
    """Every fixture and every socket-mentioning standard-library file with fixable
    findings: fixing (safe and unsafe) gives code that compiles, a second run changes
    nothing, and no finding that has an applicable fix remains."""
    settings = Settings(select=["ALL"])
    fixed_files = 0
    for path in _sources_with_fixable_findings():
        source = path.read_bytes()
        diagnostics, _ = check_source(source, settings)
        if not any(applicable(d.fix, True) for d in diagnostics):
            continue
        new, fixed, bounded = fix_source(source, settings, unsafe=True)
        assert not bounded, path
        assert fixed, path
        compile(new, str(path), "exec", dont_inherit=True)
        again, fixed_again, _ = fix_source(new, settings, unsafe=True)
        assert again == new and not fixed_again, path
        remaining, _ = check_source(new, settings)
        assert not [d for d in remaining if applicable(d.fix, True)], path
        fixed_files += 1
    assert fixed_files >= 20


# ---- the command line ---------------------------------------------------------------

SERVER = (
    "import signal\n"
    "import socket\n"
    "\n"
    "signal.signal(signal.SIGPIPE, signal.SIG_DFL)\n"
    "\n"
    "\n"
    "def serve(port, motd):\n"
    "    srv = socket.create_server(('', port))\n"
    "    while True:\n"
    "        conn, addr = srv.accept()\n"
    "        conn.settimeout(30)\n"
    "        conn.send(motd)  # greet\n"
    "        conn.close()\n"
)


def run(*args, cwd, stdin=None):
    return subprocess.run([sys.executable, "-m", "lint_sockets", *args], cwd=cwd,
                          input=stdin, capture_output=True, timeout=120)


def test_fix_writes_safe_fixes_and_reports_what_is_left(tmp_path):
    path = tmp_path / "server.py"
    path.write_text(SERVER)
    result = run("--fix", "--extend-select", "SCK601", "--output-format", "concise", "server.py",
                 cwd=tmp_path)
    text = path.read_text()
    assert "except ConnectionAbortedError:" in text  # SCK501, safe
    assert "conn.sendall(motd)  # greet" in text  # SCK601, safe
    assert "signal.SIG_DFL" in text  # SCK401 is unsafe: not applied
    out = result.stdout.decode()
    assert "SCK401" in out and "SCK501" not in out
    assert "(2 fixed," in out
    assert result.returncode == 1  # SCK401 and SCK402 remain


def test_unsafe_fixes_and_show_fixes_and_exit_status(tmp_path):
    path = tmp_path / "server.py"
    path.write_text(SERVER)
    result = run("--fix", "--unsafe-fixes", "--show-fixes", "--select", "SCK401,SCK5,SCK6",
                 "server.py", cwd=tmp_path)
    assert "signal.SIG_IGN" in path.read_text()
    out = result.stdout.decode()
    assert "Fixed 3 errors:" in out and "SCK401 Replace `SIG_DFL` with `SIG_IGN`" in out
    assert result.returncode == 0
    path.write_text(SERVER)
    strict = run("--fix", "--unsafe-fixes", "--exit-non-zero-on-fix", "--select",
                 "SCK401,SCK5,SCK6", "server.py", cwd=tmp_path)
    assert strict.returncode == 1


def test_fix_keeps_encoding_bom_newlines_and_permissions(tmp_path):
    body = SERVER.replace("# greet", "# grüß").replace("\n", "\r\n")
    latin = tmp_path / "latin.py"
    latin.write_bytes(("# -*- coding: latin-1 -*-\r\n" + body).encode("latin-1"))
    bom = tmp_path / "bom.py"
    bom.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    os.chmod(latin, 0o751)
    run("--fix", "--extend-select", "SCK601", "latin.py", "bom.py", cwd=tmp_path)
    latin_bytes = latin.read_bytes()
    assert b"gr\xfc\xdf" in latin_bytes and b"sendall" in latin_bytes
    assert b"\n" not in latin_bytes.replace(b"\r\n", b"")
    assert stat.S_IMODE(os.stat(latin).st_mode) == 0o751
    bom_bytes = bom.read_bytes()
    assert bom_bytes.startswith(b"\xef\xbb\xbf") and "grüß".encode() in bom_bytes
    assert b"sendall" in bom_bytes and b"\n" not in bom_bytes.replace(b"\r\n", b"")
    assert not list(tmp_path.glob(".lint-sockets-*"))  # no temporary file left behind


@pytest.mark.skipif(os.name != "posix", reason="process liveness is only checked on POSIX")
def test_writing_a_file_removes_temporaries_that_killed_runs_left(tmp_path):
    from lint_sockets import fixes

    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        names = {
            "dead": f".lint-sockets-{finished.pid}-abc_123.tmp",  # its run was killed
            "live": f".lint-sockets-{running.pid}-def456.tmp",  # a run writing right now
            "old": f".lint-sockets-{running.pid}-ghi789.tmp",  # live pid (reused), an hour old
            "not ours 1": ".lint-sockets-notes.tmp",
            "not ours 2": f".lint-sockets-{finished.pid}-abc.tmp.bak",
            "not ours 3": f"lint-sockets-{finished.pid}-abc.tmp",
        }
        for name in names.values():
            (tmp_path / name).write_text("partial")
        directory = tmp_path / f".lint-sockets-{finished.pid}-dir.tmp"
        directory.mkdir()
        hour_ago = time.time() - fixes.STALE_AFTER - 60
        os.utime(tmp_path / names["old"], (hour_ago, hour_ago))
        (tmp_path / "server.py").write_text(SERVER)
        run("--fix", "--extend-select", "SCK601", "--no-cache", "server.py", cwd=tmp_path)
        assert "sendall" in (tmp_path / "server.py").read_text()
        left = {p.name for p in tmp_path.iterdir()}
        assert left == {"server.py", directory.name} | {
            names[k] for k in ("live", "not ours 1", "not ours 2", "not ours 3")}
    finally:
        running.kill()
        running.wait()


def _diff_project(tmp_path):
    for name in ("a.py", "b.py"):
        (tmp_path / name).write_text(SERVER)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "c.py").write_bytes(
        SERVER.replace("\n", "\r\n").encode()[:-2])  # no final NL
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.py")}
    diff = run("--diff", "--unsafe-fixes", "a.py", "pkg/c.py", cwd=tmp_path)
    assert diff.returncode == 1
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.py")} == before
    assert diff.stdout.startswith(b"--- a/a.py\n+++ b/a.py\n")
    assert b"\n--- a/pkg/c.py\n+++ b/pkg/c.py\n" in diff.stdout
    reference = tmp_path.parent / (tmp_path.name + "-ref")
    (reference / "pkg").mkdir(parents=True)
    for name in ("a.py", "pkg/c.py"):
        (reference / name).write_bytes(before[tmp_path / name])
    run("--fix", "--unsafe-fixes", "a.py", "pkg/c.py", cwd=reference)
    return diff.stdout, reference


def _same_as_fixed(tmp_path, reference):
    for name in ("a.py", "pkg/c.py"):
        assert (tmp_path / name).read_bytes() == (reference / name).read_bytes(), name


def test_diff_changes_nothing_and_applies_with_git_apply(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    diff, reference = _diff_project(tmp_path)
    applied = subprocess.run(["git", "apply", "-"], cwd=tmp_path, input=diff,
                             capture_output=True)
    assert applied.returncode == 0, applied.stdout + applied.stderr
    _same_as_fixed(tmp_path, reference)
    clean = run("--diff", "--select", "SCK7", "b.py", cwd=tmp_path)
    assert clean.returncode == 0 and clean.stdout == b""


def test_diff_applies_with_patch_p1(tmp_path):
    if shutil.which("patch") is None:
        pytest.skip("patch is not installed")
    diff, reference = _diff_project(tmp_path)
    patched = subprocess.run(["patch", "-p1", "--binary"], cwd=tmp_path, input=diff,
                             capture_output=True)
    assert patched.returncode == 0, patched.stdout + patched.stderr
    _same_as_fixed(tmp_path, reference)


def test_stdin_fix_writes_the_fixed_source_to_stdout(tmp_path):
    result = run("--fix", "--extend-select", "SCK601", "-", "--stdin-filename", "server.py",
                 cwd=tmp_path, stdin=SERVER.encode())
    assert b"conn.sendall(motd)" in result.stdout
    assert result.stdout.startswith(b"import signal\n")
    assert b"SCK401" in result.stderr and b"SCK401" not in result.stdout


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_json_output_carries_fixes_whose_edits_give_the_fixed_file(tmp_path, newline):
    source = SERVER.replace("\n", newline)
    path = tmp_path / "server.py"
    path.write_bytes(source.encode())
    result = run("--output-format", "json", "--select", "SCK5,SCK6", "server.py", cwd=tmp_path)
    items = json.loads(result.stdout)
    fixes = [i["fix"] for i in items if i["fix"]]
    assert {i["code"] for i in items if i["fix"]} == {"SCK501", "SCK601"}
    assert all(f["applicability"] == "safe" and f["message"] for f in fixes)
    def offset(text, location):
        rows = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)", text)  # each row with its line break
        return sum(len(row) for row in rows[:location["row"] - 1]) + location["column"] - 1

    # apply the edits from the bottom up, as a consumer of the JSON would
    text = source
    edits = sorted((e for f in fixes for e in f["edits"]),
                   key=lambda e: (e["location"]["row"], e["location"]["column"]), reverse=True)
    for edit in edits:
        start = offset(text, edit["location"])
        end = offset(text, edit["end_location"])
        text = text[:start] + edit["content"] + text[end:]
    expected, _, _ = fix_source(source, Settings(select=["SCK5", "SCK6"]))
    assert text == expected and text != source


def test_fixable_findings_are_marked_and_counted(tmp_path):
    path = tmp_path / "server.py"
    path.write_text(SERVER)
    out = run("--output-format", "concise", "--extend-select", "SCK601", "server.py",
              cwd=tmp_path).stdout.decode()
    assert "SCK501 [*]" in out and "SCK601 [*]" in out and "SCK401 [*]" not in out
    assert "[*] 2 fixable with the `--fix` option." in out
    assert "(1 more fix available with `--unsafe-fixes`.)" in out
    unsafe = run("--output-format", "concise", "--unsafe-fixes", "--extend-select", "SCK601",
                 "server.py", cwd=tmp_path).stdout.decode()
    assert "SCK401 [*]" in unsafe


def test_a_fix_that_breaks_the_code_writes_nothing_and_says_where(tmp_path, monkeypatch):
    import libcst as cst

    from lint_sockets import cli
    from lint_sockets.rules import writes

    def broken(site, method, applicability):
        def build():
            # a node that passes libcst's checks but generates code that does not parse,
            # as a buggy fix could
            name = cst.Name("sendall")
            object.__setattr__(name, "value", "send all")
            return [(site.node.func.attr, name)]
        return writes.FixSpec(applicability, "break it", build)

    monkeypatch.setattr(writes, "_rename", broken)
    path = tmp_path / "server.py"
    path.write_text(SERVER)
    monkeypatch.chdir(tmp_path)
    status = cli.main(["--fix", "--select", "SCK601", "server.py"])
    assert status == 2
    assert path.read_text() == SERVER


def test_fix_and_diff_together_is_a_usage_error(tmp_path):
    (tmp_path / "x.py").write_text("x = 1\n")
    result = run("--fix", "--diff", "x.py", cwd=tmp_path)
    assert result.returncode == 2 and b"--diff" in result.stderr


def test_fixture_markers_still_hold_for_fix_inputs():
    from conftest import expected_markers, fixture_settings

    for path in PAIRS:
        settings = fixture_settings(path)
        source = path.read_bytes()
        assert findings(source, settings) == expected_markers(source), path


def test_a_file_of_no_project_is_fixed_with_the_findings_a_check_reports():
    """check_source analyses a file given alone as the one module of a project of its own
    (its helper methods followed); fix_source must see the same findings, or a fixable
    finding the check reports would never be fixed."""
    source = (
        "import socket\n"
        "\n"
        "\n"
        "class Client:\n"
        "    def __init__(self, host):\n"
        "        self.sock = socket.create_connection((host, 7), timeout=5)\n"
        "        self.running = True\n"
        "\n"
        "    def _read_text(self):\n"
        "        return self.sock.recv(4096).decode()\n"
        "\n"
        "    def lines(self, handle):\n"
        "        while self.running:\n"
        "            text = self._read_text()\n"
        "            if text:\n"
        "                handle(text)\n"
    ).encode()
    settings = Settings(select=["SCK101"])
    found, _ = check_source(source, settings)
    assert [(d.code, d.line) for d in found if d.fix is not None] == [("SCK101", 14)]
    new, fixed, bounded = fix_source(source, settings)
    assert [code for code, _ in fixed] == ["SCK101"] and not bounded
    assert b"if not text" in new
    assert check_source(new, settings)[0] == []

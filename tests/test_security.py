"""The repository being checked is untrusted: its files, their names, its links, its
configuration and its `.lint_sockets_cache` are an attacker's input. Each test here is one
attack; the README's "Running on untrusted code" says what lint-sockets guarantees."""

import hashlib
import hmac
import json
import os
import re
import signal
import stat
import subprocess
import sys
import time

import pytest

from conftest import ROOT, write_undecodable_server
from test_robustness import (  # noqa: F401 - fix_corpus is a fixture
    FIXABLE, SERVER, _check_old_or_new, _inodes, _kill_group, _wait_for_changes,
    _wait_until_gone, _write_corpus, assert_clear_errors, default_sigint, fix_corpus, run,
)

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links, signals, modes")
FINDING = re.compile(r"^(?P<path>.*):(?P<line>\d+):(?P<col>\d+): (?P<code>SCK\d{3}) ")


@pytest.fixture
def user_cache(tmp_path, monkeypatch):
    """The user's own cache directory (where the cache's signing key lives), in tmp_path."""
    path = tmp_path / "user-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(path))
    return path


def run_cached(*args, cwd, user_cache):
    """The command with its cache on (run() passes --no-cache)."""
    proc = subprocess.run(
        [sys.executable, "-m", "lint_sockets", "--output-format", "concise", *args],
        cwd=cwd, capture_output=True, timeout=120,
        env={**os.environ, "XDG_CACHE_HOME": str(user_cache)})
    proc.out = proc.stdout.decode("utf-8", "replace")
    proc.err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in proc.err, proc.err
    return proc


def tree(root):
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() and not p.is_symlink()
                                       else os.readlink(p) if p.is_symlink() else None)
            for p in sorted(root.rglob("*"))}


# --- nothing is written through a link, nothing outside the project ------------------------

@POSIX
def test_a_cache_directory_that_is_a_link_is_not_used(tmp_path, user_cache):
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    (outside / "keep.txt").write_text("mine")
    (project / "server.py").write_text(SERVER)
    (project / ".lint_sockets_cache").symlink_to(outside)
    before = tree(outside)
    for _ in range(2):
        result = run_cached("server.py", cwd=project, user_cache=user_cache)
        assert result.returncode == 1 and "server.py:5:22: SCK501" in result.out, result.out
        assert "symbolic link" in result.err and "cache is not used" in result.err
    assert tree(outside) == before
    assert (project / ".lint_sockets_cache").is_symlink()


@POSIX
@pytest.mark.parametrize("link", ["CACHEDIR.TAG", ".gitignore", "version-dir", "entry"])
def test_files_in_the_cache_are_never_written_through_links(tmp_path, user_cache, link):
    from lint_sockets import __version__

    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    victim = outside / "victim.txt"
    victim.write_text("precious\n")
    (project / "server.py").write_text(SERVER)
    # one run makes the cache; then one of its files is swapped for a link to the victim,
    # or for a dangling link to a file that writing through it would create
    run_cached("server.py", cwd=project, user_cache=user_cache)
    cache = project / ".lint_sockets_cache"
    if link in ("CACHEDIR.TAG", ".gitignore"):
        (cache / "CACHEDIR.TAG").unlink()  # what makes lint-sockets write both files
        (cache / ".gitignore").unlink()
        (cache / link).symlink_to(outside / "created.txt")
    elif link == "version-dir":
        target = cache / __version__
        for entry in target.iterdir():
            entry.unlink()
        target.rmdir()
        target.symlink_to(outside)
    elif link == "entry":
        (target,) = (cache / __version__).iterdir()
        target.unlink()
        target.symlink_to(victim)
    (project / "server.py").write_text(SERVER + "# changed: the cache must be written\n")
    before = tree(outside)
    result = run_cached("server.py", cwd=project, user_cache=user_cache)
    assert "server.py:5:22: SCK501" in result.out, result.out
    assert tree(outside) == before, "lint-sockets wrote outside the project through a link"


@POSIX
def test_fix_never_writes_through_a_link_out_of_the_project(tmp_path):
    project, outside = tmp_path / "project", tmp_path / "outside"
    (project / "pkg").mkdir(parents=True)
    outside.mkdir()
    (outside / "victim.py").write_text(FIXABLE)
    (outside / "dir").mkdir()
    (outside / "dir" / "server.py").write_text(FIXABLE)
    (project / "link.py").symlink_to(outside / "victim.py")
    (project / "linked_dir").symlink_to(outside / "dir")
    (project / "pkg" / "real.py").write_text(FIXABLE)
    (project / "inside.py").symlink_to("pkg/real.py")
    before = tree(outside)
    result = run("--fix", "link.py", "linked_dir/server.py", "inside.py", cwd=project,
                 select="SCK501")
    assert result.status == 2, result
    assert_clear_errors(result, "link.py", "linked_dir/server.py")
    assert result.err.count("outside the project") == 2, result
    assert tree(outside) == before
    # a link that stays in the project is followed, and stays a link
    assert "except ConnectionAbortedError" in (project / "pkg" / "real.py").read_text()
    assert (project / "inside.py").is_symlink()


@POSIX
def test_the_walk_follows_no_link_out_of_the_project(tmp_path):
    project, outside = tmp_path / "project", tmp_path / "outside"
    (project / "pkg").mkdir(parents=True)
    outside.mkdir()
    (outside / "server.py").write_text(FIXABLE)
    (project / "pkg" / "server.py").write_text(FIXABLE)
    (project / "pkg" / "vendor").symlink_to(outside)
    (project / "pkg" / "other.py").symlink_to(outside / "server.py")
    (project / "pkg" / "alias").symlink_to(project / "pkg")  # inside: walked once
    before = tree(outside)
    result = run("--fix", ".", cwd=project, select="SCK501")
    assert_clear_errors(result)
    assert tree(outside) == before
    assert "except ConnectionAbortedError" in (project / "pkg" / "server.py").read_text()
    result = run(".", cwd=project, select="SCK501")
    assert result.status == 0 and result.findings() == [], result
    (project / "pkg" / "server.py").write_text(FIXABLE)
    result = run(".", cwd=project, select="SCK501")
    assert [f[0] for f in result.findings()] == ["pkg/server.py"], result


@POSIX
def test_fix_leaves_hard_links_alone_and_keeps_owner_group_mode_and_xattrs(tmp_path):
    linked = tmp_path / "linked.py"
    linked.write_text(FIXABLE)
    os.link(linked, tmp_path / "other_name.py")
    plain = tmp_path / "plain.py"
    plain.write_text(FIXABLE)
    os.chmod(plain, 0o640)
    has_xattr = hasattr(os, "setxattr")
    if has_xattr:
        try:
            os.setxattr(plain, "user.lint_sockets_test", b"kept")
        except OSError:
            has_xattr = False
    other_owner = hasattr(os, "geteuid") and os.geteuid() == 0
    if other_owner:
        os.chown(plain, 12345, 23456)
    result = run("--fix", "linked.py", "plain.py", cwd=tmp_path, select="SCK501")
    assert result.status == 2, result
    assert_clear_errors(result, "linked.py")
    assert "2 hard links" in result.err
    assert linked.read_text() == FIXABLE == (tmp_path / "other_name.py").read_text()
    info = os.stat(plain)
    assert "except ConnectionAbortedError" in plain.read_text()
    assert stat.S_IMODE(info.st_mode) == 0o640
    if other_owner:
        assert (info.st_uid, info.st_gid) == (12345, 23456)
    if has_xattr:
        assert os.getxattr(plain, "user.lint_sockets_test") == b"kept"


# --- the cache is untrusted input ----------------------------------------------------------

def _cache_file(project):
    (path,) = [p for p in (project / ".lint_sockets_cache").rglob("*.json")]
    return path


def _sign(user_cache, body):
    key = (user_cache / "lint-sockets" / "cache-key").read_bytes()
    return hmac.new(key, body, hashlib.sha256).hexdigest().encode() + b"\n" + body


BAD_ENTRIES = {
    "not-a-list": "x",
    "short": [],
    "stamp-not-a-pair": [1, [], False],
    "digest-not-a-string": [[10, 5], [], False],
    "size-a-float": [[1.5, "0" * 64], [], False],
    "diagnostic-not-a-list": ["STAMP", [{"code": "SCK501"}], False],
    "line-zero": ["STAMP", [["SCK501", "m", 0, 1, 1, 1, None, None]], False],
    "line-a-bool": ["STAMP", [["SCK501", "m", True, 1, 1, 1, None, None]], False],
    "code-not-a-code": ["STAMP", [["\x1b]0;pwned\x07", "m", 1, 1, 1, 1, None, None]], False],
    "fix-wrong": ["STAMP", [["SCK501", "m", 1, 1, 1, 1, ["maybe", 3], None]], False],
    "edits-wrong": ["STAMP", [["SCK501", "m", 1, 1, 1, 1, None, [{"content": 1}]]], True],
    "deep": "DEEP",
}


@pytest.mark.parametrize("kind", sorted(BAD_ENTRIES))
def test_a_malformed_cache_entry_is_a_miss(tmp_path, user_cache, kind):
    project = tmp_path / "project"
    project.mkdir()
    (project / "server.py").write_text(SERVER)
    first = run_cached("server.py", cwd=project, user_cache=user_cache)
    assert "server.py:5:22: SCK501" in first.out
    path = _cache_file(project)
    body = path.read_bytes().partition(b"\n")[2]
    entries = json.loads(body)
    (key,) = entries
    stamp = entries[key][0]
    entry = BAD_ENTRIES[kind]
    entry = json.loads(json.dumps(entry).replace('"STAMP"', json.dumps(stamp)))
    entries[key] = entry
    body = json.dumps(entries).encode()
    if kind == "deep":
        body = b'{"%s": ' % key.encode() + b"[" * 100000 + b"]" * 100000 + b"}"
    path.write_bytes(_sign(user_cache, body))  # signed as lint-sockets would: shape checks
    again = run_cached("server.py", cwd=project, user_cache=user_cache)
    assert again.returncode == 1 and again.out == first.out, again.out


@pytest.mark.parametrize("content", [b"", b"\xff\xfe garbage", b"[" * 200000, b"{}\n{}"],
                         ids=["empty", "binary", "nested", "two-documents"])
def test_a_cache_file_that_is_not_a_cache_is_ignored(tmp_path, user_cache, content):
    project = tmp_path / "project"
    project.mkdir()
    (project / "server.py").write_text(SERVER)
    first = run_cached("server.py", cwd=project, user_cache=user_cache)
    _cache_file(project).write_bytes(content)
    again = run_cached("server.py", cwd=project, user_cache=user_cache)
    assert again.out == first.out


def test_a_cache_shipped_in_the_repository_cannot_hide_findings(tmp_path, user_cache):
    """A forged cache that says the file is clean, with the right size, time and hash,
    made with lint-sockets itself on the attacker's machine (another user cache, so
    another signing key): it is not believed."""
    project = tmp_path / "project"
    project.mkdir()
    server = project / "server.py"
    server.write_text(SERVER)
    attacker = tmp_path / "attacker-cache"
    run_cached("server.py", cwd=project, user_cache=attacker)
    path = _cache_file(project)
    signature, _, body = path.read_bytes().partition(b"\n")
    entries = json.loads(body)
    for entry in entries.values():
        entry[1] = []  # "no findings"
    key = (attacker / "lint-sockets" / "cache-key").read_bytes()
    body = json.dumps(entries).encode()
    path.write_bytes(hmac.new(key, body, hashlib.sha256).hexdigest().encode() + b"\n" + body)
    # the attacker's own machine believes it ...
    assert "SCK501" not in run_cached("server.py", cwd=project, user_cache=attacker).out
    # ... the victim's does not
    result = run_cached("server.py", cwd=project, user_cache=user_cache)
    assert result.returncode == 1 and "server.py:5:22: SCK501" in result.out


def test_an_edit_during_the_check_is_never_cached_under_the_old_result(
        tmp_path, user_cache, monkeypatch, capsys):
    """The cache stamp is the hash of the bytes that were checked: a file edited while it
    is checked is checked again next time."""
    from lint_sockets import cli, engine

    monkeypatch.chdir(tmp_path)
    server = tmp_path / "server.py"
    server.write_text(SERVER)
    real = engine.check_source

    def editing(source, *args, **kwargs):
        stamp = os.stat(server)
        server.write_text(SERVER.replace("srv.accept()", "srv.acc3pt()"))
        os.utime(server, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
        return real(source, *args, **kwargs)

    monkeypatch.setattr(engine, "check_source", editing)
    assert cli.main(["--output-format", "concise", "-j", "1", "server.py"]) == 1
    assert "SCK501" in capsys.readouterr().out
    monkeypatch.setattr(engine, "check_source", real)
    cli.main(["--output-format", "concise", "-j", "1", "server.py"])
    out = capsys.readouterr().out
    assert "SCK501" not in out and "server.py:8:24: SCK101" in out, out


def _opened_sources(monkeypatch):
    """The .py files os.open opens from now on."""
    opened = []
    real = os.open

    def spying(path, *args, **kwargs):
        if str(path).endswith(".py"):
            opened.append(os.path.basename(str(path)))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", spying)
    return opened


def test_a_warm_run_reads_no_source_file_yet_sees_a_same_size_and_time_edit(
        tmp_path, user_cache, monkeypatch, capsys):
    """A cached result is found by the file's device, inode, size, mtime and ctime
    without reading it. A checkout or an archive can give other content the same size
    and mtime, but not the same ctime: the edit is seen."""
    from lint_sockets import cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("")
    server = tmp_path / "server.py"
    server.write_text(SERVER)
    (tmp_path / "helper.py").write_text("def read(sock):\n    return sock.recv(1)\n")
    time.sleep(0.05)  # older than the ctime's clock tick: keyed by its stat
    assert cli.main(["--output-format", "concise", "-j", "1", "."]) == 1
    first = capsys.readouterr().out
    assert "server.py:5:22: SCK501" in first
    opened = _opened_sources(monkeypatch)
    assert cli.main(["--output-format", "concise", "-j", "1", "."]) == 1
    assert capsys.readouterr().out == first and opened == []
    monkeypatch.undo()
    monkeypatch.chdir(tmp_path)
    stamp = os.stat(server)
    server.write_text(SERVER.replace("srv.accept()", "srv.acc3pt()"))
    os.utime(server, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert os.stat(server).st_size == stamp.st_size
    cli.main(["--output-format", "concise", "-j", "1", "."])
    out = capsys.readouterr().out
    assert "SCK501" not in out and "server.py:8:24: SCK101" in out, out


def test_a_file_written_within_a_clock_tick_gets_no_stat_key(tmp_path):
    from lint_sockets.project import stat_key

    path = tmp_path / "m.py"
    path.write_text("x = 1\n")
    info = os.stat(path)
    newest = max(info.st_ctime_ns, info.st_mtime_ns)
    assert stat_key(info, now=newest + 1_000_000) is None
    assert stat_key(info, now=newest + 3_000_000_000) == [
        info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_fix_and_diff_read_the_file_even_when_its_result_is_cached(
        tmp_path, user_cache, monkeypatch, capsys, mode):
    from lint_sockets import cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "server.py").write_text(SERVER)
    time.sleep(0.05)
    cli.main(["--output-format", "concise", "-j", "1", "--ignore", "SCK101", "server.py"])
    capsys.readouterr()
    opened = _opened_sources(monkeypatch)
    cli.main(["--output-format", "concise", "-j", "1", "--ignore", "SCK101", mode,
              "server.py"])
    assert "server.py" in opened


# --- --fix never loses a concurrent edit -----------------------------------------------------

def test_fix_leaves_a_file_edited_during_the_fix_and_says_so(tmp_path, monkeypatch, capsys):
    from lint_sockets import cli, fixes

    monkeypatch.chdir(tmp_path)
    edited = tmp_path / "edited.py"
    calm = tmp_path / "calm.py"
    edited.write_text(FIXABLE)
    calm.write_text(FIXABLE)
    users_edit = FIXABLE + "# the user's edit, saved while --fix was working\n"
    real = fixes.fix_source

    def fix_and_edit(source, *args, **kwargs):
        result = real(source, *args, **kwargs)
        if not getattr(fix_and_edit, "done", False):
            fix_and_edit.done = True
            edited.write_text(users_edit)  # between the read and the write
        return result

    monkeypatch.setattr(fixes, "fix_source", fix_and_edit)
    status = cli.main(["--no-cache", "-j", "1", "--fix", "--output-format", "concise",
                       "edited.py", "calm.py"])
    captured = capsys.readouterr()
    assert status == 2
    assert edited.read_text() == users_edit
    assert "except ConnectionAbortedError" in calm.read_text()
    (line,) = [line for line in captured.err.splitlines() if "edited.py" in line]
    assert line.startswith("lint-sockets: error: edited.py: changed while")
    assert "run --fix again" in line


# --- file names are never options ------------------------------------------------------------

OPTION_NAMES = ["--exit-zero", "--ignore=ALL", "--output-file=x.py", "-"]
SHEBANG = "#!/usr/bin/env python3\n"


def _option_named_files(root):
    for name in OPTION_NAMES:
        path = root / name
        path.write_text(SHEBANG + SERVER)
        os.chmod(path, 0o755)  # executable with a shebang: pre-commit's types: [python]


def test_after_double_dash_every_argument_is_a_path(tmp_path):
    _option_named_files(tmp_path)
    result = run("--", *OPTION_NAMES, cwd=tmp_path, select=None)
    assert result.status == 1, result
    reported = {f[0] for f in result.findings()}
    assert reported == {"--exit-zero", "--ignore=ALL", "--output-file=x.py", "./-"}, result
    assert not (tmp_path / "x.py").exists()
    # before --, - is still stdin
    result = run("-", "--stdin-filename", "app.py", cwd=tmp_path, select=None,
                 stdin=SERVER.encode())
    assert {f[0] for f in result.findings()} == {"app.py"}, result


def test_the_hooks_end_their_arguments_with_double_dash():
    from pre_commit.clientlib import load_manifest

    for hook in load_manifest(str(ROOT / ".pre-commit-hooks.yaml")):
        assert hook["args"][-1] == "--", hook


@pytest.mark.slow
@POSIX
def test_files_named_like_options_through_the_real_pre_commit(tmp_path):
    from test_precommit import TryRepo, _environment, _git, _new_repo, _snapshot_checkout

    env = _environment(tmp_path)
    checkout = tmp_path / "lint-sockets"
    _snapshot_checkout(checkout, env)
    work = tmp_path / "work"
    _new_repo(work, env)
    try_repo = TryRepo(checkout, work, env)
    _option_named_files(work)
    _git(work, "add", "--", *OPTION_NAMES, env=env)
    status, out = try_repo("lint-sockets")
    assert status == 1, out
    for name in ["--exit-zero", "--ignore=ALL", "--output-file=x.py", "./-"]:
        assert f"{name}:6:22: SCK501" in out, out
    assert not (work / "x.py").exists()
    status, out = try_repo("lint-sockets-fix")
    for name in OPTION_NAMES:
        assert "except ConnectionAbortedError" in (work / name).read_text(), (name, out)


# --- only regular files are read as source -----------------------------------------------------

@POSIX
def test_links_to_devices_fifos_and_proc_files_are_never_read(tmp_path):
    secret = "lint-sockets-test-secret-4f1e"
    project = tmp_path / "project"
    (project / "pkg").mkdir(parents=True)
    (project / "pkg" / "server.py").write_text(SERVER)
    links = {"zero.py": "/dev/zero", "tty.py": "/dev/tty", "environ.py": "/proc/self/environ",
             "proc_dir.py": "/proc/self/fd/0"}
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo")
        links["fifo.py"] = str(tmp_path / "fifo")
    for name, target in links.items():
        (project / "pkg" / name).symlink_to(target)
    names = [f"pkg/{name}" for name in links]
    for args in (["pkg"], names + ["pkg/server.py"]):
        for fmt in ("full", "concise", "json", "sarif", "github"):
            try:
                result = run("--output-format", fmt, *args, cwd=project, select="ALL",
                             env={"LINT_SOCKETS_TEST_SECRET": secret}, timeout=30)
            except subprocess.TimeoutExpired:
                pytest.fail(f"lint-sockets blocked on a special file ({fmt}, {args})")
            assert "Traceback" not in result.err, result
            assert secret not in result.out + result.err
            assert "pkg/server.py" in result.out or fmt == "sarif" and "server.py" in result.out
        if args != ["pkg"]:
            assert result.status == 2
            for name in names:
                (line,) = [line for line in result.err.splitlines() if f" {name}: " in line]
                assert "not a regular file" in line, result


def test_output_shows_no_more_of_a_file_than_the_finding_needs(tmp_path):
    # A file that does not parse may not be source at all: only its flagged line is shown.
    # In a Python file, `full` shows two lines either side of a finding and nothing more;
    # the other formats show no source.
    secret = "hunter2-lint-sockets"
    (tmp_path / "config.py").write_text(
        f"PASSWORD = '{secret}'\nthis line is not python (\nTOKEN = '{secret}'\n")
    padding = "pass\n" * 3
    (tmp_path / "server.py").write_text(
        f"# {secret}\n{padding}" + SERVER + f"{padding}# {secret}\n")
    for fmt in ("full", "concise", "json", "sarif", "github"):
        result = run("--output-format", fmt, "config.py", "server.py", cwd=tmp_path,
                     select="ALL")
        assert result.status == 1, result
        assert secret not in result.out + result.err, (fmt, result)
    result = run("--output-format", "full", "config.py", cwd=tmp_path, select="ALL")
    assert "this line is not python (" in result.out
    result = run("--output-format", "full", "server.py", cwd=tmp_path, select="SCK101")
    assert "data = conn.recv(1024)" in result.out  # the flagged line
    assert "while True:" in result.out and "conn.sendall(data)" in result.out  # context


# --- output cannot be injected -----------------------------------------------------------------

INJECTING_NAMES = [
    "a\n::error file=x.py::injected\n.py",
    "::warning::injected.py",
    "  ::notice::injected.py",
    "b\r::error::cr.py",
]


def _workflow_commands(text):
    return [line for line in text.splitlines() if line.strip().startswith("::")]


@POSIX
def test_github_workflow_commands_cannot_be_injected(tmp_path):
    for name in INJECTING_NAMES:
        (tmp_path / name).write_text(SERVER)
    (tmp_path / "x\n::error::via-stderr.py").symlink_to("missing")  # an error on stderr
    args = [*INJECTING_NAMES, "x\n::error::via-stderr.py"]
    for fmt in ("full", "concise", "json", "sarif", "github"):
        result = run("--output-format", fmt, "--show-fixes", *args, cwd=tmp_path)
        assert result.status == 2, result
        assert "injected" in result.out
        commands = _workflow_commands(result.out)
        if fmt == "github":
            # one annotation per finding, each a single well-formed line
            assert len(commands) == 2 * len(INJECTING_NAMES), result
            assert all(c.startswith("::error file=") for c in commands), commands
        else:
            assert commands == [], (fmt, commands)
        assert _workflow_commands(result.err) == [], result.err
        assert len(result.err.splitlines()) == 1, result.err
    result = run("--fix", "--show-fixes", "--output-format", "concise", *INJECTING_NAMES,
                 cwd=tmp_path, select="SCK501")
    assert _workflow_commands(result.out) == [] and _workflow_commands(result.err) == []


@POSIX
def test_terminal_control_characters_are_escaped(tmp_path):
    name = "evil\x1b]0;pwned\x07\x1b[2J\rname.py"
    source = SERVER.replace("conn.recv(1024)", "conn.recv(1024); t = '\x1b]8;;x\x1b\\\r'")
    (tmp_path / name).write_text(source)
    for fmt in ("concise", "full"):
        result = run("--output-format", fmt, name, cwd=tmp_path, env={"NO_COLOR": "1"})
        assert result.status == 1
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", result.out), repr(result.out)
        assert "evil\\x1b]0;pwned\\x07\\x1b[2J\\rname.py:8:24: SCK101" in result.out
    lines = result.out.splitlines()
    source_line = next(line for line in lines if "| " in line and "recv" in line)
    caret = lines[lines.index(source_line) + 1]
    column = source_line.index("conn.recv")
    assert caret.index("^") == column and caret.count("^") == len("conn.recv(1024)")


@pytest.fixture
def undecodable(tmp_path):
    return write_undecodable_server(tmp_path, "caf")


@pytest.mark.parametrize("fmt", ["full", "concise", "json", "sarif", "github"])
def test_non_utf8_file_names_in_every_format_and_with_output_file(undecodable, fmt):
    for output in ([], ["-o", "report.txt"]):
        result = run("--output-format", fmt, *output, ".", cwd=undecodable,
                     env={"PYTHONIOENCODING": "utf-8"})
        assert result.status == 1, result
        assert_clear_errors(result)
        text = (undecodable / "report.txt").read_bytes().decode("utf-8") if output else \
            result.out
        if fmt in ("json", "sarif"):
            document = json.loads(text)
            if fmt == "json":
                assert {d["filename"] for d in document} == {
                    str(undecodable / "caf\\xe9.py")}
            else:
                uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                        for r in document["runs"][0]["results"]}
                assert uris == {"caf%E9.py"}
        else:
            assert "caf\\xe9.py" in text


# --- configuration cannot hang the run ---------------------------------------------------------

# Exponential for a backtracking engine on a long name that does not end in "b".
EVIL_PATTERN = "^(a|a)*b$"
EVIL_SOURCE = "import socket\n" + "a" * 60 + " = make()\n" + "a" * 60 + ".recv(1)\n"


def test_socket_names_is_matched_in_linear_time(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        f"[tool.lint-sockets]\nsocket-names = '{EVIL_PATTERN}'\n")
    (tmp_path / "m.py").write_text(EVIL_SOURCE)
    try:
        result = run("m.py", cwd=tmp_path, select="ALL", timeout=60)
        flags = run("--socket-names", "(x+x+)+y", "m.py", cwd=tmp_path, select="ALL",
                    timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("a socket-names pattern made the run hang")
    assert_clear_errors(result)
    assert_clear_errors(flags)
    # lookaround and backreferences need backtracking: one clear line naming the file
    (tmp_path / "pyproject.toml").write_text(
        "[tool.lint-sockets]\nsocket-names = '(?=sock)'\n")
    result = run("m.py", cwd=tmp_path, select="ALL")
    assert result.status == 2 and len(result.err.splitlines()) == 1, result
    assert "pyproject.toml" in result.err and "socket-names" in result.err


def _flake8(cwd, *args, timeout=60):
    return subprocess.run([sys.executable, "-m", "flake8", "--select", "SCK", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=timeout)


def test_flake8_socket_names_is_linear_and_bad_values_are_one_line(tmp_path):
    (tmp_path / "m.py").write_text(EVIL_SOURCE)
    (tmp_path / "setup.cfg").write_text(f"[flake8]\nsck-socket-names = {EVIL_PATTERN}\n")
    try:
        result = _flake8(tmp_path, "m.py")
    except subprocess.TimeoutExpired:
        pytest.fail("sck-socket-names made flake8 hang")
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr, result
    for key, value in (("sck-socket-names", "("), ("sck-socket-names", "(?<=x)sock"),
                       ("sck-target-version", "banana")):
        (tmp_path / "setup.cfg").write_text(f"[flake8]\n{key} = {value}\n")
        result = _flake8(tmp_path, "m.py")
        assert result.returncode == 2, result
        assert "Traceback" not in result.stderr
        assert result.stderr.splitlines() == [result.stderr.strip()], result.stderr
        assert result.stderr.startswith(f"flake8: error: {key}: "), result.stderr


def test_forty_thousand_per_file_ignores_test_a_file_against_few_globs(tmp_path, monkeypatch):
    """A configuration with tens of thousands of per-file-ignores globs (a repository may
    hold one) costs each file only the globs that could match it: counted, not timed, so
    a busy machine cannot make it fail."""
    from lint_sockets import config
    from lint_sockets.settings import Settings

    tested = []
    real = config._LazyGlob.__call__
    monkeypatch.setattr(config._LazyGlob, "__call__",
                        lambda self, text: tested.append(self.pattern) or real(self, text))

    entries = []
    for i in range(8000):
        entries += [(f"src/pkg{i}/*.py", ["SCK701"]), (f"*/gen_{i}_pb2.py", ["SCK601"]),
                    (f"legacy/mod{i}.py", ["SCK101"]), (f"tests/t{i}_*.py", ["SCK5"]),
                    (f"**/*vendored{i}*/**", ["SCK702"])]
    entries.append(("src/pkg7/*.py", ["SCK9"]))
    settings = Settings(per_file_ignores=entries, root=str(tmp_path))
    paths = [str(tmp_path / "src" / f"pkg{i}" / "server.py") for i in range(100)]
    derived = [settings.for_path(path) for path in paths]
    per_file = len(tested) / len(paths)
    assert per_file < 20, f"{per_file:.0f} globs tested per file of 40,001"
    assert "SCK701" not in derived[3].enabled and "SCK701" in settings.enabled
    assert "SCK901" not in derived[7].enabled and "SCK901" in derived[3].enabled
    assert not {"SCK901", "SCK902"} & derived[7].enabled
    assert {"SCK901", "SCK902"} <= derived[8].enabled
    other = settings.for_path(str(tmp_path / "x" / "gen_12_pb2.py"))
    assert "SCK601" not in other.enabled and "SCK701" in other.enabled
    vendored = settings.for_path(str(tmp_path / "lib" / "vendored77x" / "m.py"))
    assert "SCK702" not in vendored.enabled and "SCK701" in vendored.enabled


def test_indexed_per_file_ignores_match_exactly_what_the_globs_match():
    import random

    from lint_sockets.config import GlobIndex, _matches

    def reference(path, entries, root):
        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute, root)
        name = os.path.basename(absolute)
        return {code for pattern, codes in entries for code in codes
                if _matches(pattern, [relative], absolute, [name])}

    rng = random.Random(13)
    for _ in range(3000):
        entries = [("".join(rng.choice("ab/.[]!*?x{},\\") for _ in range(rng.randint(1, 7))),
                    [str(k)]) for k in range(5)]
        tail = "".join(rng.choice("ab/.x[]!{},") for _ in range(rng.randint(1, 8))).strip("/")
        path = os.path.normpath("/r/" + (tail or "a"))
        if not path.startswith("/r/"):
            continue  # the root itself or above it: not a file of the project
        assert set(GlobIndex(entries).codes(path, "/r")) == reference(path, entries, "/r"), (
            entries, path)


# --- output is linear in the number of findings ------------------------------------------------

def test_json_and_sarif_cost_about_what_concise_costs(tmp_path, monkeypatch):
    from lint_sockets import edits

    body = "".join(f"    s.send(b'{i}' + data)\n" for i in range(2000))
    # timeout mode (setdefaulttimeout): every ignored send() count is a finding with a fix
    source = ("import socket\nsocket.setdefaulttimeout(30)\nDATA = bytes(input(), 'ascii')\n\n\n"
              "def f(data):\n    s = socket.create_connection(('h', 1))\n"
              + body + "\n\nt = socket.create_connection(('h', 1))\n"
              + "".join(f"t.send(b'{i}' + DATA)\n" for i in range(1000)))
    (tmp_path / "many.py").write_text(source)
    # in-process: no finding's edit regenerates the whole module
    whole = []
    real = edits.apply_edits
    monkeypatch.setattr(edits, "apply_edits", lambda *a: whole.append(1) or real(*a))
    from lint_sockets.engine import check_source
    from lint_sockets.settings import Settings

    diagnostics, _ = check_source(source, Settings(select=["SCK601"]), edits=True)
    assert len(diagnostics) > 2500 and all(d.edits for d in diagnostics)
    assert whole == []
    first = diagnostics[0]
    assert first.edits == [{"content": "all",
                            "location": {"row": first.line, "column": first.column + 6},
                            "end_location": {"row": first.line, "column": first.column + 6}}]
    times = {}
    for fmt in ("concise", "json", "sarif"):
        start = time.perf_counter()
        result = run("--output-format", fmt, "many.py", cwd=tmp_path, select="SCK601",
                     timeout=300)
        times[fmt] = time.perf_counter() - start
        assert result.status == 1
    assert times["json"] < 3 * times["concise"] + 2, times
    assert times["sarif"] < 3 * times["concise"] + 2, times


# --- stopping is prompt ------------------------------------------------------------------------

@POSIX
@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM"])
def test_a_signal_to_the_main_process_alone_stops_the_workers_within_a_second(
        tmp_path, fix_corpus, sig):
    root = tmp_path / "work"
    _write_corpus(root, fix_corpus)
    before = _inodes(root, fix_corpus)
    proc = subprocess.Popen(
        [sys.executable, "-m", "lint_sockets", "--no-cache", "--fix", "--select", "ALL",
         "-j", "2", "pkg"], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True, preexec_fn=default_sigint)
    try:
        _wait_for_changes(proc, root, fix_corpus, before, 10)
        os.kill(proc.pid, getattr(signal, sig))
        sent = time.monotonic()
        live = _wait_until_gone(proc.pid, 3)
        stopped = time.monotonic() - sent
        _, err = proc.communicate(timeout=60)
    finally:
        _kill_group(proc)
    assert not live, "worker processes outlived the run"
    assert stopped < 1.0, f"stopping took {stopped:.2f} s"
    assert b"Traceback" not in err, err
    assert proc.returncode == (130 if sig == "SIGINT" else -signal.SIGTERM)
    changed, temps = _check_old_or_new(root, fix_corpus, 2)
    assert temps == [] and 0 < changed < len(fix_corpus)


def test_a_checkouts_git_config_cannot_make_the_walk_run_a_command(tmp_path):
    """The walk asks git what it ignores; a repository that comes with its .git (an
    archive, a copied directory) can name a command in core.fsmonitor."""
    if subprocess.run(["git", "--version"], capture_output=True).returncode != 0:
        pytest.skip("no git")
    marker = tmp_path / "ran"
    project = tmp_path / "project"
    project.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    hook = tmp_path / "fsmonitor.sh"
    hook.write_text(f"#!/bin/sh\ntouch {marker}\n")
    hook.chmod(0o755)
    subprocess.run(["git", "config", "core.fsmonitor", str(hook)], cwd=project, check=True)
    (project / "server.py").write_text(SERVER)
    result = run(".", cwd=project)
    assert [f[0] for f in result.findings()] == ["server.py", "server.py"], result
    assert not marker.exists(), "lint-sockets let git run the checkout's fsmonitor command"


def test_the_linear_time_matcher_agrees_with_python_re():
    """socket-names keeps Python's syntax and meaning: random patterns of the features it
    runs (classes, categories, anchors, boundaries, groups, alternation, lazy and bounded
    repeats, scoped and global flags) match exactly the texts Python's re matches."""
    import random

    from lint_sockets.linear_re import LinearPattern, PatternError

    rng = random.Random(12)
    atoms = ["a", "b", "_", ".", "\\d", "\\w", "\\s", "[ab]", "[^a]", "[a-c_]", "^", "$",
             "\\b", "\\B", "(a|b)", "(?:ab|a)", "(?i:A)", "\\A", "\\Z", "x", "\\W"]
    quantifiers = ["", "", "*", "+", "?", "{2}", "{1,3}", "*?", "{0,2}", "{2,}"]
    for _ in range(3000):
        pattern = "".join(rng.choice(atoms) + rng.choice(quantifiers)
                          for _ in range(rng.randint(1, 5)))
        if rng.random() < 0.3:
            pattern = "(?i)" + pattern
        if rng.random() < 0.2:
            pattern += "|" + rng.choice(atoms)
        try:
            reference = re.compile(pattern)
        except re.error:
            continue
        linear = LinearPattern(pattern)
        for _ in range(4):
            text = "".join(rng.choice("abAB_x1 \n") for _ in range(rng.randint(0, 8)))
            assert bool(linear.search(text)) == bool(reference.search(text)), (pattern, text)
    for pattern in ["(a)\\1", "(?=a)", "(?<!a)b", "(?P<x>a)(?P=x)", "(a)(?(1)b|c)"]:
        with pytest.raises(PatternError):
            LinearPattern(pattern)

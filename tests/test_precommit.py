"""The pre-commit hooks of .pre-commit-hooks.yaml, run by the real pre-commit.

`pre-commit try-repo` builds the hook's virtualenv and pip-installs this checkout into it,
so the slow test needs the package registry (for hatchling, libcst and flake8).
"""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

HOOKS_FILE = ROOT / ".pre-commit-hooks.yaml"

# SCK501: ECONNABORTED from accept() ends the server loop (and nothing else is found here).
BAD = (
    "import socket\n"
    "\n"
    "\n"
    "def serve(port, handle):\n"
    '    srv = socket.create_server(("", port))\n'
    "    while True:\n"
    "        conn, addr = srv.accept()\n"
    "        handle(conn)\n"
)

CORRECT = (
    "import socket\n"
    "\n"
    "\n"
    "def serve(port, handle):\n"
    '    srv = socket.create_server(("", port))\n'
    "    while True:\n"
    "        try:\n"
    "            conn, addr = srv.accept()\n"
    "        except ConnectionAbortedError:\n"
    "            continue  # the client gave up while queued: wait for the next one\n"
    "        handle(conn)\n"
)

# Files pre-commit passes by name that lint-sockets must leave alone: not Python (types:
# [python]), and in a directory lint-sockets excludes (--force-exclude).
NOT_PYTHON = "notes.txt"
EXCLUDED = "build/generated.py"


def test_hook_manifest_is_valid_and_declares_both_hooks():
    if not HOOKS_FILE.is_file():
        pytest.skip("no .pre-commit-hooks.yaml: not a checkout of the repository")
    from pre_commit.clientlib import load_manifest  # validates the file as pre-commit does

    hooks = {hook["id"]: hook for hook in load_manifest(str(HOOKS_FILE))}
    assert set(hooks) == {"lint-sockets", "lint-sockets-fix"}
    for hook in hooks.values():
        assert hook["entry"] == "lint-sockets"
        assert hook["language"] == "python"
        assert hook["types"] == ["python"]
        assert hook["require_serial"] is True
        assert "--force-exclude" in hook["args"]
    assert "--fix" not in hooks["lint-sockets"]["args"]
    assert "--fix" in hooks["lint-sockets-fix"]["args"]


def _environment(tmp_path):
    """os.environ without git's repository variables, pre-commit's, virtualenv's, and the
    user's home: nothing from the user's own state takes part. The registry settings (pip's
    variables and system configuration) stay, since the hook's install needs them."""
    home = tmp_path / "home"
    temp = tmp_path / "tmp"
    home.mkdir()
    temp.mkdir()
    keep_git = ("GIT_SSL_", "GIT_SSH", "GIT_EXEC_PATH")
    env = {
        key: value for key, value in os.environ.items()
        if not (key.startswith("GIT_") and not key.startswith(keep_git))
        and not key.startswith(("PRE_COMMIT", "VIRTUALENV_", "XDG_"))
        and key not in ("SKIP", "FORCE_COLOR", "NO_COLOR")
    }
    env.update(
        HOME=str(home),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        PRE_COMMIT_HOME=str(home / ".cache" / "pre-commit"),
        TMPDIR=str(temp),  # try-repo keeps its store (the hook's virtualenv) in a temp dir
        PRE_COMMIT_COLOR="never",
    )
    return env


def _git(cwd, *args, env):
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True,
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _new_repo(path, env):
    path.mkdir(parents=True, exist_ok=True)
    _git(path, "init", "-q", env=env)
    _git(path, "config", "user.name", "lint-sockets tests", env=env)
    _git(path, "config", "user.email", "tests@lint-sockets.invalid", env=env)
    _git(path, "config", "commit.gpgsign", "false", env=env)


def _checkout_files():
    """The checkout's files as its working tree has them now: tracked ones, with their
    uncommitted changes, and new ones git does not ignore. None if it is not a git work
    tree."""
    try:
        listing = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    names = [name for name in listing.decode("utf-8", "surrogateescape").split("\0") if name]
    # A tracked file deleted in the working tree is listed but gone.
    return [name for name in names if os.path.lexists(ROOT / name)]


def _snapshot_checkout(dest, env):
    """A repository at dest whose one commit is the checkout's working tree.

    try-repo on a checkout with uncommitted changes commits them to a temporary clone, but
    with `git add -u`, which leaves out files git does not track yet (such as a new
    .pre-commit-hooks.yaml), and on a checkout whose only changes are new files it uses HEAD
    as it is. A snapshot makes the test try exactly the working tree, committed or not."""
    names = _checkout_files()
    if names is None:  # not a git work tree: copy it, less what is never part of it
        shutil.copytree(ROOT, dest, symlinks=True, ignore=shutil.ignore_patterns(
            ".git", ".venv", "venv", "build", "dist", "__pycache__", "*.egg-info",
            ".pytest_cache", ".lint_sockets_cache", ".tox", ".nox"))
    else:
        for name in names:
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target, follow_symlinks=False)
    _new_repo(dest, env)
    _git(dest, "add", "-A", env=env)
    _git(dest, "commit", "-q", "--no-verify", "-m", "snapshot of the lint-sockets checkout",
         env=env)


class TryRepo:
    """`pre-commit try-repo CHECKOUT HOOK --all-files` in a throw-away repository."""

    def __init__(self, checkout, work, env):
        self.checkout, self.work, self.env = checkout, work, env

    def __call__(self, hook):
        proc = subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(self.checkout), hook,
             "--all-files", "--verbose", "--color", "never"],
            cwd=self.work, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )
        return proc.returncode, proc.stdout.decode("utf-8", "replace")

    def write(self, name, text):
        path = self.work / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        _git(self.work, "add", "--", name, env=self.env)  # --all-files runs on git's files

    def read(self, name):
        return (self.work / name).read_text(encoding="utf-8")


def _unknown_option_hint(output):
    if "unrecognized arguments" in output:
        return ("\nlint-sockets rejected an option of the hook (is --force-exclude in "
                "`lint-sockets --help` yet?)")
    return ""


@pytest.mark.slow
def test_hooks_through_pre_commit_try_repo(tmp_path):
    if not HOOKS_FILE.is_file():
        pytest.skip("no .pre-commit-hooks.yaml: not a checkout of the repository")
    env = _environment(tmp_path)
    checkout = tmp_path / "lint-sockets"
    _snapshot_checkout(checkout, env)
    work = tmp_path / "work"
    _new_repo(work, env)
    try_repo = TryRepo(checkout, work, env)

    try_repo.write("server.py", BAD)
    try_repo.write(NOT_PYTHON, BAD)
    try_repo.write(EXCLUDED, BAD)

    # The check hook fails on the bad file, and on nothing else.
    status, out = try_repo("lint-sockets")
    assert status == 1, out
    assert "server.py:7:22: SCK501" in out, out + _unknown_option_hint(out)
    assert NOT_PYTHON not in out, out
    assert EXCLUDED not in out, "--force-exclude did not exclude build/:\n" + out

    # The fix hook rewrites it, and fails because it modified a file, not because findings
    # remain (lint-sockets itself exits 0).
    status, out = try_repo("lint-sockets-fix")
    assert status == 1, out
    assert "files were modified by this hook" in out, out + _unknown_option_hint(out)
    assert "- exit code:" not in out, out
    fixed = try_repo.read("server.py")
    assert "except ConnectionAbortedError:" in fixed, fixed
    compile(fixed, "server.py", "exec")
    assert try_repo.read(NOT_PYTHON) == BAD
    assert try_repo.read(EXCLUDED) == BAD, "--force-exclude did not exclude build/"

    # The check hook passes once the file is correct: written by hand, and as fixed above.
    try_repo.write("server.py", CORRECT)
    try_repo.write("fixed_by_hook.py", fixed)
    status, out = try_repo("lint-sockets")
    assert status == 0, out + _unknown_option_hint(out)
    assert "Passed" in out, out

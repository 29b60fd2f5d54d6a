"""The project: its root (found from each file), its modules' summaries (cached, read
link-safely), the index every file of a run is analysed with."""

import ast
import os
import time

import pytest

from lint_sockets.config import project_root
from lint_sockets.paths import find_root


# --- one project root, found from each file ---------------------------------------------------

@pytest.mark.parametrize("marker", ["pyproject.toml", "setup.py", "setup.cfg", ".git"])
def test_the_root_is_the_nearest_directory_with_a_marker(tmp_path, marker):
    root = tmp_path / "project"
    (root / "pkg" / "sub").mkdir(parents=True)
    target = root / marker
    target.mkdir() if marker == ".git" else target.write_text(
        "from setuptools import setup\nsetup()\n" if marker == "setup.py" else "")
    module = root / "pkg" / "sub" / "mod.py"
    module.write_text("")
    assert find_root(str(module)) == str(root)
    assert find_root(str(root / "pkg")) == str(root)
    assert find_root(str(root)) == str(root)


@pytest.mark.parametrize("text, is_packaging", [
    ("from setuptools import setup\nsetup(name='x')\n", True),
    ("from distutils.core import setup\n", True),
    ("from skbuild import setup\n", True),
    ("setup(name='x')\n", True),
    ("import click\n\n\n@click.command()\ndef setup():\n    return run_wizard()\n", False),
    ("", False),
])
def test_a_setup_py_marks_the_root_only_as_a_packaging_script(tmp_path, text, is_packaging):
    # a module of a package that is only called setup.py (a program's own "setup"
    # command) is not where the project's packaging lives
    root = tmp_path / "project"
    (root / "src" / "app" / "cli").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (root / "src" / "app" / "cli" / "setup.py").write_text(text)
    module = root / "src" / "app" / "cli" / "step.py"
    module.write_text("")
    expected = root / "src" / "app" / "cli" if is_packaging else root
    assert find_root(str(module)) == str(expected)


def test_a_nested_project_is_its_own_root(tmp_path):
    outer = tmp_path / "outer"
    inner = outer / "vendor" / "inner"
    (inner / "pkg").mkdir(parents=True)
    (outer / ".git").mkdir()
    (inner / "setup.cfg").write_text("")
    (outer / "a.py").write_text("")
    (inner / "pkg" / "b.py").write_text("")
    assert find_root(str(outer / "a.py")) == str(outer)
    assert find_root(str(inner / "pkg" / "b.py")) == str(inner)


def test_a_src_layout_has_its_root_above_src(tmp_path):
    root = tmp_path / "project"
    (root / "src" / "pkg").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'pkg'\n")
    (root / "src" / "pkg" / "mod.py").write_text("")
    assert find_root(str(root / "src" / "pkg" / "mod.py")) == str(root)


def test_no_marker_anywhere_is_no_root(tmp_path, monkeypatch):
    import lint_sockets.paths as paths

    (tmp_path / "loose").mkdir()
    (tmp_path / "loose" / "a.py").write_text("")
    # tmp_path may itself lie below a checkout: only tmp_path's own tree is looked at
    real = paths.is_root
    monkeypatch.setattr(paths, "is_root", lambda d: d.startswith(str(tmp_path)) and real(d))
    assert find_root(str(tmp_path / "loose" / "a.py")) is None
    monkeypatch.chdir(tmp_path)
    assert project_root([str(tmp_path / "loose" / "a.py")]) == str(tmp_path)


@pytest.mark.parametrize("path, root, expected", [
    ("tests/test_server.py", None, True),
    ("tests/support/fakes.py", None, True),  # a helper beside the tests
    ("pkg/testing/fake.py", None, True),
    ("pkg/conftest.py", None, True),
    ("pkg/server_test.py", None, True),
    ("pkg/test_server.py", None, True),
    ("pkg/server.py", None, False),
    ("pkg/testserver.py", None, False),
    ("pkg/testing.py", None, True),  # the module form of a test directory
    ("app/tests.py", None, True),
    ("/srv/app/pkg/test.py", "/srv/app", True),
    ("pkg/testing.pyi", None, False),
    ("pkg/tests_data.py", None, False),
    ("pkg/contest.py", None, False),
    ("latest/server.py", None, False),
    ("/srv/tests/app/server.py", None, False),  # absolute, no root: the directories say nothing
    ("/srv/tests/app/server.py", "/srv/tests/app", False),  # above the root: not the project's
    ("/srv/app/tests/server.py", "/srv/app", True),
    ("/srv/app/pkg/server.py", "/srv/app", False),
    ("/elsewhere/tests/server.py", "/srv/app", False),
])
def test_test_code_is_named_by_the_file_or_a_directory_below_the_root(path, root, expected):
    from lint_sockets.paths import is_test_code

    path = path.replace("/", os.sep)
    root = root.replace("/", os.sep) if root else root
    assert is_test_code(path, root) is expected


def test_the_cache_follows_the_project_root(tmp_path):
    outer = tmp_path / "outer"
    inner = outer / "inner"
    inner.mkdir(parents=True)
    (outer / "pyproject.toml").write_text("[tool.lint-sockets]\nselect = ['SCK5']\n")
    (inner / "setup.py").write_text("import setuptools\nsetuptools.setup()\n")
    (inner / "a.py").write_text("")
    # the configuration comes from outer, but the file's project (and its cache) is inner
    assert project_root([str(inner / "a.py")]) == str(inner)
    assert project_root([str(outer)]) == str(outer)


# --- the loader: which files, read how -------------------------------------------------------

from lint_sockets import project as project_module  # noqa: E402
from lint_sockets.project import Loader, load_project, project_files  # noqa: E402

HELPER = (
    "import socket\n"
    "def read(sock):\n"
    "    return sock.recv(4096)\n"
)
USER = (
    "from pkg.helper import read\n"
    "def pump(sock):\n"
    "    while True:\n"
    "        data = read(sock)\n"
)


@pytest.fixture
def user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("LINT_SOCKETS_CACHE_DIR", raising=False)
    return tmp_path / "user-cache"


def make_project(tmp_path, name="project"):
    root = tmp_path / name
    (root / "pkg").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'pkg'\n")
    (root / "pkg" / "__init__.py").write_text("")
    (root / "pkg" / "helper.py").write_text(HELPER)
    (root / "pkg" / "user.py").write_text(USER)
    settle()
    return root


def settle():
    """Wait until the files just written are old enough to be keyed by their stat (a file
    written within a tick of its ctime's clock is read and hashed instead)."""
    time.sleep(0.05)


def names(root):
    return sorted(os.path.relpath(path, root) for path, _, _ in project_files(str(root)))


def test_the_loader_skips_what_is_not_the_projects_code(tmp_path):
    root = make_project(tmp_path)
    for skipped in (".hidden", "node_modules/x", "build", "dist", "__pycache__",
                    "lib/site-packages/dep", "venv", ".tox/py311"):
        (root / skipped).mkdir(parents=True, exist_ok=True)
        (root / skipped / "mod.py").write_text(HELPER)
    (root / "venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (root / "pkg" / "notes.txt").write_text("not python")
    (root / "pkg" / "generated.py").write_text("X = 1\n" * (project_module.MAX_MODULE // 6 + 1))
    assert names(root) == ["pkg/__init__.py", "pkg/helper.py", "pkg/user.py"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX links and FIFOs")
def test_the_loader_follows_no_link_out_of_the_project_and_reads_no_fifo(tmp_path):
    root = make_project(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.py").write_text("TOKEN = 'x'\n")
    (root / "pkg" / "leak.py").symlink_to(outside / "secret.py")
    (root / "pkg" / "linked_dir").symlink_to(outside, target_is_directory=True)
    (root / "pkg" / "alias.py").symlink_to(root / "pkg" / "helper.py")
    os.mkfifo(root / "pkg" / "pipe.py")
    assert names(root) == ["pkg/__init__.py", "pkg/alias.py", "pkg/helper.py",
                           "pkg/user.py"]
    project = load_project(str(root), False)  # a FIFO would block here if it were read
    assert project.module_of(str(root / "pkg" / "user.py")) == "pkg.user"


def test_the_walk_names_modules_as_the_index_core_does(tmp_path):
    from lint_sockets.analysis.index import module_name_for

    root = tmp_path / "root"
    for directory, package in (("pkg", True), ("pkg/sub", True), ("pkg/sub/deeper", False),
                               ("pkg/sub/deeper/pkg2", True), ("src/lib", True),
                               ("scripts", False), ("bad-name", True), ("bad-name/x", True),
                               ("ok/9lives", True), ("plain", False), ("plain/inner", True)):
        (root / directory).mkdir(parents=True, exist_ok=True)
        if package:
            (root / directory / "__init__.py").write_text("")
        for stem in ("mod", "two-words", "_private"):
            (root / directory / f"{stem}.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / "top.py").write_text("")
    files = project_files(str(root))
    assert len(files) > 30
    for path, _, named in files:
        assert named == module_name_for(str(root), path), path


def test_modules_are_named_from_the_root(tmp_path):
    root = make_project(tmp_path)
    (root / "src" / "lib").mkdir(parents=True)
    (root / "src" / "lib" / "__init__.py").write_text("")
    (root / "src" / "lib" / "net.py").write_text(HELPER)
    project = load_project(str(root), False)
    assert project.module_of(str(root / "pkg" / "helper.py")) == "pkg.helper"
    assert project.module_of(str(root / "pkg" / "__init__.py")) == "pkg"
    assert project.module_of(str(root / "src" / "lib" / "net.py")) == "lib.net"
    assert set(project.index.summaries) >= {"pkg", "pkg.helper", "pkg.user", "lib.net"}


def test_a_module_name_two_files_claim_names_neither(tmp_path):
    root = make_project(tmp_path)
    for directory in ("scripts", "tools"):
        (root / directory).mkdir()
        (root / directory / "util.py").write_text(HELPER)
    project = load_project(str(root), False)
    assert "util" not in project.index.summaries
    assert project.module_of(str(root / "scripts" / "util.py")) is None
    assert project.module_of(str(root / "pkg" / "user.py")) == "pkg.user"


def test_a_file_that_does_not_compile_has_no_summary_and_no_traceback(tmp_path, user_cache):
    root = make_project(tmp_path)
    (root / "pkg" / "broken.py").write_text("def f(:\n")
    (root / "pkg" / "latin.py").write_bytes(b"# -*- coding: latin-1 -*-\nX = '\xe9'\n")
    (root / "pkg" / "bad_utf8.py").write_bytes(b"X = '\xff'\n")
    (root / "pkg" / "deep.py").write_text("x = " + "(" * 5000 + ")" * 5000 + "\n")
    settle()
    project = load_project(str(root), str(root / ".lint_sockets_cache"))
    assert "pkg.broken" not in project.index.summaries
    assert "pkg.bad_utf8" not in project.index.summaries
    assert "pkg.latin" in project.index.summaries
    # and the verdict is cached like any other
    again = Loader(str(root), str(root / ".lint_sockets_cache"))
    assert again.missing == []


# --- the summary cache ------------------------------------------------------------------------

def _spy_reads(monkeypatch):
    """The .py files opened from now on."""
    opened = []
    real_open = os.open

    def spying(path, *args, **kwargs):
        if str(path).endswith(".py"):
            opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", spying)
    return opened


def test_a_warm_load_reads_no_source_file(tmp_path, user_cache, monkeypatch):
    root = make_project(tmp_path)
    cache = str(root / ".lint_sockets_cache")
    first = load_project(str(root), cache)
    opened = _spy_reads(monkeypatch)
    monkeypatch.setattr(project_module, "summarise_file",
                        lambda *a: pytest.fail("a cached summary was made again"))
    again = load_project(str(root), cache)
    assert opened == []
    assert again.digest == first.digest
    assert set(again.index.summaries) == set(first.index.summaries)
    monkeypatch.undo()
    opened = _spy_reads(monkeypatch)
    load_project(str(root), False)  # the spy sees the reads of a load without the cache
    assert sorted(opened) == sorted(p for p, _, _ in project_files(str(root)))


def test_a_warm_load_reads_the_summaries_only_to_build_the_index(tmp_path, user_cache):
    """A run whose results are all cached needs the summaries' digests, not the summaries."""
    root = make_project(tmp_path)
    cache = str(root / ".lint_sockets_cache")
    first = load_project(str(root), cache)
    again = Loader(str(root), cache).finish()
    assert again.digest == first.digest
    assert {data for _, data, _ in again.summaries.values()} == {project_module.LAZY}
    assert again.cache._data is None  # the summaries file is not read ...
    assert set(again.index.summaries) == set(first.index.summaries)  # ... until needed
    assert again.cache._data


def test_an_edit_with_the_same_size_and_times_is_seen(tmp_path, user_cache):
    """As a checkout or an archive can leave a file: same size and mtime, other content.
    The ctime, which no one can set, is part of the key."""
    root = make_project(tmp_path)
    cache = str(root / ".lint_sockets_cache")
    helper = root / "pkg" / "helper.py"
    first = load_project(str(root), cache)
    stamp = os.stat(helper)
    edited = HELPER.replace("def read(sock)", "def rea2(sock)")
    assert len(edited) == len(HELPER)
    helper.write_text(edited)
    os.utime(helper, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    loader = Loader(str(root), cache)
    assert loader.missing == [str(helper)]
    again = loader.complete().finish()
    assert again.digest != first.digest
    assert again.digest == load_project(str(root), False).digest


def test_an_edit_that_keeps_the_summary_keeps_the_digest(tmp_path, user_cache):
    root = make_project(tmp_path)
    cache = str(root / ".lint_sockets_cache")
    first = load_project(str(root), cache)
    (root / "pkg" / "helper.py").write_text("# a comment\n" + HELPER)
    assert load_project(str(root), cache).digest == first.digest
    (root / "pkg" / "helper.py").write_text(HELPER + "def other(sock):\n    return 1\n")
    assert load_project(str(root), cache).digest != first.digest
    (root / "pkg" / "helper.py").unlink()
    assert load_project(str(root), cache).digest != first.digest


def _summary_file(root, data=False):
    """The keys (path -> [stat key, digest]), or the summaries (path -> [digest, data])."""
    (found,) = [p for p in (root / ".lint_sockets_cache").rglob("summaries-*.json")
                if p.name.endswith(".data.json") is data]
    return found


def _resign(user_cache, body):
    import hashlib
    import hmac

    key = (user_cache / "lint-sockets" / "cache-key").read_bytes()
    return hmac.new(key, body, hashlib.sha256).hexdigest().encode() + b"\n" + body


@pytest.mark.parametrize("damage", ["not-a-list", "short", "long", "key-strings",
                                    "digest-short", "other-key", "summary-garbage",
                                    "summary-deep", "summary-other-digest",
                                    "summary-missing"])
def test_a_malformed_summary_entry_is_made_again(tmp_path, user_cache, damage):
    import json

    root = make_project(tmp_path)
    cache = str(root / ".lint_sockets_cache")
    first = load_project(str(root), cache)
    helper = str(root / "pkg" / "helper.py")
    path = _summary_file(root, data=damage.startswith("summary-"))
    entries = json.loads(path.read_bytes().partition(b"\n")[2])
    if damage.startswith("summary-"):
        digest, data = entries[helper]
        entries[helper] = {
            "summary-garbage": [digest, {"v": "no", "module": 3}],
            "summary-deep": [digest, {"v": json.loads("[" * 500 + "]" * 500)}],
            "summary-other-digest": ["0" * 64, data],
            "summary-missing": None,
        }[damage]
    else:
        key, digest = entries[helper]
        entries[helper] = {
            "not-a-list": "x",
            "short": [key],
            "long": [key, digest, None],
            "key-strings": [[str(k) for k in key], digest],
            "digest-short": [key, "ab"],
            "other-key": [[k + 1 for k in key], digest],
        }[damage]
    path.write_bytes(_resign(user_cache, json.dumps(entries).encode()))
    loader = Loader(str(root), cache)
    if damage.startswith("summary-"):
        # the right shape: the summary is judged when the index is built, and made again
        assert loader.missing == []
        project = loader.finish()
        assert "pkg.helper" in project.index.summaries
        assert project.digest == first.digest
        assert Loader(str(root), cache).finish().digest == first.digest  # and kept
    else:
        assert loader.missing == [helper]
        assert loader.complete().finish().digest == first.digest


def test_a_summary_cache_signed_elsewhere_is_not_believed(tmp_path, user_cache, monkeypatch):
    """A cache shipped in the repository (signed with another user's key) that gives a
    module an attacker's summary: it is not read."""
    root = make_project(tmp_path)
    cache = str(root / ".lint_sockets_cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "attacker"))
    load_project(str(root), cache)
    monkeypatch.setenv("XDG_CACHE_HOME", str(user_cache))
    loader = Loader(str(root), cache)
    assert sorted(loader.missing) == sorted(p for p, _, _ in project_files(str(root)))


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="POSIX links")
def test_a_summary_cache_directory_that_is_a_link_is_not_used(tmp_path, user_cache):
    root = make_project(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / ".lint_sockets_cache").symlink_to(elsewhere, target_is_directory=True)
    project = load_project(str(root), str(root / ".lint_sockets_cache"))
    assert list(elsewhere.iterdir()) == []
    assert any("symbolic link" in w for w in project.warnings)


# --- the runner: one index per project, results keyed on it ------------------------------------

SERVER_LOOP = (
    "import socket\n"
    "def serve(port):\n"
    "    srv = socket.create_server(('', port))\n"
    "    while True:\n"
    "        conn, addr = srv.accept()\n"
)


def _lint(capsys, *args):
    from lint_sockets import cli

    status = cli.main(["--output-format", "concise", *args])
    return status, capsys.readouterr().out


def _spy_checks(monkeypatch):
    """(path, module name given to the engine, the project's root) of each file analysed."""
    from lint_sockets import engine

    seen = []
    real = engine.check_source

    def spying(source, settings, *args, **kwargs):
        project = kwargs.get("project")
        seen.append((kwargs.get("module_name"), project.root if project else None))
        return real(source, settings, *args, **kwargs)

    monkeypatch.setattr(engine, "check_source", spying)
    return seen


def test_each_file_gets_the_index_of_its_own_project(tmp_path, user_cache, monkeypatch,
                                                     capsys):
    first = make_project(tmp_path, "first")
    second = make_project(tmp_path, "second")
    (first / "pkg" / "server.py").write_text(SERVER_LOOP)
    (second / "pkg" / "server.py").write_text(SERVER_LOOP)
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "server.py").write_text(SERVER_LOOP)
    monkeypatch.chdir(tmp_path)
    seen = _spy_checks(monkeypatch)
    status, out = _lint(capsys, "-j", "1", "first", "second", "loose/server.py")
    assert status == 1 and out.count("SCK501") == 3, out
    real = {os.path.realpath(str(first)): "first", os.path.realpath(str(second)): "second",
            None: None}
    analysed = sorted(((name, real[os.path.realpath(root)] if root else None)
                       for name, root in seen), key=str)
    # pkg/user.py shows no socket code in its own text, but it imports a project helper
    # that returns a socket read: it is analysed, with its own project's index
    assert analysed == [("pkg.helper", "first"), ("pkg.helper", "second"),
                        ("pkg.server", "first"), ("pkg.server", "second"),
                        ("pkg.user", "first"), ("pkg.user", "second"), (None, None)]


def test_a_cached_result_is_checked_again_when_another_modules_summary_changes(
        tmp_path, user_cache, monkeypatch, capsys):
    """A file's result may depend on any module of its project: a summary that changes
    (here the helper module's) is a miss for every file of the project; an edit that
    leaves every summary as it was (a comment) re-checks only the edited file."""
    root = make_project(tmp_path)
    (root / "pkg" / "server.py").write_text(SERVER_LOOP)
    monkeypatch.chdir(root)
    first = _lint(capsys, "-j", "1", ".")
    seen = _spy_checks(monkeypatch)
    assert _lint(capsys, "-j", "1", ".") == first and seen == []
    helper = root / "pkg" / "helper.py"
    helper.write_text("# the helper, commented\n" + HELPER)
    assert _lint(capsys, "-j", "1", ".") == first
    assert [name for name, _ in seen] == ["pkg.helper"]
    del seen[:]
    helper.write_text(HELPER + "def write(sock, data):\n    sock.sendall(data)\n")
    assert _lint(capsys, "-j", "1", ".") == first
    assert sorted(name for name, _ in seen) == ["pkg", "pkg.helper", "pkg.server", "pkg.user"]


def test_the_whole_project_run_and_the_parallel_run_agree(tmp_path, user_cache, monkeypatch,
                                                          capsys):
    root = make_project(tmp_path)
    for i in range(6):
        (root / "pkg" / f"server{i}.py").write_text(SERVER_LOOP)
    (root / "pkg" / "broken.py").write_text("def f(:\n")
    monkeypatch.chdir(root)
    one = _lint(capsys, "--no-cache", "-j", "1", ".")
    two = _lint(capsys, "--no-cache", "-j", "2", ".")
    assert one == two and one[1].count("SCK501") == 6 and "SCK000" in one[1]
    # a cold run with the cache, in workers, then a warm one, give the same
    assert _lint(capsys, "-j", "2", ".") == one
    assert _lint(capsys, "-j", "2", ".") == one


def test_a_file_alone_and_stdin_get_the_project_and_its_module(tmp_path, user_cache,
                                                               monkeypatch, capsys):
    import io
    import sys

    root = make_project(tmp_path)
    (root / "pkg" / "server.py").write_text(SERVER_LOOP)
    monkeypatch.chdir(tmp_path)
    seen = _spy_checks(monkeypatch)
    whole = _lint(capsys, "--no-cache", "-j", "1", "project", "--output-format", "concise")
    del seen[:]
    alone = _lint(capsys, "--no-cache", "project/pkg/server.py", "--output-format", "concise")
    server_lines = [line for line in whole[1].splitlines() if "pkg/server.py:" in line]
    assert server_lines and [line for line in alone[1].splitlines() if ".py:" in line] == \
        server_lines
    assert [name for name, _ in seen] == ["pkg.server"]
    del seen[:]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SERVER_LOOP.encode())))
    status, out = _lint(capsys, "-", "--stdin-filename", "project/pkg/server.py")
    assert status == 1 and "project/pkg/server.py:5:22: SCK501" in out
    assert [name for name, _ in seen] == ["pkg.server"]
    (name, project_root), = seen
    assert os.path.samefile(project_root, root)


FACTORY_SERVER = """\
import socket


def _reusable():
    fresh = socket.socket()
    fresh.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    return fresh


def _plain():
    return socket.socket()


def serve(port):
    listener = _reusable()
    listener.bind(("", port))
    listener.listen()
    other = _plain()
    other.bind(("", port + 1))
    other.listen()
    return listener, other
"""


def test_a_file_of_no_project_is_analysed_as_a_project_of_one_module(
        tmp_path, user_cache, monkeypatch, capsys):
    """No root marker above the file: its own module is still indexed, so the factory
    that sets SO_REUSEADDR is followed as it is in a project (line 16 is not reported,
    line 19 is), alone, in a directory run and on stdin."""
    import io
    import sys

    plain = tmp_path / "scripts"
    plain.mkdir()
    (plain / "serve.py").write_text(FACTORY_SERVER)
    root = make_project(tmp_path)
    (root / "pkg" / "serve.py").write_text(FACTORY_SERVER)
    monkeypatch.chdir(tmp_path)
    expected = ["serve.py:19:5: SCK801"]
    for args in (["scripts/serve.py"], ["scripts"], ["project/pkg/serve.py"]):
        status, out = _lint(capsys, "--no-cache", "--select", "SCK801", *args)
        found = [line.split("/")[-1].split(" listening")[0] for line in out.splitlines()
                 if ".py:" in line]
        assert status == 1 and found == expected, (args, out)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(FACTORY_SERVER.encode())))
    status, out = _lint(capsys, "--select", "SCK801", "-")
    assert status == 1 and ":19:5: SCK801" in out and ":16:" not in out, out


def test_a_finding_that_depends_on_another_module_follows_its_edits(tmp_path, user_cache,
                                                                    monkeypatch, capsys):
    """A finding in server.py that exists only while the helper module's constant says
    so (a rule seeing through modules, stood in for here): editing only the helper makes
    it appear and disappear on the next warm run, never a stale cached result."""
    from lint_sockets import engine

    real = engine.run_rules

    def rules_reading_the_index(module, settings, source=None, project=None,
                                module_name=None, test_code=False):
        findings = real(module, settings, source, project, module_name, test_code)
        if (project is not None and module_name == "pkg.server"
                and project.constant(module_name, "LIMIT") == 0):
            findings.append((module.body[0], "SCK101", "a finding from pkg.helper", None))
        return findings

    monkeypatch.setattr(engine, "run_rules", rules_reading_the_index)
    root = make_project(tmp_path)
    (root / "pkg" / "server.py").write_text("from pkg.helper import LIMIT\n" + SERVER_LOOP)
    helper = root / "pkg" / "helper.py"
    monkeypatch.chdir(root)
    for limit, found in ((1, False), (0, True), (0, True), (1, False), (1, False)):
        helper.write_text(f"LIMIT = {limit}\n" + HELPER)
        status, out = _lint(capsys, "-j", "1", ".")
        assert ("pkg/server.py:1:1: SCK101" in out) is found, (limit, out)
        assert "pkg/server.py:6:22: SCK501" in out


def test_a_module_the_index_core_fails_on_is_left_out_not_a_traceback(
        tmp_path, user_cache, monkeypatch, capsys):
    from lint_sockets.analysis import index

    root = make_project(tmp_path)
    (root / "pkg" / "server.py").write_text(SERVER_LOOP)
    real = index.summarise

    def failing(tree, module, is_package):
        if module == "pkg.helper":
            raise ValueError("a case the summary does not handle")
        return real(tree, module, is_package)

    monkeypatch.setattr(index, "summarise", failing)
    monkeypatch.chdir(root)
    status, out = _lint(capsys, "-j", "1", ".")
    assert status == 1 and "pkg/server.py:5:22: SCK501" in out
    assert "pkg.helper" not in load_project(str(root), False).index.summaries


@pytest.mark.parametrize("mode", ["--diff", "--fix"])
def test_fixes_see_the_project_as_checks_do(tmp_path, user_cache, monkeypatch, capsys, mode):
    """--fix and --diff fix the findings a check reports, with the same index: here the
    finding on server.py (and so its fix) exists only while the helper module's constant
    says so (a rule seeing through modules, stood in for here)."""
    from lint_sockets import engine

    real = engine.run_rules
    seen = []

    def rules_reading_the_index(module, settings, source=None, project=None,
                                module_name=None, test_code=False):
        findings = real(module, settings, source, project, module_name, test_code)
        seen.append(module_name)
        through = project is not None and project.constant("pkg.helper", "LIMIT") == 0
        return [f for f in findings if f[1] != "SCK501" or through]

    monkeypatch.setattr(engine, "run_rules", rules_reading_the_index)
    root = make_project(tmp_path)
    server = root / "pkg" / "server.py"
    server.write_text(SERVER_LOOP)
    monkeypatch.chdir(root)
    for limit in (1, 0):
        (root / "pkg" / "helper.py").write_text(f"LIMIT = {limit}\n" + HELPER)
        seen.clear()
        status, out = _lint(capsys, "-j", "1", "--no-cache", "--select", "SCK501", mode,
                            "pkg/server.py")
        assert seen and set(seen) == {"pkg.server"}
        changed = (("ConnectionAbortedError" in out) if mode == "--diff"
                   else server.read_text() != SERVER_LOOP)
        assert changed is (limit == 0), (limit, out)
    if mode == "--fix":
        assert "ConnectionAbortedError" in server.read_text()


def test_a_run_leaves_the_collector_as_it_found_it(tmp_path, user_cache, monkeypatch,
                                                   capsys):
    """The run pauses the cyclic collector while it gathers the summaries and keeps what
    it holds out of its reach while it analyses; afterwards the collector is on and
    nothing stays frozen, whether the summaries were made here or came from the cache."""
    import gc

    root = make_project(tmp_path)
    (root / "pkg" / "server.py").write_text(SERVER_LOOP)
    monkeypatch.chdir(root)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    first = _lint(capsys, "-j", "1", ".")
    assert first[1].count("SCK501") == 1
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert _lint(capsys, "-j", "2", "--no-cache", ".") == first
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert _lint(capsys, "-j", "1", ".") == first  # warm
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_the_project_holds_its_summaries_packed(tmp_path, user_cache):
    """The project and its index hold each module's summary once, packed (its JSON text
    compressed), decoded when the analysis asks about the module; a view of the project
    with one module's text changed shares the others'."""
    from lint_sockets.analysis.index import PackedSummary, summarise

    root = make_project(tmp_path)
    (root / "pkg" / "server.py").write_text(SERVER_LOOP)
    project = load_project(str(root))
    index = project.index
    held = {name: data for name, (_, data, _) in project.summaries.items()
            if data is not None}
    assert held and all(type(data) is PackedSummary for data in held.values())
    assert all(index.summaries.held[name] is data for name, data in held.items())
    assert project.cache.fresh == {}  # saved, and left to the project
    helper = root / "pkg" / "helper.py"
    made = summarise(ast.parse(helper.read_text()), "pkg.helper")
    assert index.summaries["pkg.helper"].to_json() == made.to_json()  # decoded when asked
    server = str(root / "pkg" / "server.py")
    changed = project.with_source(server, SERVER_LOOP + "\nLIMIT = 3\n")
    assert changed is not project and changed.digest != project.digest
    assert changed.index.constant("pkg.server", "LIMIT") == 3
    assert changed.index.summaries.held["pkg.helper"] is index.summaries.held["pkg.helper"]
    assert changed.index.imports_socket_code("pkg.user")
    # the cache still gives every summary to the next run
    again = load_project(str(root))
    assert again.digest == project.digest and not again.cache.dirty
    assert again.index.imports_socket_code("pkg.user")


# --- a package with no packaging file or checkout above it -----------------------------------

def _isolated(monkeypatch, tmp_path):
    """tmp_path may itself lie below a checkout: only tmp_path's own tree is looked at."""
    import lint_sockets.paths as paths

    real = paths.is_root
    monkeypatch.setattr(paths, "is_root", lambda d: d.startswith(str(tmp_path)) and real(d))


def test_a_package_with_no_marker_is_indexed_from_where_it_is_imported(tmp_path, monkeypatch):
    from lint_sockets.paths import index_root, package_top

    _isolated(monkeypatch, tmp_path)
    wheel = tmp_path / "unpacked"
    (wheel / "pkg" / "sub").mkdir(parents=True)
    (wheel / "pkg" / "__init__.py").write_text("")
    (wheel / "pkg" / "sub" / "__init__.py").write_text("")
    (wheel / "loose").mkdir()
    assert package_top(str(wheel / "pkg" / "sub")) == str(wheel)
    assert index_root(str(wheel / "pkg" / "sub")) == str(wheel)
    assert index_root(str(wheel / "pkg")) == str(wheel)
    assert index_root(str(wheel / "loose")) is None  # a module of no package: alone
    assert index_root(str(wheel)) is None
    # installed distributions are no one project
    site = tmp_path / "lib" / "site-packages" / "dist"
    site.mkdir(parents=True)
    (site / "__init__.py").write_text("")
    assert index_root(str(site)) is None
    # a marker still decides first
    (wheel / "setup.cfg").write_text("")
    (tmp_path / "pyproject.toml").write_text("")
    assert index_root(str(wheel / "pkg" / "sub")) == str(wheel)


REUSABLE_FACTORY = """\
import socket


def listener():
    fresh = socket.socket()
    fresh.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    return fresh
"""

SERVES_WITH_FACTORY = """\
import socket

from pkg.factory import listener


def serve(port):
    reusable = listener()
    reusable.bind(("", port))
    reusable.listen()
    plain = socket.socket()
    plain.bind(("", port + 1))
    plain.listen()
    return reusable, plain
"""


def test_a_package_with_no_marker_sees_its_other_modules(tmp_path, user_cache, monkeypatch,
                                                         capsys):
    """An unpacked wheel: no packaging file, no checkout. The factory another module of its
    package defines is followed (line 8 is not reported, line 11 is), in a directory run,
    for the file alone, on stdin with its name, and under flake8, which writes no cache
    beside the package."""
    import ast
    import io
    import sys

    from lint_sockets import flake8_plugin

    _isolated(monkeypatch, tmp_path)
    wheel = tmp_path / "unpacked"
    (wheel / "pkg").mkdir(parents=True)
    (wheel / "pkg" / "__init__.py").write_text("")
    (wheel / "pkg" / "factory.py").write_text(REUSABLE_FACTORY)
    serve = wheel / "pkg" / "serve.py"
    serve.write_text(SERVES_WITH_FACTORY)
    monkeypatch.chdir(tmp_path)
    for args in (["unpacked"], ["unpacked/pkg/serve.py"]):
        status, out = _lint(capsys, "--no-cache", "--select", "SCK801", *args)
        found = [line.split(" ")[0] for line in out.splitlines() if ".py:" in line]
        assert status == 1 and found == ["unpacked/pkg/serve.py:11:5:"], (args, out)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        SERVES_WITH_FACTORY.encode())))
    status, out = _lint(capsys, "--no-cache", "--select", "SCK801",
                        "--stdin-filename", str(serve), "-")
    assert status == 1 and ":11:5: SCK801" in out and ":8:" not in out, out
    monkeypatch.setattr(flake8_plugin, "_PROJECTS", {})
    monkeypatch.setattr(flake8_plugin, "_WANTED", None)
    monkeypatch.setattr(flake8_plugin, "_SETTINGS", None)
    source = serve.read_bytes()
    plugin = flake8_plugin.Plugin(ast.parse(source), source.decode().splitlines(True),
                                  str(serve))
    lines = sorted(line for line, _column, text, _ in plugin.run() if "SCK801" in text)
    assert lines == [11]
    assert not [p for p in wheel.rglob("*") if "cache" in p.name.lower()]

"""Parallel runs report in a stable order; the cache answers for unchanged files."""

import os
import subprocess
import sys

from conftest import FIXTURES

SERVER = (
    "import socket\n"
    "def serve(port):\n"
    "    srv = socket.create_server(('', port))\n"
    "    while True:\n"
    "        conn, addr = srv.accept()\n"
)


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "lint_sockets", "--output-format",
                           "concise", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_parallel_output_is_the_same_as_one_process(tmp_path):
    one = run("--no-cache", "--jobs", "1", str(FIXTURES), cwd=tmp_path)
    many = run("--no-cache", "--jobs", "3", str(FIXTURES), cwd=tmp_path)
    assert one.stdout == many.stdout and one.returncode == many.returncode == 1
    assert one.stdout.count("\n") > 100


def test_warm_run_answers_from_the_cache_and_sees_changes_that_keep_size_and_time(
        tmp_path, monkeypatch, capsys):
    from lint_sockets import cli, runner

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    path = tmp_path / "server.py"
    path.write_text(SERVER)
    assert cli.main(["--output-format", "concise", "server.py"]) == 1
    first = capsys.readouterr().out
    assert "SCK501" in first
    assert (tmp_path / ".lint_sockets_cache" / "CACHEDIR.TAG").is_file()
    # A warm run answers from the cache: the file is not checked again.
    real = runner.check_file
    checked = []

    def counting(job, name, *args, **kwargs):
        checked.append(name)
        return real(job, name, *args, **kwargs)

    monkeypatch.setattr(runner, "check_file", counting)
    assert cli.main(["--output-format", "concise", "server.py"]) == 1
    assert capsys.readouterr().out == first and checked == []
    # Same size and modification time, different content (as a checkout or an archive can
    # leave it): the cache keys on the content, so the change is seen.
    stamp = os.stat(path)
    path.write_text(SERVER.replace("srv.accept()", "srv.acc3pt()"))
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert cli.main(["--output-format", "concise", "server.py"]) == 0
    assert "All checks passed!" in capsys.readouterr().out and checked == ["server.py"]


WARM_RUN_WITHOUT_LIBCST = """
import sys
from lint_sockets.cli import main
status = main(["--output-format", "concise", "--jobs", "2", "."])
assert status == 1, status
assert "libcst" not in sys.modules, "a warm run loaded libcst"
assert not any(name.startswith("lint_sockets.rules.") for name in sys.modules)
"""


def test_a_warm_run_imports_neither_libcst_nor_the_rules_checks(tmp_path):
    # A run answered from the cache needs only what the rules are (the catalog), never
    # how they look (their modules, libcst): that import was most of a warm run's time.
    (tmp_path / "pyproject.toml").write_text("")
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.py").write_text(SERVER)
    cold = run("--jobs", "2", ".", cwd=tmp_path)
    assert cold.returncode == 1 and cold.stdout.count("SCK501") == 3, cold
    warm = subprocess.run([sys.executable, "-c", WARM_RUN_WITHOUT_LIBCST], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert warm.returncode == 0, warm.stderr
    assert warm.stdout == cold.stdout
    # A changed file is analysed again, by the same checks.
    (tmp_path / "b.py").write_text(SERVER.replace("srv.accept()", "srv.acc3pt()"))
    again = run("--jobs", "2", ".", cwd=tmp_path)
    assert again.returncode == 1 and again.stdout.count("SCK501") == 2, again


def test_cache_is_keyed_on_settings(tmp_path):
    (tmp_path / "server.py").write_text(SERVER)
    assert "SCK501" in run("server.py", cwd=tmp_path).stdout
    assert "SCK501" not in run("--ignore", "SCK5", "server.py", cwd=tmp_path).stdout
    assert "SCK501" in run("server.py", cwd=tmp_path).stdout


def test_no_cache_writes_no_cache(tmp_path):
    (tmp_path / "server.py").write_text(SERVER)
    run("--no-cache", "server.py", cwd=tmp_path)
    assert not (tmp_path / ".lint_sockets_cache").exists()


def test_fix_is_not_skipped_by_a_cached_result(tmp_path):
    path = tmp_path / "server.py"
    path.write_text(SERVER)
    run("server.py", cwd=tmp_path)  # caches the finding and its fix
    run("--fix", "server.py", cwd=tmp_path)
    assert "except ConnectionAbortedError:" in path.read_text()


def test_jobs_must_be_positive(tmp_path):
    result = run("--jobs", "0", ".", cwd=tmp_path)
    assert result.returncode == 2 and "--jobs" in result.stderr


def test_big_files_go_first_each_alone_to_a_worker(tmp_path, monkeypatch):
    # A 5 MB module's tree takes gigabytes: with --jobs, no process may parse two big files
    # at once. Each big file is a worker task of its own, started before the small files
    # (largest first), so the workers stay busy; the main process checks nothing; the
    # results keep the order of the paths.
    from lint_sockets import runner
    from lint_sockets.settings import Settings

    paths = []
    for i in range(6):
        path = tmp_path / f"m{i}.py"
        padding = "# padding\n" * {1: 300, 4: 400}.get(i, 0)
        path.write_text(padding + SERVER.replace("(port)", f"(port, n={i})"))
        paths.append(str(path))
    monkeypatch.setattr(runner, "BIG_FILE", 2000)
    assert runner.schedule(paths, 2) == [([4], True), ([1], True), ([0], False),
                                         ([2], False), ([3], False), ([5], False)]
    log = tmp_path / "log"
    real = runner.check_file

    def recording(job, path, *args, **kwargs):
        with open(log, "a") as out:
            out.write(f"{os.getpid()} start {os.path.basename(path)}\n")
        try:
            return real(job, path, *args, **kwargs)
        finally:
            with open(log, "a") as out:
                out.write(f"{os.getpid()} end {os.path.basename(path)}\n")

    monkeypatch.setattr(runner, "check_file", recording)
    scheduled = []
    real_schedule = runner.schedule
    monkeypatch.setattr(runner, "schedule", lambda *a: scheduled.append(real_schedule(*a))
                        or scheduled[-1])
    job = runner.Job(Settings())
    parallel = runner.run_files(job, paths, 2, None)
    assert scheduled == [[([4], True), ([1], True), ([0], False), ([2], False), ([3], False),
                          ([5], False)]]
    events = [line.split() for line in log.read_text().splitlines()]
    assert str(os.getpid()) not in {pid for pid, _, _ in events}
    starts = [name for _, what, name in events if what == "start"]
    assert sorted(starts) == sorted(os.path.basename(p) for p in paths)
    for pid in {pid for pid, _, _ in events}:
        # one file at a time in each process: its starts and ends alternate
        mine = [(what, name) for p, what, name in events if p == pid]
        assert all(mine[k][0] == "start" and mine[k + 1] == ("end", mine[k][1])
                   for k in range(0, len(mine), 2)), mine
    log.unlink()
    alone = runner.run_files(job, paths, 1, None)
    assert {line.split()[0] for line in log.read_text().splitlines()} == {str(os.getpid())}
    assert [r.path for r in parallel] == [r.path for r in alone] == paths
    summary = [[(d.code, d.line) for d in r.diagnostics] for r in parallel]
    assert summary == [[(d.code, d.line) for d in r.diagnostics] for r in alone]
    assert summary[1] == [("SCK501", 305)] and summary[0] == [("SCK501", 5)]
    assert summary[4] == [("SCK501", 405)]


def test_the_heap_is_given_back_after_each_big_file_checked(tmp_path, monkeypatch):
    """After checking a file of TRIM_AFTER bytes or more (its libcst tree took tens of MiB),
    a process gives the C heap's free pages back to the system, so its memory does not grow
    with the number of such files; small files do not pay for it."""
    from lint_sockets import runner
    from lint_sockets.settings import Settings

    runner._give_back_memory()  # works (or does nothing) on this platform
    assert runner._TRIM is not None
    given = []
    monkeypatch.setattr(runner, "_give_back_memory", lambda: given.append(True))
    monkeypatch.setattr(runner, "TRIM_AFTER", 500)
    small, big = tmp_path / "small.py", tmp_path / "big.py"
    small.write_text(SERVER)
    big.write_text("# padding\n" * 60 + SERVER)
    assert len(SERVER) < 500 <= os.path.getsize(big)
    job = runner.Job(Settings())
    results = runner._work([(job, str(small), None, None), (job, str(big), None, None)])
    assert [r.path for r in results] == [str(small), str(big)]
    assert given == [True]


def test_big_files_no_rule_can_fire_on_are_not_parsed_by_libcst(tmp_path, monkeypatch):
    # Generated protocol code says ``.send(`` (a message's own send method, a docstring):
    # it passes the text filter, but the ast filter drops it before libcst's parse.
    from lint_sockets import engine, runner
    from lint_sockets.settings import Settings

    generated = (tmp_path / "messages_pb.py")
    generated.write_text(
        '"""Write a message with ``msg.send(transport)``."""\n'
        + "".join(f"class Message{i}:\n    def send(self, transport):\n"
                  f"        transport.send(self.encode())\n\n" for i in range(200)))
    server = tmp_path / "server.py"
    server.write_text(SERVER)
    monkeypatch.setattr(runner, "BIG_FILE", 2000)
    parsed = []
    real = engine.parse

    def recording(source, *args, **kwargs):
        parsed.append(len(source))
        return real(source, *args, **kwargs)

    monkeypatch.setattr(engine, "parse", recording)
    job = runner.Job(Settings(select=["ALL"]))
    results = runner.run_files(job, [str(generated), str(server)], 1, None)
    assert results[0].diagnostics == [] and results[1].diagnostics
    assert parsed == [len(SERVER.encode())]

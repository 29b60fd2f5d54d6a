"""The flake8 plugin runs the same engine: real flake8 reports what the command reports."""

import os
import subprocess
import sys

from conftest import FIXTURES, ROOT


def _run(args, cwd):
    # caches (flake8 keeps a project's summaries like the command) go under cwd, never
    # into the fixtures' directories
    env = dict(os.environ, LINT_SOCKETS_CACHE_DIR=os.path.join(str(cwd), ".cache"))
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env=env)


def _lines(output):
    return sorted(line for line in output.splitlines() if line.strip())


def test_flake8_reports_exactly_what_the_cli_reports(tmp_path):
    # Syntax errors never reach flake8's plugins (flake8 reports E999 itself), so the
    # SCK000 fixtures are compared separately below.
    targets = sorted(str(p) for p in FIXTURES.iterdir() if p.is_dir() and p.name != "SCK000")
    # SCK100 is off by default on both sides: flake8's `--select SCK` leaves it off.
    cli = _run(["lint_sockets", "--no-cache", "--output-format", "concise", *targets],
               tmp_path)
    assert cli.returncode == 1, cli.stderr
    # the command marks fixable findings with [*] and ends with a summary; flake8 does not
    expected = sorted(line.replace(" [*] ", " ", 1) for line in _lines(cli.stdout)
                      if line.startswith("/"))
    flake8 = _run(["flake8", "--isolated", "--select", "SCK", *targets], tmp_path)
    assert flake8.returncode == 1, flake8.stderr
    assert _lines(flake8.stdout) == expected
    assert len(expected) > 50


def test_flake8_reports_syntax_errors_itself(tmp_path):
    bad = str(FIXTURES / "SCK000" / "flag_def_missing_param.py")
    result = _run(["flake8", "--isolated", "--select", "E9,SCK", bad], tmp_path)
    codes = [line.split(": ")[1].split()[0] for line in _lines(result.stdout)]
    assert codes == ["E999"]


def test_flake8_honours_noqa_and_ignore(tmp_path):
    source = (
        "import socket\n"
        "def serve(port):\n"
        "    srv = socket.create_server(('', port))\n"
        "    while True:\n"
        "        conn, addr = srv.accept()  # noqa: SCK501\n"
        "        while True:\n"
        "            data = conn.recv(1024)\n"
        "            conn.sendall(data)\n"
    )
    path = tmp_path / "server.py"
    path.write_text(source)
    result = _run(["flake8", "--isolated", "--select", "SCK1,SCK5", str(path)], tmp_path)
    assert _lines(result.stdout) == [
        f"{path}:7:20: SCK101 `.recv()` result never checked for EOF (b\"\"): spins once "
        "the peer closes"
    ]
    ignored = _run(["flake8", "--isolated", "--select", "SCK1,SCK5", "--extend-ignore",
                    "SCK1", str(path)], tmp_path)
    assert ignored.stdout == "" and ignored.returncode == 0


def test_plugin_never_aborts_flake8_on_code_libcst_cannot_parse(tmp_path):
    # Valid Python that libcst's grammar rejects: flake8 must keep going.
    path = tmp_path / "odd.py"
    path.write_text("(pars): bool = True\nimport socket\nsock = socket.socket()\n"
                    "while True:\n    sock.sendall(sock.recv(10))\n")
    other = tmp_path / "other.py"
    other.write_text("import socket\nsock = socket.socket()\nwhile True:\n"
                     "    sock.sendall(sock.recv(10))\n")
    result = _run(["flake8", "--isolated", "--select", "SCK", str(path), str(other)],
                  tmp_path)
    # not known to be broken, only not checked: a warning on stderr, as the command gives
    assert "odd.py" not in result.stdout
    assert "odd.py: not checked: Python accepts this file, but the libcst parser" \
        in result.stderr
    assert "other.py:4:18: SCK101" in result.stdout
    assert "Traceback" not in result.stderr


def test_plugin_is_registered_under_sck():
    from importlib.metadata import entry_points

    eps = entry_points()
    group = eps.select(group="flake8.extension") if hasattr(eps, "select") else eps.get(
        "flake8.extension", [])
    names = {ep.name: ep.value for ep in group}
    assert names.get("SCK") == "lint_sockets.flake8_plugin:Plugin"
    assert ROOT.is_dir()


def test_flake8_options_from_a_config_file(tmp_path):
    (tmp_path / "client.py").write_text(
        "import os\n"
        "def pump(link, data):\n"
        "    link.settimeout(5)\n"
        "    link.send(data.encode())\n"
        "def retry(fd):\n"
        "    while True:\n"
        "        try:\n"
        "            return os.read(fd, 10)\n"
        "        except InterruptedError:\n"
        "            continue\n"
    )
    plain = _run(["flake8", "--select", "SCK,SCK202,SCK601", "client.py"], tmp_path)
    assert "SCK601" not in plain.stdout and "SCK202" in plain.stdout
    (tmp_path / "setup.cfg").write_text(
        "[flake8]\nsck-socket-names = ^link$\nsck-target-version = py34\n")
    configured = _run(["flake8", "--select", "SCK,SCK202,SCK601", "client.py"], tmp_path)
    assert "client.py:4:5: SCK601" in configured.stdout
    assert "SCK202" not in configured.stdout


UNUSED_NOQA = (
    "import socket\n"
    "def serve(sock):\n"
    "    conn, addr = sock.accept()  # noqa: SCK501\n"
    "    conn.close()\n"
)


def test_flake8_leaves_sck100_off_unless_named(tmp_path):
    path = tmp_path / "server.py"
    path.write_text(UNUSED_NOQA)
    plain = _run(["flake8", "--isolated", "--select", "SCK,E999", str(path)], tmp_path)
    assert plain.stdout == "" and plain.returncode == 0, plain.stdout + plain.stderr
    default = _run(["flake8", "--isolated", str(path)], tmp_path)
    assert "SCK100" not in default.stdout
    # SCK100 judges only codes whose rules ran, so SCK5 stays selected
    for args in (["--select", "SCK,SCK100"], ["--select", "SCK", "--extend-select", "SCK100"],
                 ["--select", "SCK1,SCK5"]):
        named = _run(["flake8", "--isolated", *args, str(path)], tmp_path)
        assert f"{path}:3:33: SCK100 unused `noqa` code: SCK501" in named.stdout, args


def test_off_by_default_list_and_codes_match_the_registry():
    from lint_sockets.flake8_plugin import OFF_BY_DEFAULT, _all_codes
    from lint_sockets.rules import registry

    assert set(OFF_BY_DEFAULT) == {c for c, r in registry().items() if not r.default}
    assert _all_codes() == list(registry())


LAZY = """
import sys
from lint_sockets.flake8_plugin import Plugin
assert "libcst" not in sys.modules, "importing the plugin loaded libcst"
assert list(Plugin(None, ["x = 1\\n", "print(x)\\n"], "plain.py").run()) == []
assert "libcst" not in sys.modules, "a file with no socket code loaded libcst"
found = list(Plugin(None, ["import socket\\n", "s = socket.socket()\\n",
                           "while True:\\n", "    s.sendall(s.recv(10))\\n"], "echo.py").run())
assert [f[2].split()[0] for f in found] == ["SCK101"], found
assert "libcst" in sys.modules
print("ok")
"""


def test_plugin_loads_libcst_only_for_a_file_that_needs_it(tmp_path):
    result = subprocess.run([sys.executable, "-c", LAZY], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)
    assert result.stdout.strip() == "ok", result.stderr


def test_plugin_runs_nothing_when_flake8_reports_no_sck_code():
    import argparse

    import lint_sockets.flake8_plugin as plugin

    def options(**chosen):
        values = dict(select=None, extend_select=None, ignore=None, extend_ignore=None,
                      extended_default_select=["SCK"], extended_default_ignore=["SCK100"],
                      sck_socket_names=None, sck_target_version=None)
        values.update(chosen)
        return argparse.Namespace(**values)

    try:
        plugin.Plugin.parse_options(options(select=["E", "W"]))
        assert plugin._settings("x.py").enabled == frozenset()
        plugin.Plugin.parse_options(options(select=["SCK5"], ignore=["SCK502"]))
        assert plugin._settings("x.py").enabled == {"SCK501"}
        plugin.Plugin.parse_options(options())
        enabled = plugin._settings("x.py").enabled
        assert "SCK101" in enabled and "SCK100" not in enabled
        # with no SCK code reported, even a socket module does not load libcst
        probe = (
            "import argparse, sys\n"
            "import lint_sockets.flake8_plugin as plugin\n"
            "plugin.Plugin.parse_options(argparse.Namespace(select=['E', 'W'], "
            "extend_select=None, ignore=None, extend_ignore=None, "
            "extended_default_select=['SCK'], extended_default_ignore=['SCK100'], "
            "sck_socket_names=None, sck_target_version=None))\n"
            "lines = ['import socket\\n', 's = socket.socket()\\n', 'while True:\\n', "
            "'    s.sendall(s.recv(10))\\n']\n"
            "assert list(plugin.Plugin(None, lines, 'echo.py').run()) == []\n"
            "assert 'libcst' not in sys.modules\n"
        )
        result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, result.stderr
    finally:
        plugin._OPTIONS = plugin._SETTINGS = plugin._WANTED = None

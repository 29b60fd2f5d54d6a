"""[tool.lint-sockets] in pyproject.toml: every key takes effect; mistakes are errors."""

import subprocess
import sys

import pytest

SERVER = (
    "import errno\n"
    "import socket\n"
    "\n"
    "def serve(port):\n"
    "    srv = socket.create_server(('', port))\n"
    "    while True:\n"
    "        conn, addr = srv.accept()\n"
    "\n"
    "def retry(fd):\n"
    "    import os\n"
    "    while True:\n"
    "        try:\n"
    "            return os.read(fd, 10)\n"
    "        except InterruptedError:\n"
    "            continue\n"
)
CLIENT = (
    "import socket\n"
    "\n"
    "def pump(link, data):\n"
    "    link.send(data.encode())\n"
)


def project(tmp_path, table="", project_table=""):
    (tmp_path / "pyproject.toml").write_text(project_table + "[tool.lint-sockets]\n" + table)
    (tmp_path / "server.py").write_text(SERVER)
    (tmp_path / "client.py").write_text(CLIENT)
    return tmp_path


def codes(tmp_path, *args):
    result = subprocess.run([sys.executable, "-m", "lint_sockets", "--no-cache",
                             "--output-format", "concise", *args], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    found = sorted({(line.split(":")[0], line.split()[1]) for line in result.stdout.splitlines()
                    if line.endswith(".py") is False and ": SCK" in line})
    return result, found


def test_select(tmp_path):
    _, found = codes(project(tmp_path, 'select = ["SCK5"]\n'))
    assert found == [("server.py", "SCK501")]


def test_ignore(tmp_path):
    _, found = codes(project(tmp_path, 'ignore = ["SCK202", "SCK5"]\n'))
    assert ("server.py", "SCK501") not in found and ("server.py", "SCK202") not in found


def test_extend_select(tmp_path):
    _, found = codes(project(tmp_path, 'select = ["SCK5"]\nextend-select = ["SCK202"]\n'))
    assert found == [("server.py", "SCK202"), ("server.py", "SCK501")]


def test_per_file_ignores(tmp_path):
    _, found = codes(project(tmp_path, '[tool.lint-sockets.per-file-ignores]\n'
                                       '"serv*.py" = ["SCK5"]\n'))
    assert ("server.py", "SCK501") not in found and ("server.py", "SCK202") in found


def test_exclude_and_extend_exclude(tmp_path):
    root = project(tmp_path, 'extend-exclude = ["server.py"]\n')
    _, found = codes(root, ".")
    assert not [f for f in found if f[0] == "server.py"]
    (root / "pyproject.toml").write_text('[tool.lint-sockets]\nexclude = ["client.py"]\n')
    (root / "build").mkdir()
    (root / "build" / "server.py").write_text(SERVER)
    _, found = codes(root, ".")
    # `exclude` replaces the default list, so build/ is walked now; client.py is not
    assert ("build/server.py", "SCK501") in found and not [f for f in found
                                                           if f[0] == "client.py"]


def test_exclude_applies_to_explicit_files_only_with_force_exclude(tmp_path):
    root = project(tmp_path, 'extend-exclude = ["server.py"]\n')
    _, found = codes(root, "server.py")
    assert ("server.py", "SCK501") in found
    _, found = codes(root, "--force-exclude", "server.py")
    assert found == []


def test_socket_names(tmp_path):
    # `link` is not a socket name by default; the setting makes link.send(b'..') count
    _, found = codes(project(tmp_path))
    assert ("client.py", "SCK601") not in found
    _, found = codes(project(tmp_path, 'socket-names = "^link$"\n'))
    assert ("client.py", "SCK601") in found


def test_target_version_and_requires_python(tmp_path):
    _, found = codes(project(tmp_path))
    assert ("server.py", "SCK202") in found
    _, found = codes(project(tmp_path, 'target-version = "py34"\n'))
    assert ("server.py", "SCK202") not in found
    _, found = codes(project(tmp_path, "", '[project]\nrequires-python = ">=2.7"\n'))
    assert ("server.py", "SCK202") not in found
    _, found = codes(project(tmp_path, "", '[project]\nrequires-python = ">=3.8, <4"\n'))
    assert ("server.py", "SCK202") in found


def test_command_line_wins(tmp_path):
    root = project(tmp_path, 'select = ["SCK5"]\n')
    _, found = codes(root, "--select", "SCK202")
    assert found == [("server.py", "SCK202")]


def test_config_file_option(tmp_path):
    root = project(tmp_path)
    other = tmp_path / "other.toml"
    other.write_text('[tool.lint-sockets]\nselect = ["SCK2"]\n')
    _, found = codes(root, "--config", str(other))
    assert found == [("server.py", "SCK202")]


@pytest.mark.parametrize("table, message", [
    ('selct = ["SCK5"]\n', "unknown key in [tool.lint-sockets]: selct"),
    ('select = ["SCK999"]\n', "unknown rule code or prefix 'SCK999'"),
    ('ignore = "SCK5"\n', "ignore must be a list of strings"),
    ('target-version = "python3"\n', "invalid target-version"),
    ('[tool.lint-sockets.per-file-ignores]\n"*.py" = ["XYZ1"]\n', "unknown rule code"),
])
def test_bad_configuration_is_a_clear_error(tmp_path, table, message):
    result, _ = codes(project(tmp_path, table))
    assert result.returncode == 2
    assert message in result.stderr and "pyproject.toml" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_toml_is_a_clear_error(tmp_path):
    root = project(tmp_path)
    (root / "pyproject.toml").write_text("[tool.lint-sockets\nselect = [\n")
    result, _ = codes(root)
    assert result.returncode == 2
    assert "pyproject.toml: not valid TOML" in result.stderr and "Traceback" not in result.stderr


def test_lower_bound_of_requires_python():
    from lint_sockets.config import lower_bound

    assert lower_bound(">=3.9") == (3, 9)
    assert lower_bound(">=3.8,<4") == (3, 8)
    assert lower_bound("~=3.10") == (3, 10)
    assert lower_bound(">3.6") == (3, 7)
    assert lower_bound("!=3.0.*, >=2.7") == (2, 7)
    assert lower_bound("*") is None

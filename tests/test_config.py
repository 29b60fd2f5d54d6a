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
    "    link.settimeout(5)\n"
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
    _, found = codes(project(tmp_path, 'extend-select = ["SCK202"]\n'
                                       '[tool.lint-sockets.per-file-ignores]\n'
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
    on = 'extend-select = ["SCK601"]\n'
    _, found = codes(project(tmp_path, on))
    assert ("client.py", "SCK601") not in found
    _, found = codes(project(tmp_path, on + 'socket-names = "^link$"\n'))
    assert ("client.py", "SCK601") in found


def test_target_version_and_requires_python(tmp_path):
    on = 'extend-select = ["SCK202"]\n'  # off by default
    _, found = codes(project(tmp_path, on))
    assert ("server.py", "SCK202") in found
    _, found = codes(project(tmp_path, on + 'target-version = "py34"\n'))
    assert ("server.py", "SCK202") not in found
    _, found = codes(project(tmp_path, on, '[project]\nrequires-python = ">=2.7"\n'))
    assert ("server.py", "SCK202") not in found
    _, found = codes(project(tmp_path, on, '[project]\nrequires-python = ">=3.8, <4"\n'))
    assert ("server.py", "SCK202") in found


def test_rules_off_by_default_run_only_when_selected(tmp_path):
    # SCK202 reports dead code, not a failure: a plain run leaves it out, a selector that
    # reaches it (a prefix, ALL, extend-select) turns it on
    _, found = codes(project(tmp_path))
    assert ("server.py", "SCK501") in found and ("server.py", "SCK202") not in found
    for selector in ("SCK2", "ALL", "SCK202"):
        _, found = codes(project(tmp_path), "--extend-select", selector)
        assert ("server.py", "SCK202") in found, selector


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


# --- configuration per file, as ruff finds it ---------------------------------------------------

def nested(tmp_path):
    """A repository whose root and one sub-project have their own settings; another
    sub-project's pyproject.toml has no [tool.lint-sockets] table and is passed over. (Its
    directories are named ``checks``: code in a ``tests`` directory is test code, where
    SCK501 does not fire.)"""
    root = tmp_path / "repo"
    for directory in ("app", "lib/checks/unit/deep", "tool", "app/checks"):
        (root / directory).mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(
        '[tool.lint-sockets]\nselect = ["SCK5", "SCK2"]\n'
        '[tool.lint-sockets.per-file-ignores]\n"checks/*.py" = ["SCK2"]\n')
    (root / "lib" / "pyproject.toml").write_text(
        '[project]\nname = "lib"\n\n[tool.lint-sockets]\nselect = ["SCK5"]\n'
        '[tool.lint-sockets.per-file-ignores]\n"checks/**/*.py" = ["SCK501"]\n')
    (root / "tool" / "pyproject.toml").write_text('[project]\nname = "tool"\n')
    for path in ("app/server.py", "app/checks/server.py", "lib/server.py",
                 "lib/checks/unit/deep/server.py", "tool/server.py"):
        (root / path).write_text(SERVER)
    return root


def test_each_file_takes_the_nearest_configuration_with_a_table(tmp_path):
    root = nested(tmp_path)
    expected = [
        # checks/*.py is relative to the root's directory: app/checks is not checks/
        ("app/checks/server.py", "SCK202"), ("app/checks/server.py", "SCK501"),
        ("app/server.py", "SCK202"), ("app/server.py", "SCK501"),
        ("lib/server.py", "SCK501"),  # lib's own select
        # lib/checks/unit/deep/server.py: `**` spans directories, SCK501 ignored there
        ("tool/server.py", "SCK202"), ("tool/server.py", "SCK501"),  # no table: the root's
    ]
    result, found = codes(root, ".")
    assert found == expected, result.stderr
    # the same findings whatever the working directory
    result, found = codes(root / "lib", "../app", ".", "../tool")
    assert sorted((f"lib/{p}" if not p.startswith("..") else p[3:], c) for p, c in found) \
        == expected, result.stderr


def test_app_checks_glob_is_relative_to_the_file_that_holds_it(tmp_path):
    root = nested(tmp_path)
    (root / "checks").mkdir()
    (root / "checks" / "server.py").write_text(SERVER)
    _, found = codes(root, "checks")
    assert found == [("checks/server.py", "SCK501")]


def test_double_star_globs_in_exclude(tmp_path):
    root = project(tmp_path, 'extend-exclude = ["**/generated/*.py", "vendor/**"]\n')
    for directory in ("a/b/generated", "generated", "vendor/x/y", "a/vendor"):
        (root / directory).mkdir(parents=True)
        (root / directory / "server.py").write_text(SERVER)
    result = subprocess.run([sys.executable, "-m", "lint_sockets", "--show-files", "."],
                            cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    # vendor/** is anchored at the configuration's directory: a/vendor is still checked
    assert result.stdout.splitlines() == ["a/vendor/server.py", "client.py", "server.py"]


def test_show_settings_says_where_each_setting_comes_from(tmp_path):
    root = nested(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "lint_sockets", "--ignore", "SCK502", "--show-settings",
         "lib/checks/unit/deep/server.py"], cwd=root, capture_output=True, text=True,
        timeout=120)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    lib = root / "lib" / "pyproject.toml"
    assert f"configuration: {lib}" in out
    assert f'select = ["SCK5"]\n      from {lib}:5: [tool.lint-sockets] select' in out
    assert 'ignore = ["SCK502"]\n      from --ignore' in out
    assert f"from {lib}:6: [tool.lint-sockets] per-file-ignores" in out
    assert 'target-version = "py39"\n      from default' in out
    assert "rules that run on this file: none" in out  # SCK501 ignored here, SCK502 too
    assert "excluded: no" in out


def test_bad_configuration_names_the_file_the_key_and_its_line(tmp_path):
    root = project(tmp_path, 'select = ["SCK5"]\nignore = "SCK5"\n', '[project]\nname = "x"\n')
    result, _ = codes(root)
    assert f"{root / 'pyproject.toml'}:5: [tool.lint-sockets] ignore must be a list" \
        in result.stderr
    root = project(tmp_path, 'select = ["SCK5"]\n\nselct = ["SCK1"]\n')
    result, _ = codes(root)
    assert ":4: unknown key in [tool.lint-sockets]: selct (did you mean 'select'?)" \
        in result.stderr
    root = project(tmp_path, '[tool.lint-sockets.per-file-ignores]\n"*.py" = ["XYZ1"]\n')
    result, _ = codes(root)
    assert ":3: [tool.lint-sockets] per-file-ignores '*.py': unknown rule code or prefix " \
        "'XYZ1'" in result.stderr
    assert result.returncode == 2 and "Traceback" not in result.stderr


# --- the cache lives at the project root -----------------------------------------------------

def _cached(directory):
    return sorted(p.name for p in directory.rglob("*.json")) if directory.is_dir() else []


def test_cache_lives_at_the_project_root_whatever_the_working_directory(tmp_path):
    root = project(tmp_path)
    (root / "src").mkdir()
    (root / "src" / "server.py").write_text(SERVER)
    env = {k: v for k, v in __import__("os").environ.items() if k != "LINT_SOCKETS_CACHE_DIR"}
    subprocess.run([sys.executable, "-m", "lint_sockets", "."], cwd=root / "src",
                   capture_output=True, timeout=120, env=env)
    assert not (root / "src" / ".lint_sockets_cache").exists()
    assert _cached(root / ".lint_sockets_cache")
    other = tmp_path / "elsewhere-cache"
    subprocess.run([sys.executable, "-m", "lint_sockets", "--cache-dir", str(other), "."],
                   cwd=root, capture_output=True, timeout=120, env=env)
    assert _cached(other)
    env["LINT_SOCKETS_CACHE_DIR"] = str(tmp_path / "from-env")
    subprocess.run([sys.executable, "-m", "lint_sockets", "."], cwd=root,
                   capture_output=True, timeout=120, env=env)
    assert _cached(tmp_path / "from-env")


def test_cache_keeps_each_files_settings_apart(tmp_path):
    root = nested(tmp_path)
    first, found = codes_cached(root)
    second, again = codes_cached(root)
    assert found == again and found, first.stderr + second.stderr
    (root / "lib" / "pyproject.toml").write_text('[tool.lint-sockets]\nselect = ["SCK2"]\n')
    _, changed = codes_cached(root)
    assert ("lib/server.py", "SCK202") in changed and ("lib/server.py", "SCK501") not in changed


def codes_cached(root):
    result = subprocess.run([sys.executable, "-m", "lint_sockets", "--output-format",
                             "concise", "."], cwd=root, capture_output=True, text=True,
                            timeout=120)
    return result, sorted({(line.split(":")[0], line.split()[1])
                           for line in result.stdout.splitlines() if ": SCK" in line})

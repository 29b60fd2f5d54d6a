"""The target version from packaging files when pyproject.toml has no requires-python."""

import os
import subprocess
import sys

import pytest

from lint_sockets import config, pyversions
from lint_sockets.pyversions import packaging_target

from test_config import SERVER


@pytest.mark.parametrize("name, text, expected", [
    ("setup.cfg", "[metadata]\nname = x\n[options]\npython_requires = >=2.7, !=3.0.*\n", (2, 7)),
    ("setup.cfg", "[options]\npython_requires = >=3.8\n", (3, 8)),
    ("setup.py", "from setuptools import setup\nsetup(name='x', python_requires='>=2.6')\n",
     (2, 6)),
    ("setup.py", "import setuptools\nsetuptools.setup(python_requires='>=3.7')\n", (3, 7)),
    ("PKG-INFO", "Metadata-Version: 2.1\nName: x\nRequires-Python: >=2.7\n\nRequires-Python: >=3.9\n",
     (2, 7)),
    ("PKG-INFO", "Metadata-Version: 1.1\nName: x\n"
                 "Classifier: Programming Language :: Python :: 2\n"
                 "Classifier: Programming Language :: Python :: 3\n", (2, 7)),
    ("PKG-INFO", "Metadata-Version: 1.1\nClassifier: Programming Language :: Python :: 2.6\n"
                 "Classifier: Programming Language :: Python :: 2.7\n", (2, 6)),
    ("setup.py", "from distutils.core import setup\nsetup(classifiers=[\n"
                 "    'Programming Language :: Python :: 2.7',\n"
                 "    'Programming Language :: Python :: 3'])\n", (2, 7)),
    ("setup.cfg", "[metadata]\nclassifiers =\n    Programming Language :: Python :: 2 :: Only\n",
     (2, 7)),
    # ``classifier`` is setuptools' alias of ``classifiers``; pbr's ``python_requires`` (or
    # ``python-requires``) under [metadata] counts only in a project that builds with pbr
    # (test below)
    ("setup.cfg", "[metadata]\nname = x\nclassifier =\n"
                  "    Programming Language :: Python :: 2.6\n"
                  "    Programming Language :: Python :: 2.7\n", (2, 6)),
    ("setup.cfg", "[metadata]\npython-requires = >=3.6\n", None),
    # with nothing else, the oldest Python 3.N classifier is the lowest version claimed
    ("PKG-INFO", "Metadata-Version: 1.1\nClassifier: Programming Language :: Python :: 3.6\n"
     "Classifier: Programming Language :: Python :: 3.10\n", (3, 6)),
    ("PKG-INFO", "Metadata-Version: 1.1\nClassifier: Programming Language :: Python :: 3\n",
     None),
    # a name the module binds once to a literal is read as that literal
    ("setup.py", "from setuptools import setup\nCLASSIFIERS = [\n"
                 "    'Programming Language :: Python :: 2',\n"
                 "    'Programming Language :: Python :: 3.8']\n"
                 "setup(name='x', classifiers=CLASSIFIERS)\n", (2, 7)),
    ("setup.py", "from setuptools import setup\nREQUIRES = '>=2.6'\n"
                 "setup(python_requires=REQUIRES)\n", (2, 6)),
    # ... and only then: bound twice, or to anything but a literal, it is never evaluated
    ("setup.py", "from setuptools import setup\nREQ = '>=2.6'\nREQ = '>=3.8'\n"
                 "setup(python_requires=REQ)\n", None),
    ("setup.py", "from setuptools import setup\nCLASSIFIERS = ['Programming Language :: "
                 "Python :: 2']\nCLASSIFIERS += []\nsetup(classifiers=CLASSIFIERS)\n", None),
    # a python_requires that is not a literal is never evaluated
    ("setup.py", "from setuptools import setup\nsetup(python_requires=REQ)\n", None),
    ("setup.py", "from setuptools import setup\nREQ = read('REQ')\nsetup(python_requires=REQ)\n",
     None),
    # setup(**config): the mapping is built out of the call, in a dict(...) call or a dict
    # display of the file, whose classifiers= and python_requires= are the metadata
    ("setup.py", "from setuptools import setup\ndef configuration():\n"
                 "    return dict(name='x', classifiers=[\n"
                 "        'Programming Language :: Python :: 2',\n"
                 "        # 'Programming Language :: Python :: 3',\n"
                 "    ])\nsetup(**configuration())\n", (2, 7)),
    ("setup.py", "from setuptools import setup\n"
                 "META = {'name': 'x', 'python_requires': '>=2.6'}\nsetup(**META)\n", (2, 6)),
    # ... but only for an unpacked setup(): a dict(...) elsewhere says nothing
    ("setup.py", "from setuptools import setup\n"
                 "OLD = dict(classifiers=['Programming Language :: Python :: 2'])\n"
                 "setup(name='x')\n", None),
    ("setup.py", "def broken(:\n", None),
    ("setup.cfg", "not an ini file [\n", None),
    # a setup.py that only Python 2 parses (print statements) is read by its tokens
    ("setup.py", "import sys\nif sys.version_info[0] != 2:\n    print 'Python 2 only'\n"
                 "    sys.exit(1)\nfrom distutils.core import setup\n"
                 "setup(name='x', classifiers=[\n"
                 "    'Programming Language :: Python :: 2.4',  # the oldest\n"
                 "    'Programming Language :: Python'\n    ' :: 2.7',\n])\n", (2, 4)),
    ("setup.py", "print 'building'\nCLASSIFIERS = ['Programming Language :: Python :: 2.6']\n"
                 "setup(classifiers=CLASSIFIERS, python_requires='>=2.5')\n", (2, 5)),
    ("setup.py", "print 'building'\nCLASSIFIERS = ['Programming Language :: Python :: 2.6']\n"
                 "setup(classifiers=CLASSIFIERS)\n", (2, 6)),
    # ... where only literals count: a name bound twice, a call, a keyword outside a call
    ("setup.py", "print 'x'\nC = ['Programming Language :: Python :: 2']\n"
                 "C = ['Programming Language :: Python :: 3']\nsetup(classifiers=C)\n", None),
    ("setup.py", "print 'x'\nsetup(classifiers=make(), python_requires=REQ)\n", None),
    ("setup.py", "print 'x'\npython_requires = '>=2.6'\n", None),
    ("setup.py", "print 'x'\nsetup(classifiers=['Programming Language :: Python :: 2', f(x)])\n",
     None),
    ("setup.py", "print 'x'\ns = \"\"\"unterminated\n", None),
])
def test_packaging_files(tmp_path, name, text, expected):
    (tmp_path / name).write_text(text)
    assert packaging_target(str(tmp_path)) == expected


@pytest.mark.parametrize("setup_py, pyproject", [
    ("import setuptools\nsetuptools.setup(setup_requires=['pbr>=2.0'], pbr=True)\n", None),
    ("from setuptools import setup\nsetup(setup_requires=[\"pbr\"])\n", None),
    (None, '[build-system]\nrequires = ["pbr>=6"]\nbuild-backend = "pbr.build"\n'),
])
def test_pbr_keys_of_setup_cfg_count_in_a_pbr_project(tmp_path, setup_py, pyproject):
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = x\npython_requires = >=2.6\n")
    assert packaging_target(str(tmp_path)) is None  # no pbr: setuptools ignores the key
    assert not pyversions.packaging_declares_python(str(tmp_path))
    if setup_py is not None:
        (tmp_path / "setup.py").write_text(setup_py)
    if pyproject is not None:
        (tmp_path / "pyproject.toml").write_text(pyproject)
    assert packaging_target(str(tmp_path)) == (2, 6)
    assert pyversions.packaging_declares_python(str(tmp_path))
    (tmp_path / "setup.cfg").write_text("[metadata]\npython_requires = >=2.7\n"
                                        "[options]\npython_requires = >=3.8\n")
    assert packaging_target(str(tmp_path)) == (3, 8)
    (tmp_path / "setup.cfg").write_text("[metadata]\npython-requires = >=3.6\n")
    assert packaging_target(str(tmp_path)) == (3, 6)


def test_setup_cfg_of_a_project_without_pbr_counts_setuptools_keys_only(tmp_path):
    (tmp_path / "setup.py").write_text("import setuptools\nsetuptools.setup(name='x')\n")
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = x\nclassifier =\n"
                                        "    Programming Language :: Python :: 2.7\n"
                                        "    Programming Language :: Python :: 3.3\n"
                                        "classifiers =\n"
                                        "    Programming Language :: Python :: 3.9\n")
    assert packaging_target(str(tmp_path)) == (3, 9)
    assert not pyversions.packaging_python2_only(str(tmp_path))
    # setuptools takes ``classifier`` alone as ``classifiers``: the systems it names count
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = x\nclassifier =\n"
                                        "    Operating System :: POSIX :: Linux\n"
                                        "    Programming Language :: Python :: 3.8\n")
    assert packaging_target(str(tmp_path)) == (3, 8)
    assert pyversions.packaging_systems_and_origin(str(tmp_path))[0] == {"linux"}


def test_order_setup_cfg_then_setup_py_then_pkg_info(tmp_path):
    (tmp_path / "PKG-INFO").write_text("Requires-Python: >=3.6\n")
    assert packaging_target(str(tmp_path)) == (3, 6)
    (tmp_path / "setup.py").write_text("setup(python_requires='>=3.4')\n")
    assert packaging_target(str(tmp_path)) == (3, 4)
    (tmp_path / "setup.cfg").write_text("[options]\npython_requires = >=2.7\n")
    assert packaging_target(str(tmp_path)) == (2, 7)


def test_setup_py_is_never_run(tmp_path):
    marker = tmp_path / "ran"
    (tmp_path / "setup.py").write_text(
        f"open({str(marker)!r}, 'w').close()\nsetup(python_requires='>=2.7')\n")
    assert packaging_target(str(tmp_path)) == (2, 7)
    assert not marker.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_setup_py_does_not_block(tmp_path):
    os.mkfifo(tmp_path / "setup.py")
    assert packaging_target(str(tmp_path)) is None


def test_requires_python_wins_and_classifiers_of_pyproject_count(tmp_path):
    (tmp_path / "setup.cfg").write_text("[options]\npython_requires = >=2.7\n")
    (tmp_path / "pyproject.toml").write_text('[project]\nrequires-python = ">=3.8"\n')
    assert config.load(str(tmp_path / "pyproject.toml")).target_version() == (3, 8)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nclassifiers = ["Programming Language :: Python :: 2.7"]\n')
    (tmp_path / "setup.cfg").unlink()
    assert config.load(str(tmp_path / "pyproject.toml")).target_version() == (2, 7)


def _sck202(cwd, *args):
    result = subprocess.run([sys.executable, "-m", "lint_sockets", "--no-cache",
                             "--output-format", "concise", "--select", "SCK202", *args],
                            cwd=cwd, capture_output=True, text=True, timeout=120)
    return "SCK202" in result.stdout


def test_command_reads_setup_py_without_a_pyproject(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "server.py").write_text(SERVER)
    assert _sck202(tmp_path)
    (tmp_path / "setup.py").write_text("from setuptools import setup\n"
                                       "setup(name='x', python_requires='>=2.7')\n")
    assert not _sck202(tmp_path)
    assert _sck202(tmp_path, "--target-version", "py39")
    (tmp_path / "setup.py").unlink()
    assert not _sck202(tmp_path, "--target-version", "py27")


def test_flake8_plugin_derives_the_target_the_same_way(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from lint_sockets import flake8_plugin

    (tmp_path / "setup.cfg").write_text("[options]\npython_requires = >=2.7\n")
    (tmp_path / "pkg").mkdir()
    module = str(tmp_path / "pkg" / "mod.py")
    other = tmp_path / "other"
    other.mkdir()
    (other / "pyproject.toml").write_text('[project]\nrequires-python = ">=3.8"\n')
    monkeypatch.chdir(other)  # the file's project decides, not the working directory
    options = SimpleNamespace(sck_target_version=None, sck_socket_names=None)
    try:
        flake8_plugin.Plugin.parse_options(options)
        assert flake8_plugin._settings(module).target_version == (2, 7)
        assert flake8_plugin._settings(str(other / "m.py")).target_version == (3, 8)
        options.sck_target_version = "py38"
        flake8_plugin.Plugin.parse_options(options)
        assert flake8_plugin._settings(module).target_version == (3, 8)
    finally:
        flake8_plugin._SETTINGS = flake8_plugin._RESOLVER = None


def test_python2_target_allows_indexing_exceptions_and_str_eof_tests():
    from lint_sockets.engine import lint_source
    from lint_sockets.settings import Settings

    source = (
        "import socket\n"
        "def pump(sock: socket.socket, out):\n"
        "    while True:\n"
        "        try:\n"
        "            data = sock.recv(10)\n"
        "        except socket.error as e:\n"
        "            if e[0] == 104:\n"
        "                return\n"
        "            raise\n"
        "        if data == '':\n"
        "            break\n"
        "        out.write(data)\n"
    )
    py3 = {d.code for d in lint_source(source, Settings(select=["SCK101", "SCK903"]))}
    py2 = {d.code for d in lint_source(source, Settings(select=["SCK101", "SCK903"],
                                                        target_version=(2, 7)))}
    assert py3 == {"SCK101", "SCK903"}
    assert py2 == set()


def test_str_accumulator_is_reported_only_for_a_python2_target():
    # str + bytes raises TypeError on Python 3: the loop never spins there; on Python 2
    # recv() returns str and the loop spins once the peer closes.
    from lint_sockets.engine import lint_source
    from lint_sockets.settings import Settings

    source = (
        "import socket\n"
        "def banner(sock: socket.socket):\n"
        "    data = ''\n"
        "    while '\\r\\n' not in data:\n"
        "        data += sock.recv(1024)\n"
        "    return data\n"
    )
    py3 = [d.line for d in lint_source(source, Settings(select=["SCK101"]))]
    py2 = [d.line for d in lint_source(source, Settings(select=["SCK101"],
                                                        target_version=(2, 7)))]
    assert py3 == []
    assert py2 == [5]


def test_str_sent_is_reported_only_for_a_python2_target():
    # send() of a str raises TypeError on Python 3 before a byte is written; on Python 2 a
    # str is what send() writes, and it may write only part of it.
    from lint_sockets.engine import lint_source
    from lint_sockets.settings import Settings

    source = (
        "import socket\n"
        "def greet(sock: socket.socket, name):\n"
        "    sock.setblocking(False)\n"
        "    try:\n"
        "        sock.send('NICK %s\\r\\n' % name)\n"
        "        line = 'QUIT :' + name\n"
        "        sock.send(line)\n"
        "        sock.send(name.encode())\n"
        "    except BlockingIOError:\n"
        "        pass\n"
    )
    py3 = [d.line for d in lint_source(source, Settings(select=["SCK601"]))]
    py2 = [d.line for d in lint_source(source, Settings(select=["SCK601"],
                                                        target_version=(2, 7)))]
    assert py3 == [8]
    assert py2 == [5, 7, 8]


def test_pkg_info_classifiers_after_an_old_style_description(tmp_path):
    # Metadata-Version 1.x writes the description as a header: its blank lines are indented,
    # and the classifiers come after it.
    (tmp_path / "PKG-INFO").write_text(
        "Metadata-Version: 1.1\nName: x\nDescription: A client.\n        \n"
        "        Usage:\n        \n        import x\n        \n"
        "Platform: UNKNOWN\nClassifier: Programming Language :: Python :: 2.7\n"
        "Classifier: Programming Language :: Python :: 3\n\nbody: Requires-Python: >=3.9\n")
    assert packaging_target(str(tmp_path)) == (2, 7)


@pytest.mark.parametrize("name, text, origin", [
    ("setup.cfg", "[options]\npython_requires = >=2.7\n", "setup.cfg: [options] python_requires"),
    ("setup.py", "setup(python_requires='>=3.6')\n", "setup.py: setup(python_requires=...)"),
    ("PKG-INFO", "Requires-Python: >=3.5\n", "PKG-INFO: Requires-Python"),
    ("PKG-INFO", "Classifier: Programming Language :: Python :: 2\n",
     "PKG-INFO: Programming Language :: Python :: 2 classifiers"),
])
def test_show_settings_names_the_packaging_file(tmp_path, name, text, origin):
    (tmp_path / name).write_text(text)
    (tmp_path / "server.py").write_text(SERVER)
    out = subprocess.run([sys.executable, "-m", "lint_sockets", "--show-settings",
                          str(tmp_path / "server.py")], capture_output=True, text=True,
                         cwd=str(tmp_path))
    lines = out.stdout.splitlines()
    row = [i for i, line in enumerate(lines) if line.strip().startswith("target-version")]
    assert row, out.stdout + out.stderr
    assert lines[row[0] + 1].strip().startswith("from ") and origin in lines[row[0] + 1], \
        out.stdout


# --- the operating systems a project declares ------------------------------------------------

@pytest.mark.parametrize("classifiers, systems", [
    (["Operating System :: POSIX :: Linux"], {"linux"}),
    (["Operating System :: POSIX :: Linux", "Operating System :: MacOS :: MacOS X"],
     {"linux", "bsd"}),
    (["Operating System :: Microsoft :: Windows :: Windows 10"], {"windows"}),
    (["Operating System :: POSIX"], {"linux", "bsd", "other"}),
    (["Operating System :: Unix", "Operating System :: POSIX :: BSD :: FreeBSD"],
     {"linux", "bsd", "other"}),
    (["Operating System :: Android"], {"linux"}),
    # every system, or a classifier that names none of the families: no restriction
    (["Operating System :: OS Independent", "Operating System :: POSIX :: Linux"], None),
    (["Operating System :: POSIX", "Operating System :: Microsoft :: Windows"], None),
    (["Operating System :: Microsoft :: MS-DOS"], None),
    (["Operating System :: POSIX :: Linux", "Operating System :: Other OS"], None),
    (["Programming Language :: Python :: 3"], None),
    ([], None),
])
def test_the_operating_systems_classifiers_name(tmp_path, classifiers, systems):
    lines = "".join(f"    {c}\n" for c in classifiers)
    (tmp_path / "setup.cfg").write_text(f"[metadata]\nname = x\nclassifiers =\n{lines}")
    found = pyversions.packaging_systems_and_origin(str(tmp_path))
    if systems is None:
        assert found is None
    else:
        assert found == (frozenset(systems),
                         f"{tmp_path / 'setup.cfg'}: Operating System classifiers")


@pytest.mark.parametrize("name, text", [
    ("setup.py", "from setuptools import setup\nsetup(classifiers=[\n"
                 "    'Operating System :: POSIX :: Linux',\n])\n"),
    ("PKG-INFO", "Metadata-Version: 2.1\nName: x\n"
                 "Classifier: Operating System :: POSIX :: Linux\n"),
    ("pyproject.toml", "[project]\nname = 'x'\n"
                       "classifiers = ['Operating System :: POSIX :: Linux']\n"),
])
def test_a_linux_only_project_has_no_accept_abort_finding(tmp_path, name, text):
    """The command line and the flake8 plugin read the classifiers from each packaging
    file: a Linux-only project's accept loop is not reported, and --show-settings says
    where the systems come from."""
    (tmp_path / name).write_text(text)
    (tmp_path / "server.py").write_text(SERVER)
    checked = subprocess.run([sys.executable, "-m", "lint_sockets", "--no-cache",
                              "--select", "SCK501", "server.py"], capture_output=True,
                             text=True, cwd=str(tmp_path))
    assert checked.returncode == 0 and "SCK501" not in checked.stdout, checked.stdout
    shown = subprocess.run([sys.executable, "-m", "lint_sockets", "--show-settings",
                            "server.py"], capture_output=True, text=True, cwd=str(tmp_path))
    lines = shown.stdout.splitlines()
    row = [i for i, line in enumerate(lines) if line.strip() == "operating systems: linux"]
    assert row, shown.stdout + shown.stderr
    assert lines[row[0] + 1].strip() == \
        f"from {tmp_path / name}: Operating System classifiers"
    (tmp_path / name).unlink()
    checked = subprocess.run([sys.executable, "-m", "lint_sockets", "--no-cache",
                              "--select", "SCK501", "server.py"], capture_output=True,
                             text=True, cwd=str(tmp_path))
    assert "SCK501" in checked.stdout, checked.stdout


# --- syntax an older target accepts (SCK000) ---------------------------------------------------

PY2_FILE = "import socket\nprint 'connecting'\n"
ASYNC_NAME = "import socket\n\n\ndef async(call):\n    return call\n"


def _lint_project(tmp_path, files):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return subprocess.run([sys.executable, "-m", "lint_sockets", "--no-cache",
                           "--output-format", "concise", "."],
                          capture_output=True, text=True, cwd=str(tmp_path))


@pytest.mark.parametrize("packaging", [
    {"setup.py": "from setuptools import setup\nsetup(classifiers=["
                 "'Programming Language :: Python :: 2.7'])\n"},
    {"setup.py": "from setuptools import setup\nprint 'Python 2 only'\nsetup(classifiers=["
                 "'Programming Language :: Python :: 2.7'])\n"},
    {"setup.cfg": "[options]\npython_requires = >=2.6, <3\n"},
    {"pyproject.toml": "[project]\nname = 'x'\nrequires-python = '==2.7.*'\n"},
    {"PKG-INFO": "Metadata-Version: 1.1\nName: x\n"
                 "Classifier: Programming Language :: Python :: 2\n"},
])
def test_python2_syntax_of_a_python2_only_project_is_not_checked_not_broken(tmp_path, packaging):
    out = _lint_project(tmp_path, {**packaging, "client.py": PY2_FILE})
    assert out.returncode == 0, out.stdout
    assert "SCK000" not in out.stdout
    assert "client.py: not checked" in out.stderr
    assert "no Python 3" in out.stderr


@pytest.mark.parametrize("packaging", [
    {"setup.py": "from setuptools import setup\nsetup(classifiers=["
                 "'Programming Language :: Python :: 2.7', "
                 "'Programming Language :: Python :: 3'])\n"},
    {"setup.cfg": "[options]\npython_requires = >=2.7\n"},
    {"setup.py": "from setuptools import setup\nsetup(classifiers=["
                 "'Programming Language :: Python :: 3'])\n"},
])
def test_python2_syntax_is_broken_where_the_project_claims_python3(tmp_path, packaging):
    out = _lint_project(tmp_path, {**packaging, "client.py": PY2_FILE})
    assert out.returncode == 1
    assert "client.py:2:1: SCK000" in out.stdout


def test_an_explicit_py27_target_still_reports_python2_syntax(tmp_path):
    out = _lint_project(tmp_path, {
        "pyproject.toml": "[tool.lint-sockets]\ntarget-version = 'py27'\n",
        "client.py": PY2_FILE})
    assert "client.py:2:1: SCK000" in out.stdout


@pytest.mark.parametrize("requires, reported", [
    (">=3.5", False),   # async is a name up to 3.6
    (">=2.7", False),   # the oldest Python 3 grammar there is (3.4) accepts it
    (">=3.7", True),
    # no declaration: nothing says a Python before 3.7 is not meant; 3.6's grammar accepts it
    (None, False),
])
def test_async_as_a_name_is_judged_by_the_target_grammar(tmp_path, requires, reported):
    files = {"client.py": ASYNC_NAME}
    if requires:
        files["setup.cfg"] = f"[options]\npython_requires = {requires}\n"
    out = _lint_project(tmp_path, files)
    assert ("client.py:4:5: SCK000" in out.stdout) == reported
    assert ("not checked" in out.stderr) != reported


def test_a_real_syntax_error_of_an_old_target_is_still_reported(tmp_path):
    out = _lint_project(tmp_path, {"setup.cfg": "[options]\npython_requires = >=3.5\n",
                                   "client.py": "import socket\ndef f(:\n    pass\n"})
    assert "client.py:2:7: SCK000" in out.stdout


# --- an unpacked wheel, 2to3 conversion, Python 2 string escapes --------------------------------

NEWER_SYNTAX = "import socket\n\ntype Address = tuple[str, int]\n"


def _wheel(tmp_path, name, requires):
    info = tmp_path / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\n"
                                   f"Requires-Python: {requires}\n\nA description.\n")


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="needs a Python without PEP 695")
@pytest.mark.parametrize("wheels, says", [
    (["proxy"], "the project targets Python 3.12"),  # the unpacked wheel's METADATA
    # several: nothing says whose files these are; none: nothing at all. Either way the
    # project declares no version, and the error is Python 3.12's type alias statement
    (["proxy", "other"], "does not name the oldest Python it supports, and this is a type alias"),
    ([], "does not name the oldest Python it supports, and this is a type alias"),
])
def test_requires_python_of_the_one_dist_info_beside_the_code(tmp_path, wheels, says):
    for name in wheels:
        _wheel(tmp_path, name, ">=3.12")
    package = tmp_path / "proxy"
    package.mkdir()
    (package / "types.py").write_text(NEWER_SYNTAX)
    out = subprocess.run([sys.executable, "-m", "lint_sockets", "--no-cache",
                          "--output-format", "concise", "."],
                         capture_output=True, text=True, cwd=str(tmp_path))
    assert "SCK000" not in out.stdout, out.stdout + out.stderr
    assert says in out.stderr, out.stderr


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="needs a Python without PEP 695")
def test_a_dist_info_that_admits_an_older_python_keeps_the_finding(tmp_path):
    _wheel(tmp_path, "proxy", ">=3.8")
    (tmp_path / "proxy").mkdir()
    (tmp_path / "proxy" / "types.py").write_text(NEWER_SYNTAX)
    out = subprocess.run([sys.executable, "-m", "lint_sockets", "--no-cache",
                          "--output-format", "concise", "."],
                         capture_output=True, text=True, cwd=str(tmp_path))
    assert "types.py:3:6: SCK000" in out.stdout, out.stdout + out.stderr


def test_a_dist_info_link_is_not_read(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _wheel(elsewhere, "proxy", ">=2.6, <3")
    project = tmp_path / "project"
    project.mkdir()
    os.symlink(elsewhere / "proxy-1.0.dist-info", project / "proxy-1.0.dist-info")
    assert pyversions.wheel_metadata(str(project)) is None
    assert pyversions.wheel_metadata(str(elsewhere)) == \
        str(elsewhere / "proxy-1.0.dist-info" / "METADATA")


@pytest.mark.parametrize("setup, converted", [
    ("from setuptools import setup\nsetup(name='x', use_2to3=True)\n", True),
    ("import sys\nfrom setuptools import setup\nextras = {}\n"
     "if sys.version_info[0] >= 3:\n    extras['use_2to3'] = True\n"
     "setup(name='x', **extras)\n", True),
    ("from setuptools import setup\nsetup(name='x', **{'use_2to3': True})\n", True),
    ("from setuptools import setup\nsetup(name='x', use_2to3=False)\n", False),
    ("from setuptools import setup\n# use_2to3=True was dropped\nsetup(name='x')\n", False),
])
def test_python2_syntax_of_a_project_converted_by_2to3_is_not_checked(tmp_path, setup,
                                                                      converted):
    (tmp_path / "pkg").mkdir()
    # the project claims Python 3 (else its code would decide, and it is all Python 2)
    out = _lint_project(tmp_path, {"setup.py": setup, "pkg/__init__.py": "",
                                   "setup.cfg": "[options]\npython_requires = >=2.7\n",
                                   "pkg/client.py": PY2_FILE, "example.py": PY2_FILE})
    assert ("client.py:2:1: SCK000" in out.stdout) != converted, out.stdout
    assert ("client.py: not checked" in out.stderr) == converted, out.stderr
    assert ("converts the modules of its packages with 2to3" in out.stderr) == converted
    # 2to3 converts what setuptools installs, the modules of packages: a script beside
    # them is Python 2 source that no Python 3 runs
    assert "example.py:2:1: SCK000" in out.stdout


PY2_ESCAPE = "import json\n\n\ndef char(s):\n    return json.loads('\"\\u00%s\"' % s)\n"


@pytest.mark.parametrize("classifier, reported", [("2", False), ("3", True)])
def test_a_unicode_escape_in_a_plain_string_is_python2_syntax(tmp_path, classifier,
                                                              reported):
    out = _lint_project(tmp_path, {
        "setup.py": "from setuptools import setup\nsetup(classifiers=["
                    f"'Programming Language :: Python :: {classifier}'])\n",
        "client.py": PY2_ESCAPE})
    assert ("client.py:5:" in out.stdout and "SCK000" in out.stdout) == reported, out.stdout
    assert ("client.py: not checked" in out.stderr) != reported, out.stderr
    assert "declared encoding" not in out.stdout


# A project that says nothing about the Pythons it supports is judged by its code.
UNDECLARED = {"setup.py": "from setuptools import setup\nsetup(name='client')\n"}


@pytest.mark.parametrize("packaging", [UNDECLARED, {}])  # {}: a file of no project
def test_python2_syntax_of_an_undeclared_python2_project_is_not_checked(tmp_path, packaging):
    out = _lint_project(tmp_path, {**packaging, "client.py": PY2_FILE,
                                   "util.py": "def pair(a, b):\n    return (a, b)\n"})
    assert out.returncode == 0, out.stdout
    assert "SCK000" not in out.stdout
    assert "client.py: not checked" in out.stderr
    assert "does not say which Pythons it supports" in out.stderr


def test_a_python3_import_picked_by_a_version_test_is_no_python3_evidence(tmp_path):
    # a module written for both Pythons picks the name by the version: no Python 3 code
    future = ("import sys\nif sys.version_info[0] == 3:\n    import http.client as httpclient\n"
              "elif sys.version_info[0] == 2:\n    import httplib as httpclient\n")
    out = _lint_project(tmp_path, {**UNDECLARED, "client.py": PY2_FILE, "future.py": future})
    assert out.returncode == 0, out.stdout
    assert "client.py: not checked" in out.stderr


@pytest.mark.parametrize("packaging, module", [
    ({"setup.py": "from setuptools import setup\n"
                  "setup(name='client', install_requires=['configparser>=3.5'])\n"},
     "import configparser\n"),
    ({"setup.py": "from setuptools import setup\nsetup(name='client')\n",
      "requirements.txt": "six\nfuture==0.18.3\n"}, "import queue\nfrom socketserver import X\n"),
    ({"setup.cfg": "[options]\ninstall_requires =\n    configparser; python_version < '3'\n"},
     "from configparser import RawConfigParser\n"),
])
def test_an_import_of_a_required_backport_is_no_python3_evidence(tmp_path, packaging, module):
    # the project requires the Python 2 backport of the module: code that imports it by its
    # Python 3 name may be Python 2 code
    out = _lint_project(tmp_path, {**packaging, "client.py": PY2_FILE, "util.py": module})
    assert out.returncode == 0, out.stdout
    assert "client.py: not checked" in out.stderr
    for name in packaging:
        (tmp_path / name).unlink()
    out = _lint_project(tmp_path, {**UNDECLARED, "requirements.txt": "six\n"})
    assert "client.py:2:1: SCK000" in out.stdout  # without the backport, Python 3 code


def test_an_import_of_a_sibling_named_like_a_python3_module_is_no_python3_evidence(tmp_path):
    # in a package holding queue.py, ``from queue import Queue`` is, on Python 2, the
    # implicit relative import of that module, not the standard library's Python 3 name
    files = {**UNDECLARED, "broker/__init__.py": "", "broker/queue.py": "class Queue: pass\n",
             "broker/peer.py": "from queue import Queue\n", "broker/client.py": PY2_FILE}
    out = _lint_project(tmp_path, files)
    assert out.returncode == 0, out.stdout
    assert "client.py: not checked" in out.stderr
    # ... and only there: outside the package, the import is the standard library's
    (tmp_path / "broker" / "peer.py").unlink()
    out = _lint_project(tmp_path, {"peer.py": "from queue import Queue\n"})
    assert "broker/client.py:2:1: SCK000" in out.stdout


@pytest.mark.parametrize("module", [
    "def greet(name):\n    return f'hello {name}'\n",
    "def size() -> int:\n    return 1\n",
    "async def main():\n    pass\n",
    "def counter():\n    n = 0\n    def up():\n        nonlocal n\n        n += 1\n"
    "    return up\n",
    "def each(items):\n    yield from items\n",
    # code that Python 2 parses but runs only on Python 3
    "import queue\n", "from urllib.parse import urlparse\n",
    "class A(B):\n    def __init__(self):\n        super().__init__()\n",
    "def f():\n    try:\n        g()\n    except KeyError as e:\n"
    "        raise ValueError('x') from e\n",
    "import sys\nprint('x', file=sys.stderr)\n",
])
def test_python2_syntax_is_broken_where_another_module_is_python3(tmp_path, module):
    out = _lint_project(tmp_path, {**UNDECLARED, "client.py": PY2_FILE, "util.py": module})
    assert out.returncode == 1
    assert "client.py:2:1: SCK000" in out.stdout


@pytest.mark.parametrize("vendor", ["vendor", "_vendor", "third_party", "lib/vendored"])
def test_python3_code_of_vendored_third_party_code_says_nothing_of_the_project(tmp_path,
                                                                               vendor):
    py3 = "def each(items):\n    yield from items\n"
    files = {**UNDECLARED, "client.py": PY2_FILE, f"{vendor}/dill/dill.py": py3}
    out = _lint_project(tmp_path, files)
    assert "SCK000" not in out.stdout, out.stdout
    assert "client.py: not checked" in out.stderr
    # the same module among the project's own makes it a Python 3 project
    out = _lint_project(tmp_path / "own", {**files, "dill/dill.py": py3})
    assert "client.py:2:1: SCK000" in out.stdout


def test_python3_syntax_in_the_broken_module_itself_keeps_the_finding(tmp_path):
    out = _lint_project(tmp_path, {"client.py": "import socket\nprint 'x'\nn = f'{socket}'\n"})
    assert "client.py:2:1: SCK000" in out.stdout


@pytest.mark.parametrize("text", [
    "import socket\n\n\ndef f(:\n    pass\n",         # broken in every Python
    "import socket\nx = (1,\n",                        # never closed
])
def test_an_error_that_is_no_python2_syntax_is_reported_in_an_undeclared_project(tmp_path,
                                                                                 text):
    out = _lint_project(tmp_path, {**UNDECLARED, "client.py": text})
    assert "client.py" in out.stdout and "SCK000" in out.stdout, out.stdout


# a bare ``Python :: 3`` classifier says Python 3, not which: the code says
PYTHON3_ONLY = {"setup.cfg": "[metadata]\nname = client\nclassifiers =\n"
                             "    Programming Language :: Python :: 3\n"
                             "    Programming Language :: Python :: 3 :: Only\n"}


@pytest.mark.parametrize("module, version", [
    ("type Pair = tuple[int, int]\n", "3.12"),
    ("def first[T](items: list[T]) -> T:\n    return items[0]\n", "3.12"),
    ("class Box[T]:\n    pass\n", "3.12"),
    ("def show(d):\n    return f\"{d[\"key\"]}\"\n", "3.12"),
    # Python 3.11 reads these 3.12 f-strings as a string ended early, and says so in
    # other words: a backslash, a string never ended, a bracket that does not match
    ("def show(lines):\n    return f\"{\"\\n\".join(lines)}\"\n", "3.12"),
    ("def show(a):\n    return f\"{a}{\")\"}\"\n", "3.12"),
    ('x = 1\ny = f"""{(\n    """\n    z\n    """\n)}"""\n', "3.12"),
    # a line break in a replacement field of a one-quote f-string
    ("def show(m, k):\n    return f\"/dev/{m['hello']\n        [k]}\"\n", "3.12"),
    # (Python 3 code beside it: in a module of Python 2 code this is Python 2's except)
    ("import socket\n\n\ndef f(s):\n    try:\n        s.recv(1)\n"
     "    except socket.timeout, ConnectionError:\n        pass\n\n\nx = f'{s}'\n", "3.14"),
    ("def f(who):\n    return t'hello {who}'\n", "3.14"),
])
@pytest.mark.parametrize("packaging", [UNDECLARED, {}, PYTHON3_ONLY])
def test_a_newer_grammar_in_an_undeclared_project_is_not_checked(tmp_path, module, version,
                                                                 packaging):
    if sys.version_info[:2] >= tuple(map(int, version.split("."))):
        pytest.skip(f"Python {version} compiles it")
    out = _lint_project(tmp_path, {**packaging, "client.py": module})
    assert "SCK000" not in out.stdout, out.stdout
    assert "client.py: not checked" in out.stderr, out.stderr
    assert "the project does not name the oldest Python it supports" in out.stderr
    assert f"which Python {version} accepts; run lint-sockets on Python {version}" \
        in out.stderr, out.stderr


@pytest.mark.parametrize("module", [
    # Python 2's except binds its last name, which no import or class of the module makes
    "import socket\n\n\ndef f(s):\n    try:\n        s.recv(1)\n"
    "    except socket.error, e:\n        pass\n\n\nx = f'{socket}'\n",
    # broken in every Python, beside a newer construct on another line
    "type Pair = tuple[int, int]\n\n\ndef f(:\n    pass\n",
    # a replacement field never closed, in a one-quote f-string
    "import socket\nx = f'{socket\n\ny = 1\n",
])
def test_an_error_that_no_newer_grammar_accepts_is_reported(tmp_path, module):
    out = _lint_project(tmp_path, {**UNDECLARED, "client.py": module})
    assert "client.py:" in out.stdout and "SCK000" in out.stdout, out.stdout


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="needs a Python without PEP 695")
@pytest.mark.parametrize("packaging", [
    {"pyproject.toml": "[project]\nname = 'c'\nrequires-python = '>=3.9'\n"},
    {"setup.cfg": "[metadata]\nname = client\nclassifiers =\n"
                  "    Programming Language :: Python :: 3\n"
                  "    Programming Language :: Python :: 3.8\n"},
])
def test_a_newer_construct_in_a_project_that_declares_an_older_python_is_reported(tmp_path,
                                                                                  packaging):
    out = _lint_project(tmp_path, {**packaging, "client.py": "type Pair = tuple[int, int]\n"})
    assert "client.py:1:" in out.stdout and "SCK000" in out.stdout, out.stdout


def test_a_file_linted_alone_is_judged_by_its_whole_project(tmp_path):
    files = {**UNDECLARED, "client.py": PY2_FILE, "util.py": "x = f'{1}'\n"}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    out = subprocess.run([sys.executable, "-m", "lint_sockets", "--no-cache",
                          "--output-format", "concise", "client.py"],
                         capture_output=True, text=True, cwd=str(tmp_path))
    assert "client.py:2:1: SCK000" in out.stdout
    (tmp_path / "util.py").write_text("x = '%s' % 1\n")
    out = subprocess.run([sys.executable, "-m", "lint_sockets", "--output-format", "concise",
                          "client.py"], capture_output=True, text=True, cwd=str(tmp_path))
    assert "SCK000" not in out.stdout and "client.py: not checked" in out.stderr


@pytest.mark.parametrize("line, message, expected", [
    ("print 'x'", "invalid syntax", True),
    ("    print >>sys.stderr, x", "invalid syntax", True),
    ("except socket.error, e:", "invalid syntax", True),
    ("raise ValueError, 'bad'", "invalid syntax", True),
    ("    raise exc_info[0], exc_info[1], exc_info[2]", "invalid syntax", True),
    ("def __call__(self, kind, (srow, scol), line):", "invalid syntax", True),
    ("anything", "Function parameters cannot be parenthesized", True),
    ("f = lambda (x, y): x", "Lambda expression parameters cannot be parenthesized", True),
    ("P = 0xFFFFFFFFL", "invalid hexadecimal literal", True),
    ("        self._close(async=True)", "invalid syntax", True),
    ("from __builtin__ import True", "invalid syntax", True),
    ("from __builtin__ import False, True", "invalid syntax", True),
    ("True, False = 1, 0", "cannot assign to True", True),
    ("    False = 0", "invalid syntax", True),
    ("    ok = f(flag=True) == (1", "invalid syntax", False),
    ("    if x == True: print(", "invalid syntax", False),
    ("    task = asyncio.async(coro)", "invalid syntax", True),
    ("    def async(self):", "invalid syntax", True),
    ("        self.async=None", "invalid syntax", True),
    ("        if len(c) != 1: raise TypeError, 'one character expected'", "invalid syntax",
     True),
    ("    if verbose: print 'sent', n", "invalid syntax", True),
    ("    if x: raise ValueError('a', 1", "invalid syntax", False),
    ("    d = {key: print}", "invalid syntax", False),
    ("    x.awaitable = 1", "invalid syntax", False),
    ("    x = await (fetch())", "invalid syntax", False),
    ("    await asyncio.sleep(1)", "invalid syntax", False),
    ("    raise 'UserError', 'no such object'", "invalid syntax", True),
    ("    raise \"UserError\", detail", "invalid syntax", True),
    ("    raise Error('a', 'b'", "invalid syntax", False),
    ("raise Error(a, b", "'(' was never closed", False),
    ("exec code in namespace", "invalid syntax", True),
    ("x = `y`", "invalid syntax", True),
    ("if a <> b:", "invalid syntax", True),
    ("os.chmod(path, 0755)", "invalid syntax", True),
    ("n = 10L", "invalid syntax", True),
    ("s = ur'x'", "invalid syntax", True),
    ("anything", "Missing parentheses in call to 'print'. Did you mean print(...)?", True),
    ("\tx = 1", "inconsistent use of tabs and spaces in indentation", True),
    ("printer = (1,", "'(' was never closed", False),
    ("x = 1.05 +", "invalid syntax", False),
    ("def f(:", "invalid syntax", False),
    ("print(x", "'(' was never closed", False),
])
def test_python2_statement(line, message, expected):
    assert pyversions.python2_statement("SyntaxError: " + message, line) is expected


@pytest.mark.parametrize("text, expected", [
    (b"x = f'{a}'", True), (b"x = [rf'{a}']", True), (b"def f() -> int:", True),
    (b"async def main():", True), (b"    nonlocal n", True), (b"    yield from it", True),
    (b"print 'x'", False), (b"args = ['-f', \"evax.fr'\"]", False),
    (b"options = [\"-f\"]", False), (b"if'x' == y: pass", False), (b"obj.nonlocal x", False),
    (b"stamp = '%f' % time.time()", False), (b"s = '%+f|%s:f'", False),
    (b"# chr(3).encode() -> b'\\x03'\n", False), (b"def f(a,\n      b) -> int:  # x\n", True),
    # inside strings and comments: no code
    (b"table = {'&': '=F', '(': '=H'}", False), (b"doc = \"use f'{a}' on Python 3\"", False),
    (b"# nonlocal total", False), (b"'''\nasync def run(): ...\n'''", False),
    (b"x = 'it''s' + f'{a}'", True), (b"elif'x' in y: z = f'{q}'", True),
])
def test_python3_syntax(text, expected):
    assert pyversions.python3_syntax(text) is expected


@pytest.mark.parametrize("text, expected", [
    (b"import queue", True), (b"    from http.server import HTTPServer", True),
    (b"import Queue", False), (b"from urllib import urlencode", False),
    (b"super().__init__()", True), (b"super(Server, self).__init__()", False),
    (b"raise ValueError('x') from None", True), (b"raise ValueError, 'x'", False),
    (b"raise Timeout('No response from %s' % host)", False), (b"raise Error from exc  # x", True),
    (b"print('x', end='')", True), (b"print('a', 'b')", False),
    (b"from __future__ import print_function\nprint('x', end='')", False),
    (b"print('x', file=sys.stderr)", True), (b"print('x == y')", False),
    # inside strings and comments: no code
    (b'"""Use super() to call the base class."""', False), (b"# import queue", False),
    (b"msg = 'raise ValueError from None'", False), (b"print('end=%s' % x)", False),
    # an import that tries one name and falls back to the other is code for both Pythons
    (b"try:\n    from Queue import Queue\nexcept ImportError:\n    from queue import Queue",
     False),
    (b"try:\n    # Python 3\n\n    import queue\nexcept ImportError:\n    import Queue as queue",
     False),
    (b"try:\n    import asyncio\nexcept (ImportError, SyntaxError):\n    asyncio = None", False),
    (b"try:\n    x = 1\nexcept ImportError:\n    pass\nfrom queue import Queue", True),
    (b"try:\n    if y:\n        import queue\nexcept ImportError:\n    pass", True),
    (b"if y:\n    import queue", True), (b"def f():\n    import queue", True),
    # so is one that picks the name by the Python version
    (b"if PY3:\n    import queue", False), (b"if six.PY2:\n    pass\nelse:\n    import queue",
                                           False),
    (b"if sys.version_info[0] == 3:\n    import http.client as httpclient\n"
     b"elif sys.version_info[0] == 2:\n    import httplib as httpclient", False),
    (b"if sys.version_info < (3,):\n    import Queue as queue\nelse:\n    # Python 3\n"
     b"    import queue", False),
    # also through names the module assigns from the version, at its top level
    (b"import sys\nreq_version = (3, 0)\ncur_version = sys.version_info\n"
     b"isp3 = cur_version >= req_version\nif isp3:\n    import configparser\nelse:\n"
     b"    import ConfigParser as configparser", False),
    (b"IS_PY3 = sys.version_info[0] == 3\nif not IS_PY3:\n    pass\nelse:\n    import queue",
     False),
    (b"def f():\n    isp3 = sys.version_info >= (3,)\nif isp3:\n    import queue", True),
    (b"isp3 = sys.version_info >= (3,)\nif other:\n    import queue", True),
    (b"if sys.version_info >= (3,):\n    pass\nelse:\n    x = 1\nimport queue", True),
    (b"if y:\n    pass\nelse:\n    import queue", True),
    (b"try:\n    pass\nexcept ImportError:\n    pass\nelse:\n    import queue", True),
    (b"try:\n    import queue\nexcept ImportError:\n    pass\nimport socketserver", True),
])
def test_python3_code(text, expected):
    assert pyversions.python3_code(text) is expected


def test_appledouble_metadata_is_not_python_source(tmp_path):
    (tmp_path / "._client.py").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X    ")
    (tmp_path / "broken.py").write_bytes(b"import socket\x00\n")
    out = _lint_project(tmp_path, {})
    assert "._client.py: not checked: this is AppleDouble metadata" in out.stderr
    assert "._client.py" not in out.stdout
    assert "broken.py:1:" in out.stdout and "SCK000" in out.stdout  # null bytes elsewhere


def test_a_markup_document_is_not_python_source(tmp_path):
    (tmp_path / "client2.py").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<ui version="4.0">\n</ui>\n')
    (tmp_path / "page.py").write_bytes(b"\xef\xbb\xbf\n  <!DOCTYPE html>\n<html></html>\n")
    (tmp_path / "compare.py").write_text("import socket\n< 3\n")
    out = _lint_project(tmp_path, {})
    for name in ("client2.py", "page.py"):
        assert f"{name}: not checked: this is an XML or HTML document" in out.stderr
        assert name not in out.stdout
    # a stray "<" later in a module is a broken module's, and a "<" that starts no tag too
    assert "compare.py:2:" in out.stdout and "SCK000" in out.stdout


def test_the_search_for_python3_code_follows_no_link(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "modern.py").write_text("x = f'{1}'\n")
    project = tmp_path / "project"
    project.mkdir()
    (project / "setup.py").write_text(UNDECLARED["setup.py"])
    (project / "client.py").write_text(PY2_FILE)
    try:
        os.symlink(outside / "modern.py", project / "modern.py")
    except (OSError, NotImplementedError):
        pytest.skip("no symbolic links here")
    assert pyversions.python3_project(str(project)) is False
    (project / "util.py").write_text("import queue\n")
    pyversions._PYTHON3_PROJECTS.clear()  # remembered per run
    assert pyversions.python3_project(str(project)) is True


@pytest.mark.parametrize("twins, python3", [
    # a version test picks py2/ or py3/ (or compat_py2 / compat_py3) at run time
    ({"setup/py2/util.py": "import ConfigParser\n", "setup/py3/util.py": "import configparser\n"},
     False),
    ({"pkg/compat_py2.py": "import Queue\n", "pkg/compat_py3.py": "import queue\n"}, False),
    ({"pkg/python2/io.py": "x = 1\n", "pkg/python3/io.py": "x = f'{1}'\n"}, False),
    # no Python 2 twin: the Python 3 module is the project's own
    ({"pkg/py3/util.py": "import configparser\n"}, True),
    ({"pkg/compat_py3.py": "import queue\n"}, True),
])
def test_a_python3_twin_picked_by_a_version_test_is_no_python3_evidence(tmp_path, twins,
                                                                       python3):
    files = {**UNDECLARED, "client.py": PY2_FILE, **twins}
    out = _lint_project(tmp_path, files)
    assert ("client.py:2:1: SCK000" in out.stdout) == python3, out.stdout + out.stderr
    assert ("client.py: not checked" in out.stderr) != python3, out.stderr


DECLARED_BOTH = {"setup.py": "from setuptools import setup\nsetup(name='client', classifiers=["
                               "'Programming Language :: Python :: 2.7', "
                               "'Programming Language :: Python :: 3.8'])\n"}


@pytest.mark.parametrize("files, checked", [
    # a version test picks python2/ or python3/ at run time: Python 3 never imports the
    # Python 2 one, whatever the project declares
    ({"pkg/python2/client.py": PY2_FILE, "pkg/python3/client.py": "import socket\n"},
     "pkg/python2/client.py"),
    ({"pkg/compat_py2.py": PY2_FILE, "pkg/compat_py3.py": "x = 1\n"}, "pkg/compat_py2.py"),
    # no Python 3 twin: a Python 2 file of a project that runs on Python 3 is broken
    ({"pkg/python2/client.py": PY2_FILE}, None),
    ({"pkg/compat_py2.py": PY2_FILE, "pkg/compat.py": "x = 1\n"}, None),
])
def test_the_python2_twin_of_a_version_pair_is_not_checked(tmp_path, files, checked):
    out = _lint_project(tmp_path, {**DECLARED_BOTH, **files})
    broken = next(name for name, text in files.items() if text == PY2_FILE)
    if checked is None:
        assert f"{broken}:2:1: SCK000" in out.stdout, out.stdout + out.stderr
    else:
        assert "SCK000" not in out.stdout, out.stdout
        assert f"{checked}: not checked" in out.stderr and "version twins" in out.stderr, \
            out.stderr


@pytest.mark.parametrize("classifiers, reported", [
    (["3.6", "3.7"], False),   # the oldest 3.N classifier is the target: 3.6's grammar
    (["3.8", "3.9"], True),
    (["3"], True),             # no minor version: the default target
])
def test_the_oldest_python3_classifier_is_the_target(tmp_path, classifiers, reported):
    listed = ", ".join(f"'Programming Language :: Python :: {c}'" for c in classifiers)
    out = _lint_project(tmp_path, {
        "setup.py": f"from setuptools import setup\nsetup(classifiers=[{listed}])\n",
        "client.py": "import asyncio\n\n\ndef start(coro):\n    return asyncio.async(coro)\n"})
    assert ("client.py:5:" in out.stdout and "SCK000" in out.stdout) == reported, out.stdout
    assert ("the project targets Python 3.6, and Python 3.6's grammar accepts it"
            in out.stderr) != reported, out.stderr


@pytest.mark.parametrize("module", [
    "import asyncio\n\n\ndef start(coro):\n    return asyncio.async(coro)\n",
    "def run(job, async=False):\n    return job(async)\n\n\nx = f'{run}'\n",
])
def test_an_older_python3_grammar_accepts_it_in_an_undeclared_project(tmp_path, module):
    out = _lint_project(tmp_path, {**UNDECLARED, "client.py": module})
    assert "SCK000" not in out.stdout, out.stdout
    assert "does not say which Pythons it supports, and Python 3.6's grammar accepts it" \
        in out.stderr, out.stderr


@pytest.mark.parametrize("python3_elsewhere, reported", [(False, False), (True, True)])
def test_a_windows_path_in_a_plain_string_of_an_undeclared_project(tmp_path,
                                                                   python3_elsewhere,
                                                                   reported):
    files = {**UNDECLARED, "client.py": "import sys\nsys.path.insert(1, 'C:\\Users\\me')\n"}
    if python3_elsewhere:
        files["util.py"] = "x = f'{1}'\n"
    out = _lint_project(tmp_path, files)
    assert ("client.py:2:" in out.stdout and "SCK000" in out.stdout) == reported, out.stdout


def test_template_placeholders_make_a_template_not_a_broken_module(tmp_path):
    files = {
        "pyproject.toml": "[project]\nname = 'x'\nrequires-python = '>=3.9'\n",
        "templates/{{name}}.py": "import socket\n{% if tls %}\nimport ssl\n{% endif %}\n",
        "templates/test_{{name}}.py": "import app.{{name}} as {{name}}\n",
        "templates/note.py": "x = 1\n{# a comment of the template #}\n",
        "templates/mako.py": "X_VERSION = 0x${proto.version}\n",
        "templates/mako_loop.py": "import socket\n% for name in names:\n${name} = 1\n% endfor\n",
        "scripts/setup.py": "from setuptools import setup\nconfig = %(setup)s\nsetup(**config)\n",
        # slots a person fills in before running the sample
        "samples/proxy.py": 'import socks\nproxy = {"proxy_addr":<proxy_addr>, "port": <port>}\n',
        "samples/host.py": "import socket\nHOST = <your host name>\nsocket.create_connection(HOST)\n",
        # the same braces inside strings or an f-string are Python: the error is reported
        "broken_string.py": "x = '{% if tls %}' +\n",
        "broken_fstring.py": "x = f'{{name}}' +\n",
        "broken_spaced.py": "x = { {1} +\n",
        "broken_dollar_string.py": "x = '${name}' +\n",
        # a %-format key inside a string, and a modulo of a parenthesised name
        "broken_percent_string.py": "x = '%(setup)s' % +\n",
        "broken_modulo.py": "x = y %(z) +\n",
        # a comparison, and a slot inside a string, are no slots
        "broken_compare.py": "if a <b> c:\n",
        "broken_slot_string.py": "x = '<host>' +\n",
    }
    out = _lint_project(tmp_path, files)
    for name in ("templates/{{name}}.py", "templates/test_{{name}}.py", "templates/note.py",
                 "templates/mako.py", "templates/mako_loop.py", "scripts/setup.py",
                 "samples/proxy.py", "samples/host.py"):
        assert f"{name}: not checked: line " in out.stderr
        assert name not in out.stdout
    assert "holds a template placeholder" in out.stderr
    for name in ("broken_string.py", "broken_fstring.py", "broken_spaced.py",
                 "broken_dollar_string.py", "broken_percent_string.py", "broken_modulo.py",
                 "broken_compare.py", "broken_slot_string.py"):
        assert f"{name}:1:" in out.stdout and "SCK000" in out.stdout
        assert name not in out.stderr


DECLARED_PY3 = {"pyproject.toml": "[project]\nname = 'dbg'\nrequires-python = '>=3.8'\n",
                "dbg/__init__.py": ""}


@pytest.mark.parametrize("importer", [
    # an except clause for a failed import
    "try:\n    import xmlrpc.client as xmlrpclib\nexcept ImportError:\n"
    "    from dbg import _oldrpc as xmlrpclib\n",
    "try:\n    import inspect\nexcept:\n    try:\n        from dbg import _oldrpc\n"
    "    except:\n        pass\n",
    # the Python 2 branch of a version test
    "import sys\nif sys.version_info[0] >= 3:\n    import pkgutil\nelse:\n"
    "    from dbg._oldrpc import walk\n",
    "from dbg.compat import PY3\nif not PY3:\n    from . import _oldrpc\n",
    "import sys\nif sys.version_info < (3,):\n    import dbg._oldrpc\n",
    "import sys\nif sys.version_info.major == 2:\n    from ._oldrpc import walk\n",
])
def test_python2_syntax_in_a_module_imported_only_as_a_python2_fallback(tmp_path, importer):
    out = _lint_project(tmp_path, {**DECLARED_PY3, "dbg/_oldrpc.py": PY2_FILE,
                                   "dbg/rpc.py": importer})
    assert "SCK000" not in out.stdout, out.stdout
    assert "dbg/_oldrpc.py: not checked" in out.stderr, out.stderr
    assert "imports only as a Python 2 fallback" in out.stderr


@pytest.mark.parametrize("importers", [
    # an import Python 3 takes as well: in the try body, unconditional, or on Python 3.6
    ["try:\n    from dbg import _oldrpc\nexcept ImportError:\n    _oldrpc = None\n"],
    ["try:\n    import xmlrpc.client\nexcept ImportError:\n    from dbg import _oldrpc\n",
     "from dbg._oldrpc import walk\n"],
    ["import sys\nif sys.version_info < (3, 7):\n    from dbg import _oldrpc\n"],
    ["try:\n    import xmlrpc.client\nexcept KeyError:\n    from dbg import _oldrpc\n"],
    [],  # imported by nothing in sight
])
def test_python2_syntax_in_a_module_python3_may_import_is_reported(tmp_path, importers):
    files = {**DECLARED_PY3, "dbg/_oldrpc.py": PY2_FILE}
    for number, text in enumerate(importers):
        files[f"dbg/user{number}.py"] = text
    out = _lint_project(tmp_path, files)
    assert "dbg/_oldrpc.py:2:1: SCK000" in out.stdout, out.stdout + out.stderr

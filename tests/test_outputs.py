"""SARIF (validated against the official 2.1.0 schema), GitHub annotations, statistics,
--output-file, --quiet, and discovery that respects .gitignore."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT

SCHEMA = ROOT.parent / "shared" / "data" / "sarif-schema-2.1.0.json"
SERVER = (
    "import socket\n"
    "def serve(port):\n"
    "    srv = socket.create_server(('', port))\n"
    "    while True:\n"
    "        conn, addr = srv.accept()\n"
    "        while True:\n"
    "            data = conn.recv(1024)\n"
    "            conn.sendall(data)\n"
)


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "lint_sockets", "--no-cache", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def repo(tmp_path):
    (tmp_path / ".git").mkdir()  # the repository root for repository-relative URIs
    pkg = tmp_path / "src" / "my app"
    pkg.mkdir(parents=True)
    (pkg / "server.py").write_text(SERVER)
    return tmp_path


def test_sarif_validates_against_the_official_schema(repo):
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip("the SARIF schema ships in ../shared/data next to the checkout")
    result = run("--output-format", "sarif", "src", cwd=repo)
    assert result.returncode == 1
    document = json.loads(result.stdout)
    jsonschema.validate(document, json.loads(SCHEMA.read_text()))
    run_ = document["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert "SCK101" in ids and "SCK501" in ids and "SCK100" not in ids  # enabled rules
    assert all(r["helpUri"].endswith(f"{r['id']}.md") and r["help"]["markdown"]
               for r in rules)
    results = run_["results"]
    assert {r["ruleId"] for r in results} == {"SCK101", "SCK402", "SCK501"}
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "src/my%20app/server.py",
                                            "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1
    for r in results:
        assert ids[r["ruleIndex"]] == r["ruleId"]


def test_github_annotations_escape_their_values(tmp_path):
    name = tmp_path / "a,b:c.py"
    name.write_text(SERVER)
    result = run("--output-format", "github", "a,b:c.py", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "::error file=a%2Cb%3Ac.py,line=5,col=22,endLine=5,endColumn=34,title=SCK501::"
        "SCK501 `.accept()` in a loop: ConnectionAbortedError escapes the loop")
    assert len(lines) == 4 and all(line.startswith("::error file=") for line in lines)


def test_github_escapes_percent_and_newlines():
    from lint_sockets.output import _escape_data, _escape_property

    assert _escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert _escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_statistics(tmp_path):
    (tmp_path / "server.py").write_text(SERVER)
    (tmp_path / "other.py").write_text(SERVER)
    result = run("--statistics", ".", cwd=tmp_path)
    # most frequent first, then by code
    assert result.stdout.splitlines() == [
        "4\tSCK402\t    peer-reset-escapes-server-loop",
        "2\tSCK101\t[*] recv-eof-unchecked",
        "2\tSCK501\t[*] accept-abort-fatal",
    ]
    assert result.returncode == 1


def test_output_file_and_quiet(tmp_path):
    (tmp_path / "server.py").write_text(SERVER)
    result = run("--output-format", "concise", "-o", "report.txt", "server.py", cwd=tmp_path)
    assert result.stdout == "" and result.returncode == 1
    report = (tmp_path / "report.txt").read_text()
    assert "server.py:5:22: SCK501" in report and "Found 4 errors." in report
    quiet = run("--output-format", "concise", "--quiet", "server.py", cwd=tmp_path)
    assert quiet.stdout.splitlines()[-1].startswith("server.py:") and "Found" not in quiet.stdout


def test_directories_respect_gitignore_in_a_checkout(tmp_path):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / ".gitignore").write_text("generated/\nlocal_*.py\n")
    for name in ("app/server.py", "generated/server.py", "app/local_server.py"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(SERVER)
    result = run("--output-format", "concise", "--select", "SCK501", ".", cwd=tmp_path)
    files = sorted({line.split(":")[0] for line in result.stdout.splitlines() if ": SCK" in line})
    assert files == ["app/server.py"]
    # a file named explicitly is checked even if git ignores it
    explicit = run("--output-format", "concise", "--select", "SCK501",
                   "generated/server.py", cwd=tmp_path)
    assert "generated/server.py:5:22: SCK501" in explicit.stdout


def test_symlink_loop_and_broken_link(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "server.py").write_text(SERVER)
    (tmp_path / "pkg" / "loop").symlink_to(tmp_path / "pkg")
    (tmp_path / "dangling.py").symlink_to(tmp_path / "missing.py")
    result = run("--output-format", "concise", "--select", "SCK501", ".", "dangling.py",
                 cwd=tmp_path)
    assert result.stdout.count("SCK501") == 1
    assert "dangling.py: broken symbolic link" in result.stderr
    assert result.returncode == 2

"""Configuration: ``[tool.lint-sockets]`` in the nearest pyproject.toml.

Keys: select, ignore, extend-select, per-file-ignores, exclude, extend-exclude, socket-names,
target-version (else the lower bound of ``[project] requires-python``, else py39). Unknown
keys and unknown rule codes are errors (exit 2), never silently ignored.
"""

import fnmatch
import os
import re
import sys

from lint_sockets.settings import SettingsError, parse_target_version

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.9 and 3.10
    import tomli as tomllib

KEYS = ("select", "ignore", "extend-select", "per-file-ignores", "exclude", "extend-exclude",
        "socket-names", "target-version")
DEFAULT_EXCLUDES = (".git", ".hg", ".svn", ".venv", "venv", "build", "dist", "__pycache__",
                    ".tox", ".nox", "node_modules", ".mypy_cache", ".pytest_cache",
                    ".ruff_cache", ".lint_sockets_cache")


class Config:
    def __init__(self, path=None, values=None, requires_python=None):
        self.path = path  # the pyproject.toml it came from, or None
        self.root = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
        self.values = values or {}
        self.requires_python = requires_python

    def get(self, key, default=None):
        return self.values.get(key, default)

    def where(self, key):
        return f"{self.path}: [tool.lint-sockets] {key}" if self.path else key

    def target_version(self):
        if "target-version" in self.values:
            return parse_target_version(self.values["target-version"])
        if self.requires_python:
            lower = lower_bound(self.requires_python)
            if lower is not None:
                return lower
        return (3, 9)

    def excludes(self):
        patterns = list(self.values.get("exclude", DEFAULT_EXCLUDES))
        patterns.extend(self.values.get("extend-exclude", ()))
        return patterns

    def per_file_ignores(self):
        return list(self.values.get("per-file-ignores", {}).items())


def find(start=None):
    """The nearest pyproject.toml at or above ``start`` (default: the working directory)."""
    current = os.path.abspath(start or os.getcwd())
    while True:
        candidate = os.path.join(current, "pyproject.toml")
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def load(path=None, explicit=False):
    """Config from ``path`` (or the nearest pyproject.toml); a clear SettingsError for a
    file that cannot be read, is not valid TOML, or has unknown keys or wrong types."""
    if path is None:
        path = find()
        if path is None:
            return Config()
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise SettingsError(f"{path}: cannot read the configuration: "
                            f"{error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{path}: not valid TOML: {error}") from None
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: not valid TOML: the file is not UTF-8") from None
    except RecursionError:
        raise SettingsError(f"{path}: not valid TOML: nested too deeply to read") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise SettingsError(f"{path}: `tool` must be a table")
    table = tool.get("lint-sockets")
    if table is None and explicit and not path.endswith("pyproject.toml"):
        table = data  # a dedicated file given with --config holds the keys at the top
    table = table or {}
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: [tool.lint-sockets] must be a table")
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise SettingsError(
            f"{path}: unknown key{'s' if len(unknown) > 1 else ''} in [tool.lint-sockets]: "
            f"{', '.join(unknown)} (known: {', '.join(KEYS)})")
    _check_types(path, table)
    project = data.get("project", {})
    requires = project.get("requires-python") if isinstance(project, dict) else None
    config = Config(path, table, requires if isinstance(requires, str) else None)
    if "target-version" in table:
        try:
            config.target_version()
        except SettingsError as error:
            raise SettingsError(f"{path}: [tool.lint-sockets] {error}") from None
    return config


def _check_types(path, table):
    def fail(key, expected):
        raise SettingsError(f"{path}: [tool.lint-sockets] {key} must be {expected}")

    for key in ("select", "ignore", "extend-select", "exclude", "extend-exclude"):
        value = table.get(key)
        if value is not None and not (isinstance(value, list)
                                      and all(isinstance(v, str) for v in value)):
            fail(key, "a list of strings")
    for key in ("socket-names", "target-version"):
        value = table.get(key)
        if value is not None and not isinstance(value, str):
            fail(key, "a string")
    if table.get("socket-names") is not None:
        from lint_sockets.settings import compile_socket_names

        try:
            compile_socket_names(table["socket-names"])
        except SettingsError as error:
            raise SettingsError(f"{path}: [tool.lint-sockets] {error}") from None
    ignores = table.get("per-file-ignores")
    if ignores is not None:
        if not isinstance(ignores, dict) or not all(
            isinstance(v, list) and all(isinstance(c, str) for c in v) for v in ignores.values()
        ):
            fail("per-file-ignores", "a table of glob = [codes]")


_SPECIFIER = re.compile(r"(>=|==|~=|>)\s*(\d+)\.(\d+)")


def lower_bound(requires_python):
    """(major, minor) of the lowest version a ``requires-python`` admits, or None."""
    best = None
    for operator, major, minor in _SPECIFIER.findall(requires_python):
        version = (int(major), int(minor) + (1 if operator == ">" else 0))
        if best is None or version > best:
            best = version
    return best


def excluded(path, patterns, root, below=None):
    """True if a glob matches the path (relative to ``root``), or one of its parts; with
    ``below``, only the parts under that directory count (a directory named on the command
    line is walked even if its own name is excluded)."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, root).replace(os.sep, "/")
    parts = os.path.relpath(absolute, os.path.abspath(below or root)).replace(os.sep, "/")
    parts = [p for p in parts.split("/") if p not in ("", ".", "..")]
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(absolute, pattern):
            return True
        if "/" not in pattern and any(fnmatch.fnmatchcase(part, pattern) for part in parts):
            return True
    return False


def ignored_codes(path, per_file_ignores, root):
    """Codes the per-file-ignores globs turn off for ``path``."""
    index = per_file_ignores if isinstance(per_file_ignores, GlobIndex) else GlobIndex(
        per_file_ignores)
    return index.codes(path, root)


_META = "*?["
_PIECE = 8  # the longest literal part a glob is indexed by


def _longest_literal(pattern):
    """The longest run of characters a glob matches literally (read as fnmatch reads it:
    a [...] class is not literal, an unclosed [ is)."""
    pieces, current = [], []
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        i += 1
        if char in "*?":
            pieces.append("".join(current))
            current = []
        elif char == "[":
            j = i
            if j < n and pattern[j] == "!":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 1
            if j >= n:
                current.append(char)  # no closing ]: a literal [
            else:
                pieces.append("".join(current))
                current = []
                i = j + 1
        else:
            current.append(char)
    pieces.append("".join(current))
    return max(pieces, key=len)


class _LazyGlob:
    """A glob compiled the first time a file could match it."""

    __slots__ = ("pattern", "compiled")

    def __init__(self, pattern):
        self.pattern = pattern
        self.compiled = None

    def __call__(self, text):
        if self.compiled is None:
            self.compiled = re.compile(fnmatch.translate(self.pattern)).match
        return self.compiled(text)


class GlobIndex:
    """per-file-ignores, ready to match many files: each glob compiled once, and found
    through its literal text, so a file is tested only against the globs that could match
    it. Literal names cost a dict lookup; a glob such as ``tests/*.py`` or ``*_pb2.py`` is
    tested only for paths that start (or end) with its literal part, one such as ``*gen*``
    only for paths that contain its longest literal part; only globs without a literal
    character (``*``, ``[ab]*``) are tested against every file. Tens of thousands of
    entries cost milliseconds per file."""

    def __init__(self, per_file_ignores):
        merged = {}
        for pattern, codes in per_file_ignores:
            merged.setdefault(pattern, []).extend(codes)
        self.literal = {}           # pattern -> codes: whole relative or absolute path
        self.literal_names = {}     # the same, for patterns without / (a file's name too)
        self.by_prefix = {}
        self.by_suffix = {}
        self.by_piece = {}          # a literal part the path must contain (``*_pb2*``)
        self.general = []
        for pattern, codes in merged.items():
            codes = tuple(codes)
            if not any(c in pattern for c in _META):
                self.literal[pattern] = codes
                if "/" not in pattern:
                    self.literal_names[pattern] = codes
                continue
            entry = (_LazyGlob(pattern), codes, "/" not in pattern)
            first = min(pattern.index(c) for c in _META if c in pattern)
            tail = len(pattern)
            while tail > 0 and pattern[tail - 1] not in _META + "]":
                tail -= 1
            if first:
                self.by_prefix.setdefault(pattern[:first], []).append(entry)
            elif tail < len(pattern):
                self.by_suffix.setdefault(pattern[tail:], []).append(entry)
            else:
                piece = _longest_literal(pattern)[:_PIECE]
                if piece:
                    self.by_piece.setdefault(piece, []).append(entry)
                else:
                    self.general.append(entry)

    def codes(self, path, root):
        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute, root).replace(os.sep, "/")
        name = os.path.basename(absolute)
        found = []
        for key in dict.fromkeys((relative, absolute)):
            if key in self.literal:
                found.append(self.literal[key])
        if name in self.literal_names and name not in (relative, absolute):
            found.append(self.literal_names[name])
        seen = set()
        for target, is_name in ((relative, False), (absolute, False), (name, True)):
            for entry in self._candidates(target):
                match, codes, name_ok = entry
                if (is_name and not name_ok) or id(entry) in seen:
                    continue
                if match(target):
                    seen.add(id(entry))
                    found.append(codes)
        return [code for codes in found for code in codes]

    def _candidates(self, target):
        if self.by_prefix:
            for end in range(1, len(target) + 1):
                yield from self.by_prefix.get(target[:end], ())
        if self.by_suffix:
            for start in range(len(target)):
                yield from self.by_suffix.get(target[start:], ())
        if self.by_piece:
            for start in range(len(target)):
                for end in range(start + 1, min(start + _PIECE, len(target)) + 1):
                    yield from self.by_piece.get(target[start:end], ())
        yield from self.general

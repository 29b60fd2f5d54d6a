"""Configuration: ``[tool.lint-sockets]`` in the pyproject.toml nearest to each file.

Keys: select, ignore, extend-select, per-file-ignores, exclude, extend-exclude, socket-names,
target-version (else the lower bound of ``[project] requires-python``, else what the packaging
files say: pyversions.py, else py39). Unknown
keys and unknown rule codes are errors (exit 2) naming the file, the key and its line,
never silently ignored.

As in ruff, each file takes its settings from the nearest pyproject.toml, at or above its
directory, that has a ``[tool.lint-sockets]`` table (one without the table is passed over);
``--config FILE`` gives every file the same settings. Globs are matched with wcmatch: ``*``
stays within a path component, ``**`` spans any number of directories, and a glob without
``/`` matches a file or directory name at any depth; one with ``/`` is matched against the
path relative to the directory of the file that holds it.
"""

import os
import re
import sys

from lint_sockets.paths import ROOT_MARKERS, find_root, nearest, upwards
from lint_sockets.pyversions import (
    admits_python2_only, converts_with_2to3, find_packaging_root, is_packaging_root,
    lower_bound, packaging_declares_python, packaging_python2_only, packaging_systems_and_origin,
    packaging_target_and_origin,
)
from lint_sockets.settings import SettingsError, parse_target_version

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.9 and 3.10
    import tomli as tomllib

KEYS = ("select", "ignore", "extend-select", "per-file-ignores", "exclude", "extend-exclude",
        "socket-names", "target-version")
DEFAULT_EXCLUDES = (".git", ".hg", ".svn", ".venv", "venv", "build", "dist", "__pycache__",
                    ".tox", ".nox", "node_modules", "site-packages", "__pypackages__",
                    ".mypy_cache", ".pytest_cache", ".ruff_cache", ".lint_sockets_cache")
TABLE = "[tool.lint-sockets]"


class Config:
    def __init__(self, path=None, values=None, requires_python=None, lines=None, root=None,
                 classifiers=()):
        self.path = path  # the file it came from, or None (the defaults)
        # a file of a project (not the defaults for a file of none, whose root is the
        # working directory)
        self.anchored = bool(path or root)
        if root is None:
            root = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
        self.root = root  # what its globs are relative to
        self.values = values or {}
        self.requires_python = requires_python
        self.lines = lines or {}  # key -> line number in the file
        self.classifiers = classifiers  # [project] classifiers

    def get(self, key, default=None):
        return self.values.get(key, default)

    def where(self, key):
        """``FILE:LINE: [tool.lint-sockets] KEY``, for messages and --show-settings."""
        if not self.path:
            return key
        line = self.lines.get(key) or self.lines.get("")
        at = f"{self.path}:{line}" if line else self.path
        return f"{at}: {TABLE} {key}"

    def target_version(self):
        return self.target_version_and_origin()[0]

    def target_version_and_origin(self):
        """(target version, where it comes from: a file and field, or None for the default)."""
        if "target-version" in self.values:
            return parse_target_version(self.values["target-version"]), \
                self.where("target-version")
        if self.requires_python:
            lower = lower_bound(self.requires_python)
            if lower is not None:
                return lower, f"{self.path}: [project] requires-python"
        root = self.root if self.path else find_packaging_root(self.root)
        if root is not None:
            found = packaging_target_and_origin(root, self.classifiers)
            if found is not None:
                return found
        return (3, 9), None

    def systems_and_origin(self):
        """(the families of operating systems the project declares, where it says so) from
        its packaging files' ``Operating System ::`` classifiers
        (``pyversions.packaging_systems_and_origin``); (None, None) when they name every
        system, or there are none. Read once per configuration."""
        found = self.__dict__.get("_systems")
        if found is None:
            root = self.root if self.path else find_packaging_root(self.root)
            if root is None and self.classifiers:
                root = self.root  # a pyproject.toml's [project] classifiers, no other file
            found = packaging_systems_and_origin(root, self.classifiers) if root else None
            found = self._systems = found if found is not None else (None, None)
        return found

    def declares_python(self):
        """The project says which Pythons it supports: ``target-version``, a
        ``requires-python`` with a lower bound, or its packaging files (a
        ``python_requires`` or ``Requires-Python``, Python version classifiers). A project
        that says nothing is judged by its code (SCK000's page)."""
        if "target-version" in self.values:
            return True
        if self.requires_python and lower_bound(self.requires_python) is not None:
            return True
        root = self.root if self.path else find_packaging_root(self.root)
        return root is not None and packaging_declares_python(root, self.classifiers)

    def project_root(self):
        """The root of the project the settings are for; None for a file of no project."""
        return self.root if self.anchored else None

    def python2_only(self):
        """(why the project's code is Python 2 source, or ""; whether that holds only for
        the modules of its packages). SCK000's page says what follows: the project's
        ``setup.py`` converts its code with 2to3 on install (setuptools converts what it
        installs, the modules of packages: a script or example beside them is not
        converted), or the project declares Python 2 and no Python 3 in its
        ``requires-python``, else in its packaging files (the same order as
        ``target_version``). An explicit ``target-version`` says only the oldest
        version."""
        if "target-version" in self.values:
            return "", False
        root = self.root if self.path else find_packaging_root(self.root)
        if root is not None and converts_with_2to3(root):
            return ("the project's setup.py converts the modules of its packages with 2to3 "
                    "when it is installed on Python 3 (use_2to3)"), True
        if self.requires_python and lower_bound(self.requires_python) is not None:
            only = admits_python2_only(self.requires_python)
        else:
            only = root is not None and packaging_python2_only(root, self.classifiers)
        if not only:
            return "", False
        major, minor = self.target_version()
        return f"the project supports Python {major}.{minor} and no Python 3", False

    def excludes(self):
        patterns = list(self.values.get("exclude", DEFAULT_EXCLUDES))
        patterns.extend(self.values.get("extend-exclude", ()))
        return patterns

    def per_file_ignores(self):
        return list(self.values.get("per-file-ignores", {}).items())

    def excluded(self, path, below=None):
        return excluded(path, self.excludes(), self.root, below)


def _read(path):
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        data = tomllib.loads(raw.decode("utf-8"))
    except OSError as error:
        raise SettingsError(f"{path}: cannot read the configuration: "
                            f"{error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{path}: not valid TOML: {error}") from None
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: not valid TOML: the file is not UTF-8") from None
    except RecursionError:
        raise SettingsError(f"{path}: not valid TOML: nested too deeply to read") from None
    return raw.decode("utf-8"), data


def _table(path, data, explicit):
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise SettingsError(f"{path}: `tool` must be a table")
    table = tool.get("lint-sockets")
    if table is None and explicit and not path.endswith("pyproject.toml"):
        return data, True  # a dedicated file given with --config holds the keys at the top
    return table, False


def find(start=None):
    """The nearest pyproject.toml at or above ``start`` (default: the working directory)
    that has a ``[tool.lint-sockets]`` table."""
    found = nearest(start or os.getcwd(), _holds_table)
    return os.path.join(found, "pyproject.toml") if found else None


def _holds_table(directory):
    candidate = os.path.join(directory, "pyproject.toml")
    return os.path.isfile(candidate) and _has_table(candidate)


def _has_table(path):
    _, data = _read(path)
    table, _ = _table(path, data, False)
    return table is not None


def load(path=None, explicit=False):
    """Config from ``path`` (or the nearest pyproject.toml with the table); a clear
    SettingsError, naming the file, the key and its line, for a file that cannot be read,
    is not valid TOML, or has unknown keys, codes or wrong types."""
    if path is None:
        path = find()
        if path is None:
            return Config()
    text, data = _read(path)
    table, top_level = _table(path, data, explicit)
    table = {} if table is None else table
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: {TABLE} must be a table")
    lines = key_lines(text, top_level)
    config = Config(path, table, None, lines)
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        first = min(unknown, key=lambda k: lines.get(k, 0))
        at = f"{path}:{lines[first]}" if lines.get(first) else path
        raise SettingsError(
            f"{at}: unknown key{'s' if len(unknown) > 1 else ''} in {TABLE}: "
            f"{', '.join(unknown)}{_did_you_mean(first)} (known: {', '.join(KEYS)})")
    _check_types(config)
    project = data.get("project", {})
    requires = project.get("requires-python") if isinstance(project, dict) else None
    config.requires_python = requires if isinstance(requires, str) else None
    classifiers = project.get("classifiers") if isinstance(project, dict) else None
    config.classifiers = classifiers if isinstance(classifiers, list) else ()
    if "target-version" in table:
        try:
            config.target_version()
        except SettingsError as error:
            raise SettingsError(f"{config.where('target-version')}: {error}") from None
    return config


def _did_you_mean(key):
    import difflib

    close = difflib.get_close_matches(key, KEYS, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


def _parts(header):
    return [p.strip().strip("\"'") for p in re.findall(r'"[^"]*"|\'[^\']*\'|[^.]+', header)]


def key_lines(text, top_level=False):
    """key -> line number of the keys of [tool.lint-sockets] (``per-file-ignores.GLOB`` for
    the globs of its sub-table; ``""`` for the table's header), read from the text: TOML
    parsers do not keep positions."""
    lines = {}
    section = "" if top_level else None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header and not line.lstrip().startswith("[["):
            parts = _parts(header.group(1))
            section = None
            if top_level and parts == ["per-file-ignores"]:
                section = "per-file-ignores"
            elif parts[:2] == ["tool", "lint-sockets"]:
                section = ".".join(parts[2:])
                if section == "":
                    lines.setdefault("", number)
                else:
                    lines.setdefault(section, number)
            continue
        key = _KEY.match(line)
        if key is None or section is None:
            continue
        name = key.group(1).strip("\"'")
        if section == "":
            lines.setdefault(name, number)
        elif section == "per-file-ignores":
            lines.setdefault(f"per-file-ignores.{name}", number)
    return lines


def _check_types(config):
    table = config.values

    def fail(key, expected):
        raise SettingsError(f"{config.where(key)} must be {expected}")

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
            detail = str(error)
            if detail.startswith("socket-names: "):
                detail = detail[len("socket-names: "):]
            raise SettingsError(f"{config.where('socket-names')}: {detail}") from None
    ignores = table.get("per-file-ignores")
    if ignores is not None:
        if not isinstance(ignores, dict) or not all(
            isinstance(v, list) and all(isinstance(c, str) for c in v) for v in ignores.values()
        ):
            fail("per-file-ignores", "a table of glob = [codes]")
    from lint_sockets.settings import expand_codes

    for key in ("select", "ignore", "extend-select"):
        if table.get(key):
            expand_codes(table[key], config.where(key))
    for pattern, codes in (ignores or {}).items():
        line = config.lines.get(f"per-file-ignores.{pattern}")
        where = config.where("per-file-ignores")
        if line:
            where = f"{config.path}:{line}: {TABLE} per-file-ignores"
        expand_codes(codes, f"{where} {pattern!r}")


class Resolver:
    """The Config for each file: the nearest pyproject.toml with a [tool.lint-sockets]
    table at or above the file's directory (each directory is looked at once), or the one
    file given with --config, or the defaults."""

    def __init__(self, explicit=None):
        self.explicit = load(explicit, explicit=True) if explicit else None
        self.by_directory = {}  # directory -> the Config with a table that applies, or None
        self.defaults = {}  # directory -> the defaults for a file there (no table applies)
        self.by_project = {}  # project directory -> its defaults

    def for_directory(self, directory):
        if self.explicit is not None:
            return self.explicit
        directory = os.path.abspath(directory)
        config = self._with_table(directory)
        if config is None:
            config = self.defaults.get(directory)
            if config is None:
                config = self.defaults[directory] = self._defaults_for(directory)
        return config

    def _with_table(self, directory):
        chain = []
        config = None
        for current in upwards(directory):
            if current in self.by_directory:
                config = self.by_directory[current]
                break
            chain.append(current)
            if _holds_table(current):
                config = load(os.path.join(current, "pyproject.toml"))
                break
        for seen in chain:
            self.by_directory[seen] = config
        return config

    def _defaults_for(self, directory):
        """The default settings for a file in ``directory`` that no table applies to: its
        target version still comes from its project (the nearest directory with a
        pyproject.toml, setup.cfg, setup.py, PKG-INFO or .git): requires-python or the
        classifiers of a pyproject.toml without the table, else the packaging files."""
        project = _project_directory(directory)
        config = self.by_project.get(project)
        if config is None:
            config = Config() if project is None else Config(root=project)
            pyproject = os.path.join(project, "pyproject.toml") if project else None
            if pyproject and os.path.isfile(pyproject):
                try:
                    _, data = _read(pyproject)
                except SettingsError:
                    data = {}
                meta = data.get("project") if isinstance(data, dict) else None
                if isinstance(meta, dict):
                    requires = meta.get("requires-python")
                    classifiers = meta.get("classifiers")
                    config.requires_python = requires if isinstance(requires, str) else None
                    config.classifiers = classifiers if isinstance(classifiers, list) else ()
            self.by_project[project] = config
        return config

    def for_path(self, path):
        """The Config for a file (its directory's) or a directory (its own)."""
        if path == "-":
            return self.for_directory(os.getcwd())
        if os.path.isdir(path):
            return self.for_directory(path)
        return self.for_directory(os.path.dirname(os.path.abspath(path)))

    def configs(self):
        seen = []
        every = list(self.by_directory.values()) + list(self.defaults.values())
        for config in every + [self.explicit]:
            if config is not None and config not in seen:
                seen.append(config)
        return seen


# The project root's markers (paths.ROOT_MARKERS) and PKG-INFO, or a ``.dist-info``
# directory: an unpacked source distribution or wheel has no other file that may state the
# Python versions it supports.
_PROJECT_FILES = ROOT_MARKERS + ("PKG-INFO",)


def _project_directory(directory):
    """The nearest directory at or above ``directory`` holding a project file, or None."""
    return nearest(directory, lambda d: is_packaging_root(d, _PROJECT_FILES))


def project_root(paths):
    """Where the cache lives: the root of the project of the first path (paths.find_root,
    the root the project index uses), else the working directory; the same whatever
    directory the command runs from."""
    first = paths[0] if paths and paths[0] != "-" else os.getcwd()
    return find_root(first) or os.getcwd()


_GLOB_FLAGS = None


def _flags():
    global _GLOB_FLAGS
    if _GLOB_FLAGS is None:
        from wcmatch import glob

        _GLOB_FLAGS = glob.GLOBSTAR | glob.DOTGLOB | glob.FORCEUNIX | glob.BRACE
    return _GLOB_FLAGS


def glob_match(relative, pattern):
    """wcmatch's glob match of a /-separated relative path: ``**`` spans directories."""
    from wcmatch import glob

    _flags()
    try:
        return glob.globmatch(relative, pattern, flags=_GLOB_FLAGS)
    except Exception:  # noqa: BLE001 - a malformed glob matches nothing
        return False


def compile_glob(pattern):
    """A function matching /-separated paths against the glob as glob_match does."""
    from wcmatch import glob

    _flags()
    try:
        return glob.compile(pattern, flags=_GLOB_FLAGS).match
    except Exception:  # noqa: BLE001 - a malformed glob matches nothing
        return lambda text: False


_MAGIC = re.compile(r"[*?\[{\\]")


def _matches(pattern, relatives, absolute, names):
    pattern = pattern.rstrip("/")
    if not pattern:
        return False
    if "/" not in pattern:
        if not _MAGIC.search(pattern):  # a plain name (most excludes): no glob needed
            return pattern in names
        return any(glob_match(name, pattern) for name in names)
    if pattern.startswith("./"):
        pattern = pattern[2:]
    return any(glob_match(r, pattern) for r in relatives) or glob_match(absolute, pattern)


def excluded(path, patterns, root, below=None):
    """True if a glob matches the path or a directory it is in: a glob with ``/`` is matched
    against the path relative to ``root``, one without against each name. With ``below``,
    only the directories under that one count (a directory named on the command line is
    walked even if its own name is excluded)."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, root).replace(os.sep, "/")
    absolute_unix = absolute.replace(os.sep, "/")
    parts = os.path.relpath(absolute, os.path.abspath(below or root)).replace(os.sep, "/")
    parts = [p for p in parts.split("/") if p not in ("", ".", "..")]
    # the path and the directories it is in, under ``below``, relative to ``root``
    relatives = [relative]
    head = relative
    for _ in parts[:-1]:
        head = head.rpartition("/")[0]
        if not head or head == "..":
            break
        relatives.append(head)
    return any(_matches(pattern, relatives, absolute_unix, parts) for pattern in patterns)


def ignored_codes(path, per_file_ignores, root):
    """Codes the per-file-ignores globs turn off for ``path``."""
    index = per_file_ignores if isinstance(per_file_ignores, GlobIndex) else GlobIndex(
        per_file_ignores)
    return index.codes(path, root)


_META = "*?[{\\"  # wildcards, classes, braces, and the escape that makes one literal
_PIECE = 8  # the longest literal part a glob is indexed by


def _longest_literal(pattern):
    """The longest run of characters a glob matches literally (a [...] class is not literal,
    an unclosed [ is); "" for a glob with braces or escapes (it is tried on every file)."""
    if "{" in pattern or "\\" in pattern:
        return ""
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
            self.compiled = compile_glob(self.pattern)
        return self.compiled(text)


class GlobIndex:
    """per-file-ignores, ready to match many files (the same globs as ``_matches``), found
    through its literal text, so a file is tested only against the globs that could match
    it. Literal names cost a dict lookup; a glob such as ``tests/*.py`` or ``*_pb2.py`` is
    tested only for paths that start (or end) with its literal part, one such as ``*gen*``
    only for paths that contain its longest literal part; only globs without a literal
    character (``*``, ``[ab]*``) are tested against every file. Tens of thousands of
    entries cost milliseconds per file."""

    def __init__(self, per_file_ignores):
        merged = {}
        for pattern, codes in per_file_ignores:
            pattern = pattern.rstrip("/")
            if pattern.startswith("./"):
                pattern = pattern[2:]
            if pattern:
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
            while tail > 0 and pattern[tail - 1] not in _META + "]}":
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

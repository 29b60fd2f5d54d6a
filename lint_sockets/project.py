"""The project a file belongs to: its root, its modules, their summaries and the index that
every file of the project is analysed with.

The root is found from each file (paths.find_root). The project's modules are its ``.py``
files, found without following any link out of the root, and without looking into hidden
directories, virtual environments, ``node_modules``, ``build``, ``dist``, ``__pycache__``
or ``site-packages``; files over MAX_MODULE bytes (generated code) are left out of the index.

Each module's summary (analysis.index) is built from Python's ``ast`` and kept in a signed
cache file (runner.read_signed / write_signed: HMAC with the user's own key, nothing read or
written through a link), one per project root, keyed by the file's (device, inode, size,
mtime_ns, ctime_ns) and the summary format's version. The ctime cannot be set from user
space, so a file written since its summary was made has another key, even with the same
size and mtime: a run whose summaries are all cached stats the files and reads none of them.

Only summaries are held, never syntax trees: memory grows with the number of modules, not
with their size.
"""

import hashlib
import json
import os
import stat
import sys

from lint_sockets import __version__
from lint_sockets.paths import find_root

SKIPPED_DIRECTORIES = frozenset({"node_modules", "build", "dist", "__pycache__",
                                 "site-packages"})
MAX_MODULE = 1 << 20  # bytes; the runner's BIG_FILE


def core():
    """The index core (imported when a project is first needed)."""
    from lint_sockets.analysis import index

    return index


# --- the project's files -------------------------------------------------------------------

def _inside(real, base):
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def project_files(root):
    """The project's module files below ``root``, sorted: (absolute path, stat) of the
    regular ``.py`` files of at most MAX_MODULE bytes. Directory links are not followed; a file
    link counts only when it leads to a file inside the root."""
    root = os.path.abspath(root)
    real_root = os.path.realpath(root)
    found = []
    for current, dirs, files in os.walk(root, onerror=lambda error: None):
        kept = []
        for name in sorted(dirs):
            path = os.path.join(current, name)
            if (name.startswith(".") or name in SKIPPED_DIRECTORIES or os.path.islink(path)
                    or os.path.lexists(os.path.join(path, "pyvenv.cfg"))):
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(current, name)
            try:
                info = os.lstat(path)
                if stat.S_ISLNK(info.st_mode):
                    if not _inside(os.path.realpath(path), real_root):
                        continue  # a link out of the project: not its code
                    info = os.stat(path)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_MODULE:
                found.append((path, info))
    return found


def stat_key(info):
    """What a cached summary is valid for: the file's identity, size and times."""
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


# --- one module's summary --------------------------------------------------------------------

def summarise_tree(tree, name, is_package):
    """(digest, plain JSON data) of the summary of the module whose ``ast`` is ``tree``;
    (digest, None) when it has none (it does not compile, or is too deep to walk)."""
    from lint_sockets.engine import _deep

    data = None
    if tree is not None:
        try:
            data = _deep(lambda: core().summarise(tree, name, is_package).to_json())
        except (RecursionError, MemoryError):
            data = None
    return digest_of(data), data


def summarise_source(source, name, is_package):
    """summarise_tree of ``source`` (bytes or str), parsed with Python's own compiler (as
    the syntax check parses it: encoding cookies, BOMs; no summary for a syntax error or a
    file nested too deeply)."""
    from lint_sockets.engine import _python_syntax_check

    _, tree = _python_syntax_check(source, tree=True)
    return summarise_tree(tree, name, is_package)


def summarise_file(path, name, is_package):
    """(stat key or None, digest, data) for the file at ``path``, read link-safely (as
    the runner reads files). The key is the stat taken before reading: a write made while
    the file is read gives it another key. No key when the file cannot be read."""
    from lint_sockets.runner import read_source

    try:
        source, info = read_source(path, with_stat=True)
    except OSError:
        return None, digest_of(None), None
    return (stat_key(info),) + summarise_source(source, name, is_package)


def digest_of(data):
    body = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(body).hexdigest()


# --- the signed cache of summaries -----------------------------------------------------------

class SummaryCache:
    """The summaries of one project's modules, in a signed file of the cache directory
    ``directory`` (the project root's .lint_sockets_cache, --cache-dir or
    LINT_SOCKETS_CACHE_DIR). Entries: absolute path -> [stat key, digest, summary data or
    null]. A malformed entry, or one whose summary the index core rejects, is a miss."""

    def __init__(self, directory, root):
        from lint_sockets.runner import _NotUsable, _signing_key, read_signed

        directory = os.path.abspath(directory)
        self.parent, self.base = os.path.split(directory)
        version = core().SUMMARY_VERSION
        key = json.dumps([__version__, list(sys.version_info[:2]), version, root])
        self.name = "summaries-" + hashlib.sha256(key.encode()).hexdigest()[:20] + ".json"
        self.entries = {}
        self.kept = {}
        self.dirty = False
        self.warnings = []
        self._key = _signing_key()
        self.usable = self._key is not None
        if os.path.islink(directory):
            self.usable = False
            self.warnings.append(f"{directory} is a symbolic link: the cache is not used")
        if not self.usable:
            return
        try:
            body = read_signed(self.parent, self.base, self.name, self._key)
            data = json.loads(body) if body is not None else None
        except _NotUsable as error:
            self.usable = False
            self.warnings.append(str(error))
            return
        except (OSError, ValueError, RecursionError, MemoryError):
            return
        if isinstance(data, dict):
            self.entries = data

    def get(self, path, key):
        """(digest, ModuleSummary or None) cached for ``path`` under ``key``, or None."""
        entry = self.entries.get(path)
        try:
            cached_key, digest, data = entry
            if cached_key != key or not (isinstance(digest, str) and len(digest) == 64):
                return None
            summary = None if data is None else core().ModuleSummary.from_json(data)
        except (TypeError, ValueError, RecursionError):
            return None
        self.kept[path] = entry
        return digest, summary

    def put(self, path, key, digest, data):
        if key is not None:
            self.kept[path] = [key, digest, data]
            self.dirty = True

    def save(self):
        """Write the entries of this run's modules (those of deleted files are dropped)."""
        from lint_sockets.runner import _NotUsable, write_signed

        if not self.usable or not (self.dirty or len(self.kept) != len(self.entries)):
            return
        body = json.dumps(self.kept, separators=(",", ":")).encode()
        try:
            write_signed(self.parent, self.base, self.name, self._key, body)
        except _NotUsable as error:
            self.warnings.append(str(error))
        except OSError:
            pass  # a cache that cannot be written only costs time


# --- the project ----------------------------------------------------------------------------

class Project:
    """One project's index and what identifies its facts.

    ``digest`` changes whenever any module's summary does: a file's cached result, which
    may depend on any module it resolves into, is keyed on it."""

    def __init__(self, root, index, digest, modules):
        self.root = root
        self.index = index
        self.digest = digest
        self.modules = modules  # absolute path -> (module name, is package)
        self.warnings = []  # about the summary cache, for the user

    def module_of(self, path):
        """The module name of ``path`` (None for a file no import can name)."""
        path = os.path.abspath(path)
        known = self.modules.get(path)
        if known is not None:
            return known[0]
        named = core().module_name_for(self.root, path)
        if not named or named[0] in self._summaries:
            return None  # the name is another file's (two scripts with one name)
        return named[0]

    def with_source(self, path, source=None, tree=None):
        """This project as seen with ``path`` holding ``source`` (or the module whose ``ast``
        is ``tree``) rather than what is on disk: stdin, or an editor's unsaved buffer."""
        path = os.path.abspath(path)
        named = self.modules.get(path)
        if named is None:
            named = core().module_name_for(self.root, path)
            if not named or named[0] in self._summaries:
                return self  # no import names it, or the name is another file's
        name, is_package = named
        if tree is not None:
            digest, data = summarise_tree(tree, name, is_package)
        else:
            digest, data = summarise_source(source, name, is_package)
        known = self._summaries.get(name)
        if known is not None and known[0] == digest:
            return self  # as on disk (the usual case): the same index
        summaries = dict(self._summaries)
        summaries[name] = (digest, None if data is None
                           else core().ModuleSummary.from_json(data))
        modules = dict(self.modules)
        modules[path] = named
        project = _build(self.root, summaries, modules)
        project.warnings = self.warnings
        return project


def _build(root, summaries, modules):
    """The Project from {module name: (digest, ModuleSummary or None)}."""
    index = core().ProjectIndex(root, {name: summary for name, (_, summary)
                                       in summaries.items() if summary is not None})
    digest = hashlib.sha256(json.dumps(sorted((name, d) for name, (d, _) in summaries.items()))
                            .encode()).hexdigest()
    project = Project(root, index, digest, modules)
    project._summaries = summaries
    return project


class Loader:
    """Gathers one project's summaries: from the cache (a stat per file, no read), then
    those ``missing`` are added (``add``) by whoever parses them, the runner's workers or
    ``complete``; ``finish`` builds the Project and saves the cache."""

    def __init__(self, root, cache_directory=None):
        from lint_sockets.runner import CACHE_DIR

        self.root = root
        if cache_directory is None:
            cache_directory = (os.environ.get("LINT_SOCKETS_CACHE_DIR")
                               or os.path.join(root, CACHE_DIR))
        self.cache = SummaryCache(cache_directory, root) if cache_directory is not False \
            else None
        self.modules = {}  # path -> (name, is package)
        self.summaries = {}  # module name -> (digest, ModuleSummary or None)
        self.missing = []  # paths whose summary must be made
        module_name_for = core().module_name_for
        for path, info in project_files(root):
            named = module_name_for(root, path)
            if not named or named[0] in self.summaries:
                continue  # no import names it, or another file already does (src layout)
            self.modules[path] = named
            cached = None
            if self.cache is not None:
                cached = self.cache.get(path, stat_key(info))
            if cached is None:
                self.missing.append(path)
                self.summaries[named[0]] = None  # placeholder keeping the first file's name
            else:
                self.summaries[named[0]] = cached

    @property
    def warnings(self):
        return self.cache.warnings if self.cache is not None else []

    def add(self, path, key, digest, data):
        name = self.modules[path][0]
        summary = None
        if data is not None:
            try:
                summary = core().ModuleSummary.from_json(data)
            except ValueError:
                digest, data = digest_of(None), None
        self.summaries[name] = (digest, summary)
        if self.cache is not None:
            self.cache.put(path, key, digest, data)

    def complete(self):
        """Parse the missing modules here, one after the other."""
        for path in self.missing:
            self.add(path, *summarise_file(path, *self.modules[path]))
        self.missing = []
        return self

    def finish(self):
        summaries = {name: value for name, value in self.summaries.items()
                     if value is not None}
        if self.cache is not None:
            self.cache.save()
        project = _build(self.root, summaries, self.modules)
        project.warnings = list(self.warnings)
        return project


def load_project(root, cache_directory=None):
    """The Project at ``root``, its summaries from the cache or parsed here."""
    return Loader(root, cache_directory).complete().finish()


def root_of(path):
    """The project root of ``path``, None for a file of no project: such a file is
    analysed on its own."""
    if path is None or path == "-":
        return None
    return find_root(path)

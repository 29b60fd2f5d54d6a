"""The project a file belongs to: its root, its modules, their summaries and the index that
every file of the project is analysed with.

The root is found from each file (paths.index_root). The project's modules are its ``.py``
files, found without following any link out of the root, and without looking into hidden
directories, virtual environments, ``node_modules``, ``build``, ``dist``, ``__pycache__``
or ``site-packages``; files over MAX_MODULE bytes (generated code) are left out of the index.

Each module's summary (analysis.index) is built from Python's ``ast`` and kept in signed
cache files (runner.read_signed / write_signed: HMAC with the user's own key, nothing read or
written through a link), per project root, keyed by the file's (device, inode, size,
mtime_ns, ctime_ns) (stat_key) and the summary format's version. The ctime cannot be set
from user space, so a file written since its summary was made has another key, even with
the same size and mtime: a run whose summaries are all cached stats the files and reads
none of them, and reads the summaries themselves only to build the index.

Only summaries are held, never syntax trees, and they are held packed (their JSON text,
compressed; analysis.index.PackedSummary), decoded when the analysis asks about a module:
memory grows with the number of modules by a few hundred bytes each, not with their size.
"""

import base64
import hashlib
import json
import os
import stat
import sys
import time

from lint_sockets import __version__
from lint_sockets.analysis.index import package_parts
from lint_sockets.paths import index_root

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
    """The project's module files below ``root``: (absolute path, stat, (module name, is
    package) or None) of the regular ``.py`` files of at most MAX_MODULE bytes, in no
    particular order. Directory links are not followed; a file link counts only when it
    leads to a file inside the root."""
    found = []
    for entry, named in candidates(root):
        info = module_stat(entry, root)
        if info is not None:
            found.append((entry.path, info, named))
    return found


def candidates(root):
    """The directory entries of the project's ``.py`` files below ``root``, each with
    its module name: (os.DirEntry, (module name, is package) or None), not yet looked at
    (module_stat says which are modules).

    The module names are analysis.index.module_name_for's (the tests hold them equal),
    computed in the walk from the ``__init__.py`` each directory holds: a project of tens
    of thousands of files is listed without a lookup per file."""
    root = os.path.abspath(root)
    found = []
    # (directory, the package names from the nearest non-package directory down to it;
    # None when a package on the way has a name no import can spell)
    stack = [(root, [])]
    while stack:
        directory, parts = stack.pop()
        try:
            with os.scandir(directory) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name.endswith(".py"):
                found.append((entry, _module_name(root, parts, name[:-3])))
                continue
            try:
                if not entry.is_dir(follow_symlinks=False):
                    continue
            except OSError:
                continue
            if (name.startswith(".") or name in SKIPPED_DIRECTORIES
                    or os.path.lexists(os.path.join(entry.path, "pyvenv.cfg"))):
                continue
            stack.append((entry.path, _package_parts(entry, parts)))
    return found


def module_stat(entry, root):
    """The stat of a candidate that is a module (a regular file of at most MAX_MODULE
    bytes, or a link to one inside ``root``), else None."""
    try:
        info = entry.stat(follow_symlinks=False)
        if stat.S_ISLNK(info.st_mode):
            if not _inside(os.path.realpath(entry.path), os.path.realpath(root)):
                return None  # a link out of the project: not its code
            info = os.stat(entry.path)
    except OSError:
        return None
    if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_MODULE:
        return info
    return None


def _package_parts(entry, parent_parts):
    """The package names down to the directory ``entry`` (analysis.index.package_parts)."""
    return package_parts(entry.name, os.path.isfile(os.path.join(entry.path, "__init__.py")),
                         parent_parts)


def _module_name(root, parts, stem):
    if parts is None or not stem.isidentifier():
        return None
    if stem == "__init__":
        if parts:
            return ".".join(parts), True
        name = os.path.basename(root)  # the root itself is a package
        return (name, True) if name.isidentifier() else None
    return ".".join(parts + [stem]), False


def stat_key(info, now=None):
    """What a cached summary or result is valid for: the file's identity, size and times;
    None when the file changed too recently for its times to tell a later write apart.

    A write sets the ctime from a clock that ticks coarsely (1 to 10 ms on Linux; a second
    on file systems that keep whole seconds): a file written again within the tick of its
    last write could keep its ctime, and with its mtime set back and the same size, look
    unchanged. A file written within ``margin`` of the stat taken here (twice the tick,
    or 2 s where both times are whole seconds) gets no key: it is read and hashed."""
    if now is None:
        now = time.time_ns()
    coarse = info.st_ctime_ns % 1_000_000_000 == 0 and info.st_mtime_ns % 1_000_000_000 == 0
    margin = 2_000_000_000 if coarse else 20_000_000
    if now - max(info.st_ctime_ns, info.st_mtime_ns) < margin:
        return None
    return [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def uses_project_socket_code(index, module_name):
    """The module imports a helper, factory or class of its project that hands out socket
    code (``ProjectIndex.imports_socket_code``): the pre-filters, which see only the
    module's own text and syntax, must not drop it. ``index`` is a ProjectIndex or None.
    Loads nothing heavy (the flake8 plugin asks it before it needs libcst)."""
    if index is None or module_name is None:
        return False
    try:
        return index.imports_socket_code(module_name)
    except Exception:  # noqa: BLE001 - a fault in the index must not stop the run
        return True  # the analysis then decides, and reports any error itself


# --- one module's summary --------------------------------------------------------------------

def summarise_tree(tree, name, is_package):
    """(digest, index.PackedSummary) of the summary of the module whose ``ast`` is
    ``tree``; (digest, None) when it has none (it does not compile, or is too deep to
    walk). The digest is that of the summary's plain JSON data (``digest_of``)."""
    from lint_sockets.source import deep

    if tree is not None:
        try:
            return deep(lambda: _pack(core().summarise(tree, name, is_package)))
        except Exception:  # noqa: BLE001 - the file is still checked; only its summary
            pass  # is missing from the index (too deep, or a case the core fails on)
    return digest_of(None), None


def _pack(summary):
    """(digest, PackedSummary) of a summary, packed as the index core decodes it again
    (``from_json``, which also says the summary is well formed: one the core would reject
    is left out, as a cached one that fails is)."""
    index = core()
    data = summary.to_json()
    text = index.summary_text(data)  # what digest_of(data) takes the digest of
    try:
        decoded = index.ModuleSummary.from_json(data)
    except (ValueError, TypeError, RecursionError):
        return digest_of(None), None
    return hashlib.sha256(text).hexdigest(), index.PackedSummary.of(decoded, text)


def summarise_source(source, name, is_package):
    """summarise_tree of ``source`` (bytes or str), parsed with Python's own compiler (as
    the syntax check parses it: encoding cookies, BOMs; no summary for a syntax error or a
    file nested too deeply)."""
    from lint_sockets.engine import _python_syntax_check

    _, tree = _python_syntax_check(source, tree=True)
    return summarise_tree(tree, name, is_package)


def summarise_file(path, name, is_package):
    """(stat key or None, digest, packed summary or None) for the file at ``path``, read
    link-safely (as the runner reads files). The key is the stat taken before reading: a
    write made while the file is read gives it another key. No key when the file cannot be
    read."""
    from lint_sockets.runner import read_source

    try:
        source, info = read_source(path, with_stat=True)
    except OSError:
        return None, digest_of(None), None
    return (stat_key(info),) + summarise_source(source, name, is_package)


def digest_of(data):
    """The digest of a summary's plain JSON data (None: no summary)."""
    body = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(body).hexdigest()


# --- the signed cache of summaries -----------------------------------------------------------

# A cached summary not read yet (SummaryCache.data gives it): a run whose results are all
# cached needs only the summaries' digests.
LAZY = object()


class SummaryCache:
    """The summaries of one project's modules, in two signed files of the cache directory
    ``directory`` (the project root's .lint_sockets_cache, --cache-dir or
    LINT_SOCKETS_CACHE_DIR): the keys (absolute path -> [stat key, digest]), read by
    every run, and the summaries (absolute path -> [digest, packed summary in base64 or
    null]: PackedSummary.blob), read only when the index is built. A malformed entry, one
    whose summary is missing or other than its digest says, or one whose summary the index
    core rejects, is a miss."""

    def __init__(self, directory, root):
        from lint_sockets.runner import _NotUsable, _signing_key

        directory = os.path.abspath(directory)
        self.parent, self.base = os.path.split(directory)
        version = core().SUMMARY_VERSION
        key = json.dumps([__version__, list(sys.version_info[:2]), version, "packed", root])
        stem = "summaries-" + hashlib.sha256(key.encode()).hexdigest()[:20]
        self.name = stem + ".json"
        self.data_name = stem + ".data.json"
        self.entries = {}
        self.kept = {}
        self.fresh = {}  # path -> [digest, packed summary in base64 or None] made in this run
        self._data = None
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
            data = self._read(self.name)
        except _NotUsable as error:
            self.usable = False
            self.warnings.append(str(error))
            return
        if isinstance(data, dict):
            self.entries = data

    def _read(self, name):
        from lint_sockets.runner import read_signed

        try:
            body = read_signed(self.parent, self.base, name, self._key)
            return json.loads(body) if body is not None else None
        except (OSError, ValueError, RecursionError, MemoryError):
            return None

    def get(self, path, key):
        """(digest, LAZY) cached for ``path`` under ``key``, or None. Only the shape is
        checked here; the summary itself is read (data) and validated
        (ModuleSummary.from_json) when the index is built, which a run whose results are
        all cached never does."""
        entry = self.entries.get(path)
        if key is None or not (isinstance(entry, list) and len(entry) == 2):
            return None
        cached_key, digest = entry
        if cached_key != key or not (isinstance(digest, str) and len(digest) == 64):
            return None
        self.kept[path] = entry
        return digest, LAZY

    def data(self, path, digest):
        """(True, packed summary bytes or None) cached for ``path`` with ``digest``; (False,
        None) when the summaries file has no such entry (or a malformed one). The bytes are
        not yet validated: index.PackedSummary.load does it."""
        entry = self._entry(path, digest)
        if entry is None:
            return False, None
        if entry[1] is None:
            return True, None
        try:
            return True, base64.b64decode(entry[1].encode("ascii"), validate=True)
        except (ValueError, UnicodeEncodeError):
            return False, None

    def _entry(self, path, digest):
        """The [digest, base64 text or None] cached for ``path`` with ``digest``, or None."""
        if self._data is None:
            from lint_sockets.runner import _NotUsable

            try:
                loaded = self._read(self.data_name) if self.usable else None
            except _NotUsable:
                loaded = None
            self._data = loaded if isinstance(loaded, dict) else {}
        entry = self.fresh.get(path) or self._data.get(path)
        if (isinstance(entry, list) and len(entry) == 2 and entry[0] == digest
                and (entry[1] is None or isinstance(entry[1], str))):
            return entry
        return None

    def put(self, path, key, digest, packed):
        """Cache ``packed`` (an index.PackedSummary or None) for ``path``."""
        if key is not None:
            self.kept[path] = [key, digest]
            self.fresh[path] = [digest, None if packed is None else
                                base64.b64encode(packed.blob).decode("ascii")]
            self.dirty = True

    def save(self):
        """Write the entries of this run's modules (those of deleted files are dropped):
        the summaries first, so the keys never name a summary that is not there."""
        from lint_sockets.runner import _NotUsable, write_signed

        if not self.usable or not (self.dirty or len(self.kept) != len(self.entries)):
            return
        summaries = {}
        for path, (_, digest) in self.kept.items():
            entry = self._entry(path, digest)
            if entry is not None:
                summaries[path] = entry
        keys = {path: entry for path, entry in self.kept.items() if path in summaries}
        try:
            for name, content in ((self.data_name, summaries), (self.name, keys)):
                body = json.dumps(content, separators=(",", ":")).encode()
                write_signed(self.parent, self.base, name, self._key, body)
        except _NotUsable as error:
            self.warnings.append(str(error))
            return
        except OSError:
            return  # a cache that cannot be written only costs time
        # Written: the summaries made in this run are left to the project, which holds
        # them once (as the index's); those read from the file stay for the index to
        # fetch. Should a later save find one of this run's missing (a cached summary
        # made again), it leaves it out, and the next run makes it again.
        self._data = {path: entry for path, entry in summaries.items()
                      if path not in self.fresh}
        self.fresh = {}
        self.dirty = False


# --- the project ----------------------------------------------------------------------------

class Project:
    """One project: its modules' summaries and the index built from them.

    ``digest`` changes whenever any module's summary does: a file's cached result, which
    may depend on any module it resolves into, is keyed on it. The index is built on first
    use: a run that finds every result in the cache needs only the digest."""

    def __init__(self, root, summaries, modules, cache=None, claimed=(), fetch=None):
        self.root = root
        # module name -> (digest, index.PackedSummary or None or LAZY, path)
        self.summaries = summaries
        self.modules = modules  # absolute path -> (module name, is package)
        # every name a file of the project claims (those two files claim name neither)
        self.names = {name for name, _ in modules.values()} | set(claimed)
        self.cache = cache  # the SummaryCache the summaries came from, or None
        # (path, digest) -> (found, packed bytes or None): a LAZY summary read from the cache
        self._fetch = fetch or (cache.data if cache is not None else None)
        self.warnings = list(cache.warnings) if cache is not None else []
        self.digest = _digest(summaries)
        self._index = None

    @property
    def index(self):
        """The ProjectIndex. A cached summary the index core rejects (from another version,
        say) is made again from its file. The summaries stay packed (PackedSummary: their
        JSON text compressed), here and in the index, which decodes a module's when it is
        asked about it and keeps at most index.DECODED decoded: the memory a project takes
        grows with its number of modules by their packed size, a few hundred bytes each. A
        view of the project with one module's text changed shares the others'."""
        if self._index is None:
            load = core().PackedSummary.load
            built = {}
            repaired = False
            for name, (digest, data, path) in list(self.summaries.items()):
                if data is LAZY:
                    found, blob = (self._fetch(path, digest) if self._fetch is not None
                                   else (False, None))
                    if found and blob is not None:
                        try:
                            data = load(blob)  # validated once, here
                        except (ValueError, TypeError, RecursionError):
                            found = False
                    elif found:
                        data = None
                    if found:
                        self.summaries[name] = (digest, data, path)
                if data is None:
                    continue
                if data is not LAZY:
                    built[name] = data
                    continue
                key, digest, data = summarise_file(path, *self.modules[path])
                self.summaries[name] = (digest, data, path)
                repaired = True
                if self.cache is not None:
                    self.cache.put(path, key, digest, data)
                if data is not None:
                    built[name] = data
            if repaired:
                self.digest = _digest(self.summaries)
                if self.cache is not None:
                    self.cache.save()
            self._index = core().ProjectIndex(self.root, built)
        return self._index

    def module_of(self, path):
        """The module name of ``path`` (None for a file no import can name, or whose name
        more than one file of the project claims)."""
        path = os.path.abspath(path)
        known = self.modules.get(path)
        if known is not None:
            return known[0]
        named = core().module_name_for(self.root, path)
        if not named or named[0] in self.names:
            return None
        return named[0]

    def with_source(self, path, source=None, tree=None):
        """This project as seen with ``path`` holding ``source`` (or the module whose ``ast``
        is ``tree``) rather than what is on disk: stdin, or an editor's unsaved buffer."""
        path = os.path.abspath(path)
        named = self.modules.get(path)
        if named is None:
            named = core().module_name_for(self.root, path)
            if not named or named[0] in self.names:
                return self  # no import names it, or the name is taken
        name, is_package = named
        if tree is not None:
            digest, data = summarise_tree(tree, name, is_package)
        else:
            digest, data = summarise_source(source, name, is_package)
        known = self.summaries.get(name)
        if known is not None and known[0] == digest:
            return self  # as on disk (the usual case): the same index
        summaries = dict(self.summaries)
        summaries[name] = (digest, data, path)
        modules = dict(self.modules)
        modules[path] = named
        project = Project(self.root, summaries, modules, claimed=self.names,
                          fetch=self._fetch)
        project.warnings = self.warnings
        return project


def _digest(summaries):
    listed = sorted((name, digest) for name, (digest, _, _) in summaries.items())
    return hashlib.sha256(json.dumps(listed).encode()).hexdigest()


class Loader:
    """Gathers one project's summaries: from the cache (a stat per file, no read), then
    those ``missing`` are added (``add``) by whoever parses them, the runner's workers or
    ``complete``; ``finish`` gives the Project and saves the cache.

    A module name that two files claim (two scripts with one name in different
    directories) names neither: the index never resolves an import into the wrong file."""

    def __init__(self, root, cache_directory=None):
        from lint_sockets.runner import CACHE_DIR

        self.root = root
        if cache_directory is None:
            cache_directory = (os.environ.get("LINT_SOCKETS_CACHE_DIR")
                               or os.path.join(root, CACHE_DIR))
        self.cache = (SummaryCache(cache_directory, root) if cache_directory is not False
                      else None)
        found = candidates(root)
        claims = {}
        for _, named in found:
            if named is not None:
                claims[named[0]] = claims.get(named[0], 0) + 1
        self.claimed = set(claims)
        self.modules = {}  # path -> (name, is package)
        # module name -> (digest, index.PackedSummary or None or LAZY, path)
        self.summaries = {}
        self.missing = []  # paths whose summary must be made
        for entry, named in found:
            if named is None or claims[named[0]] > 1:
                continue
            info = module_stat(entry, root)
            if info is None:
                continue
            path = entry.path
            self.modules[path] = named
            cached = self.cache.get(path, stat_key(info)) if self.cache is not None else None
            if cached is None:
                self.missing.append(path)
            else:
                self.summaries[named[0]] = cached + (path,)

    @property
    def warnings(self):
        return self.cache.warnings if self.cache is not None else []

    def add(self, path, key, digest, data):
        self.summaries[self.modules[path][0]] = (digest, data, path)
        if self.cache is not None:
            self.cache.put(path, key, digest, data)

    def complete(self):
        """Parse the missing modules here, one after the other."""
        for path in self.missing:
            self.add(path, *summarise_file(path, *self.modules[path]))
        self.missing = []
        return self

    def finish(self):
        if self.cache is not None:
            self.cache.save()
        return Project(self.root, self.summaries, self.modules, self.cache, self.claimed)


def load_project(root, cache_directory=None):
    """The Project at ``root``, its summaries from the cache or parsed here."""
    return Loader(root, cache_directory).complete().finish()


def root_of(path):
    """The root of the project whose modules the file ``path`` is analysed with
    (paths.index_root), None for a file of no project: such a file is analysed on its
    own."""
    if path is None or path == "-":
        return None
    return index_root(os.path.dirname(os.path.abspath(path)))

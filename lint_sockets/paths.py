"""Walking up from a directory: where the project root, the configuration and the packaging
files are found."""

import functools
import os
import re
import stat


def upwards(start):
    """``start`` (made absolute) and each directory above it, nearest first."""
    current = os.path.abspath(start)
    while True:
        yield current
        parent = os.path.dirname(current)
        if parent == current:
            return
        current = parent


def nearest(start, test):
    """The nearest directory at or above ``start`` for which ``test(directory)`` is true,
    or None."""
    for directory in upwards(start):
        if test(directory):
            return directory
    return None


# Directories of test code: what pytest and unittest collect, and the helpers beside it.
TEST_DIRECTORIES = frozenset({"test", "tests", "testing"})


def is_test_file(name):
    """A file name pytest collects as tests (``test_*.py``, ``*_test.py``) or its
    ``conftest.py``."""
    return (name == "conftest.py" or (name.startswith("test_") and name.endswith(".py"))
            or name.endswith("_test.py"))


def is_test_code(path, root=None):
    """The file ``path`` is test code: its name is a test file's (``is_test_file``) or a
    test directory's as a module (``test.py``, ``tests.py``, ``testing.py``: the module
    form of that package), or a directory it is in, below the project ``root``, is named
    ``test``, ``tests`` or ``testing``. Without a root, the directories of a relative
    ``path`` count (an absolute one's say nothing about the project)."""
    name = os.path.basename(path)
    if is_test_file(name) or (name.endswith(".py") and name[:-3] in TEST_DIRECTORIES):
        return True
    if root is not None:
        try:
            relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
        except ValueError:  # another drive
            return False
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            return False
    elif os.path.isabs(path):
        return False
    else:
        relative = os.path.normpath(path)
    return any(part in TEST_DIRECTORIES for part in relative.split(os.sep)[:-1])


# What makes a directory a project's root: the packaging files and a git checkout. A
# ``setup.py`` counts only when it is a packaging script (``packaging_script``).
ROOT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", ".git")

# What a packaging script names: the libraries whose ``setup()`` it calls; or its own
# top-level ``setup(...)`` call.
_PACKAGING_LIBRARIES = (b"setuptools", b"distutils", b"skbuild")
_SETUP_CALL = re.compile(rb"^setup\s*\(", re.M)
_SCRIPT_BYTES = 256 * 1024


def packaging_script(path):
    """``path`` is a regular file that names setuptools, distutils or scikit-build in its
    first 256 KiB, or calls ``setup(...)`` at its top level: a packaging script. A module
    that is only called ``setup.py`` (a command of a program's own, inside one of its
    packages) does not make its directory a project's root. Read without following a link
    to a FIFO or device, so it never blocks; remembered per file version."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    return _packaging_script(path, info.st_size, info.st_mtime_ns, info.st_ino)


@functools.lru_cache(maxsize=4096)
def _packaging_script(path, size, mtime, inode):
    data = read_regular(path, _SCRIPT_BYTES)
    return data is not None and (any(name in data for name in _PACKAGING_LIBRARIES) or
                                 _SETUP_CALL.search(data) is not None)


def read_regular(path, limit):
    """The first ``limit`` bytes of ``path`` when it is a regular file, else None (missing,
    unreadable, or something else put in its place: a FIFO or a device is opened without
    blocking and never read)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(limit)
    except OSError:
        return None
    finally:
        os.close(fd)


def holds_marker(directory, names):
    """``directory`` holds one of the files ``names`` (a setup.py only when it is a
    packaging script)."""
    for name in names:
        path = os.path.join(directory, name)
        if name == "setup.py":
            if os.path.lexists(path) and packaging_script(path):
                return True
        elif os.path.lexists(path):
            return True
    return False


def is_root(directory):
    return holds_marker(directory, ROOT_MARKERS)


def find_root(path):
    """The root of the project ``path`` (a file or a directory) belongs to: the nearest
    directory at or above it (above the file, for a file) holding a pyproject.toml,
    setup.py, setup.cfg or .git; None when there is none.

    One notion for every part that needs "the project": the project index, the cache's
    place, the target version's packaging files."""
    path = os.path.abspath(path)
    start = path if os.path.isdir(path) else os.path.dirname(path)
    return nearest(start, is_root)


def _is_package(directory):
    return os.path.isfile(os.path.join(directory, "__init__.py"))


def package_top(directory):
    """The directory Python imports the package holding ``directory`` from: the parent of
    the topmost of the packages (directories with an ``__init__.py``) it is in, ``directory``
    itself counting; None when ``directory`` is no package."""
    directory = os.path.abspath(directory)
    if not _is_package(directory):
        return None
    for above in upwards(os.path.dirname(directory)):
        if not _is_package(above):
            # a directory of installed distributions is no one project
            return None if os.path.basename(above) in INSTALLED else above
    return None


INSTALLED = frozenset({"site-packages", "dist-packages"})


def index_root(directory):
    """The root of the project whose modules a file of ``directory`` is analysed with:
    find_root's, else, for a file of a package with no packaging file or checkout above it
    (an unpacked wheel or sdist, vendored code), the directory its topmost package is
    imported from, which is where its absolute imports (``from pkg.sub import x``)
    resolve; None for a module of no package (a script on its own)."""
    return nearest(directory, is_root) or package_top(directory)

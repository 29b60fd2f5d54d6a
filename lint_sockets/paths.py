"""Walking up from a directory: where the project root, the configuration and the packaging
files are found."""

import os


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


# What makes a directory a project's root: the packaging files and a git checkout.
ROOT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", ".git")


def is_root(directory):
    return any(os.path.lexists(os.path.join(directory, name)) for name in ROOT_MARKERS)


def find_root(path):
    """The root of the project ``path`` (a file or a directory) belongs to: the nearest
    directory at or above it (above the file, for a file) holding a pyproject.toml,
    setup.py, setup.cfg or .git; None when there is none.

    One notion for every part that needs "the project": the project index, the cache's
    place, the target version's packaging files."""
    path = os.path.abspath(path)
    start = path if os.path.isdir(path) else os.path.dirname(path)
    return nearest(start, is_root)

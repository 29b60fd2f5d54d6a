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

"""Fixes: libcst edits, applied without overlap, re-linted to a fixed point, verified, and
written atomically.

A rule attaches a ``FixSpec`` to a finding: its applicability (safe / unsafe), a message, and
a builder that returns the edits. An edit is (node, replacement): a node, a
``cst.FlattenSentinel`` (one statement becomes several) or ``cst.RemoveFromParent()``.
Edits are built only when someone asks for them (--fix, --diff, json output).
Comments, formatting, quotes and blank lines outside the edited nodes stay byte for byte:
libcst regenerates everything else from the original tokens.
"""

import ast
import difflib
import errno
import os
import re
import stat
import tempfile
import threading
import time
import warnings

import libcst as cst

from lint_sockets import engine
from lint_sockets.applicability import SAFE, UNSAFE, applicable  # noqa: F401
from lint_sockets.edits import apply_edits
from lint_sockets.source import decode, deep

MAX_ITERATIONS = 10


class FixError(Exception):
    """Fixing produced code that does not parse: nothing is written."""



def fix_source(source, settings, unsafe=False, project=None, module_name=None,
               test_code=False):
    """Fix a module given as bytes or str. Returns (new source of the same type, list of
    (code, message) fixed, hit_iteration_bound). Raises FixError if a fix breaks the code.

    ``project``, ``module_name`` and ``test_code`` are what checking the module is given
    (engine.check_source): the module is fixed with the findings a check reports.
    ``project`` may also be a function of the module's current text giving the
    ``ProjectIndex`` it is analysed with (the index as that text would make it)."""
    if engine.nothing_to_fix(source, settings):
        return source, [], False  # never given to libcst: generated code costs no parse

    def fixable(parsed, current):
        index = project(current) if callable(project) else project
        name = module_name
        if index is None:  # a file of no project: the one module of its own (check_source)
            index, name = engine.module_alone(current)
        diagnostics, _ = engine.reported(parsed, settings, current, project=index,
                                         module_name=name, test_code=test_code)
        return [(None, d.code, d.message, d.fix) for d in diagnostics]

    current = source
    fixed = []
    tail = source[:0]
    for _ in range(MAX_ITERATIONS):
        parsed, error = engine.parse(current)
        if error is not None or parsed.altered:
            break
        module = parsed.module
        if not fixed:
            tail = _lost_tail(_regenerate(module, current), current)
            if tail is None:
                break  # libcst cannot give this file back byte for byte: never rewrite it
        chosen = _choose(module, fixable(parsed, current), unsafe)
        if not chosen:
            return current, fixed, False
        edits = []
        for (_node, code, _message, spec), spec_edits in chosen:
            edits.extend(spec_edits)
            fixed.append((code, spec.message))
        new_module = apply_edits(module, edits)
        new_source = _regenerate(new_module, current)
        new_source += tail  # the final lone CR libcst dropped (never changed by a fix)
        _verify(new_source)
        if new_source == current:
            return current, fixed, False
        current = new_source
    else:
        parsed, error = engine.parse(current)
        if error is None and _choose(parsed.module, fixable(parsed, current), unsafe):
            return current, fixed, True
    return current, fixed, False


def _lost_tail(regenerated, source):
    """What libcst's round trip drops from ``source``: empty when nothing, the final lone CR
    of a file whose last line ends with one (libcst's tokenizer does not keep it), None
    when the difference is anything else."""
    if regenerated == source:
        return source[:0]
    cr = "\r" if isinstance(source, str) else b"\r"
    if source.endswith(cr) and regenerated + cr == source:
        return cr
    return None


def _regenerate(module, like):
    """The module's source, as bytes or str like ``like`` (code generation recurses)."""
    return deep(lambda: module.bytes if isinstance(like, bytes) else module.code)


def _choose(module, findings, unsafe):
    """Fixes to apply together: applicable, buildable, and not overlapping one another."""
    candidates = []
    for finding in findings:
        spec = finding[3]
        if not applicable(spec, unsafe):
            continue
        edits = spec.edits()
        if edits:
            candidates.append((finding, edits))
    if not candidates:
        return []
    spans = deep(_spans, module)
    chosen = []
    taken = []
    for finding, edits in sorted(candidates, key=lambda c: _first_offset(c[1], spans)):
        ranges = [spans.get(id(node)) for node, _ in edits]
        if any(r is None for r in ranges):
            continue
        if any(_overlap(r, t) for r in ranges for t in taken):
            continue
        taken.extend(ranges)
        chosen.append((finding, edits))
    return chosen


def _first_offset(edits, spans):
    return min(spans.get(id(node), (1 << 60, 0))[0] for node, _ in edits)


def _overlap(a, b):
    return a[0] < b[1] and b[0] < a[1] or a == b


def _spans(module):
    """id(node) -> (start offset, end offset) in the module's code, for every node."""
    from libcst.metadata import ByteSpanPositionProvider, MetadataWrapper

    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    table = wrapper.resolve(ByteSpanPositionProvider)
    return {id(node): (span.start, span.start + span.length) for node, span in table.items()}


def _verify(source):
    """The fixed code must parse, for libcst and for Python's compiler (AST only)."""
    try:
        cst.parse_module(source)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(source, "<lint-sockets fix>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except Exception as error:  # noqa: BLE001
        raise FixError(f"a fix produced code that does not parse: {error}") from error



# Held for the whole of a write: a worker whose parent died takes it before it exits
# (runner._exit_with_the_parent), so it never leaves a write half done.
WRITE_LOCK = threading.Lock()
# Set by a worker's SIGTERM handler during a write: the process ends once it is complete.
EXIT_AFTER_WRITE = threading.Event()


class NotWritten(OSError):
    """The file is deliberately left alone; ``reason`` says why."""

    def __init__(self, reason):
        super().__init__(0, reason)
        self.reason = reason


class ChangedMeanwhile(NotWritten):
    """The file no longer holds what was read: someone edited it during the run."""

    def __init__(self):
        super().__init__("changed while it was being fixed")


def write_atomically(path, data, expected=None, root=None):
    """Replace ``path`` with ``data`` (bytes) so that an interrupted run leaves the old file
    or the new one, never a mix.

    - ``expected``: what the file held when it was read; right before the replacement the
      file is read again, and if it differs nothing is written (ChangedMeanwhile).
    - ``root``: a path that reaches its file through a symbolic link leading out of
      ``root`` is not written (NotWritten). Inside it, the link is kept and its target
      replaced.
    - A file with other hard links is not written (NotWritten): replacing it would part
      it from its other names, and writing it in place could not be atomic.
    - The file's permissions, owner, group and extended attributes (ACLs included) are
      kept; a file whose owner or group cannot be kept is not written (NotWritten)."""
    with WRITE_LOCK:
        _write_atomically(path, data, expected, root)
    if EXIT_AFTER_WRITE.is_set():
        os._exit(1)


# Temporary files are named after the process writing them, so that a later run can tell
# the ones a killed run left behind (nothing can remove them after a SIGKILL).
TEMP_PREFIX = ".lint-sockets-"
_TEMP_NAME = re.compile(r"\.lint-sockets-(\d+)-[A-Za-z0-9_]+\.tmp\Z")
STALE_AFTER = 3600  # seconds: no write takes that long between creation and rename
_swept = set()


def _inside(path, root):
    root = os.path.realpath(root)
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _write_atomically(path, data, expected=None, root=None):
    real = os.path.realpath(path)  # a symbolic link keeps pointing at the fixed file
    if root is not None and real != os.path.abspath(path) and not _inside(real, root):
        raise NotWritten(f"a symbolic link to {real}, outside the project "
                         f"({os.path.realpath(root)})")
    path = real
    directory = os.path.dirname(path)
    info = os.lstat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotWritten("not a regular file")
    if info.st_nlink > 1:
        raise NotWritten(f"the file has {info.st_nlink} hard links; replacing it would "
                         f"part it from the others")
    mode = stat.S_IMODE(info.st_mode)
    # Replacing the file only needs the directory's permission; a file its user may not
    # write (read-only, as version control systems leave files not opened for edit) is
    # left alone, as an editor or an in-place write would.
    if not _writable(path):
        raise PermissionError(errno.EACCES, "Permission denied (the file is not writable)",
                              path)
    handle, temporary = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=".tmp",
                                         dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            _keep_metadata(out.fileno(), path, info, mode)
            os.fsync(out.fileno())
        if not hasattr(os, "fchmod"):
            os.chmod(temporary, mode)
        if expected is not None and not _still(path, info, expected):
            raise ChangedMeanwhile()
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    if directory not in _swept:
        _swept.add(directory)
        remove_stale_temporaries(directory)


def _still(path, info, expected):
    """Whether ``path`` is still the file read (same inode) with the same bytes."""
    try:
        now = os.lstat(path)
        if (now.st_ino, now.st_dev) != (info.st_ino, info.st_dev):
            return False
        with open(path, "rb") as handle:
            return handle.read() == expected
    except OSError:
        return False


def _keep_metadata(fd, path, info, mode):
    """Give the new file (open as ``fd``) the old one's owner, group, permissions and
    extended attributes, where the platform has them."""
    if hasattr(os, "fchown") and hasattr(os, "geteuid"):
        current = os.fstat(fd)
        if (current.st_uid, current.st_gid) != (info.st_uid, info.st_gid):
            try:
                os.fchown(fd, info.st_uid, info.st_gid)
            except OSError:
                raise NotWritten("its owner or group could not be kept (replacing it "
                                 "would change them)") from None
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    if hasattr(os, "listxattr"):
        try:
            names = os.listxattr(path, follow_symlinks=False)
        except OSError:
            names = []
        for name in names:
            try:
                os.setxattr(fd, name, os.getxattr(path, name, follow_symlinks=False))
            except OSError:
                continue  # one the platform or the user's rights do not allow


def remove_stale_temporaries(directory):
    """Remove the temporary files that killed runs left in ``directory``: those whose
    process is gone (POSIX) or that are older than STALE_AFTER. Never raises."""
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match is None:
            continue
        pid = int(match.group(1))
        try:
            if pid == os.getpid() or not entry.is_file(follow_symlinks=False):
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime < STALE_AFTER and _alive(pid):
                continue
            os.unlink(entry.path)
        except OSError:
            continue


def _writable(path):
    if os.access in os.supports_effective_ids:
        return os.access(path, os.W_OK, effective_ids=True)
    return os.access(path, os.W_OK)


def _alive(pid):
    """Whether process ``pid`` may still be running (True when it cannot be told)."""
    if os.name != "posix":
        return True  # os.kill(pid, 0) would terminate the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # EPERM: it exists, owned by someone else
    return True


def diff_name(path):
    """The file's name in a diff, as git writes it: relative to the working directory, with
    ``/`` separators (``a/`` and ``b/`` are put in front)."""
    name = path
    if os.path.isabs(path):
        try:
            name = os.path.relpath(path)
        except ValueError:  # another drive
            name = path
    name = os.path.normpath(name).replace(os.sep, "/")
    return name.lstrip("/")


def unified_diff(path, old, new):
    """A diff that `git apply` and `patch -p1` take: a/ and b/ in front of the file's name
    as git writes them, every line kept exactly (CRLF too), and the no-newline-at-end
    marker where needed. A name with a newline or a control character is escaped, so it
    cannot break out of the header."""
    from lint_sockets.output import clean

    old_text = decode(old)
    new_text = decode(new)
    name = clean(diff_name(path))
    lines = difflib.unified_diff(
        old_text.splitlines(keepends=True), new_text.splitlines(keepends=True),
        fromfile=f"a/{name}", tofile=f"b/{name}",
    )
    out = []
    for line in lines:
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)

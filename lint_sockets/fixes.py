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

SAFE = "safe"
UNSAFE = "unsafe"
MAX_ITERATIONS = 10


class FixSpec:
    __slots__ = ("applicability", "message", "builder")

    def __init__(self, applicability, message, builder):
        self.applicability = applicability
        self.message = message
        self.builder = builder  # () -> [(node, replacement)] or None when not possible

    def edits(self):
        try:
            return self.builder() or None
        except FixNotPossible:
            return None
        except Exception:  # noqa: BLE001 - a fix that cannot be built is not offered
            return None


class FixNotPossible(Exception):
    """A builder's way of saying this occurrence cannot be fixed safely after all."""


class FixError(Exception):
    """Fixing produced code that does not parse: nothing is written."""


class _Apply(cst.CSTTransformer):
    def __init__(self, edits):
        super().__init__()
        self.edits = {id(node): replacement for node, replacement in edits}

    def on_leave(self, original_node, updated_node):
        replacement = self.edits.get(id(original_node))
        if replacement is None:
            return updated_node
        if callable(replacement) and not isinstance(replacement, cst.CSTNode):
            return replacement(updated_node)
        return replacement


def apply_edits(module, edits):
    from lint_sockets.engine import _deep

    return _deep(module.visit, _Apply(edits))


def applicable(spec, unsafe):
    return spec is not None and (spec.applicability == SAFE or unsafe)


def fix_source(source, settings, unsafe=False):
    """Fix a module given as bytes or str. Returns (new source of the same type, list of
    (code, message) fixed, hit_iteration_bound). Raises FixError if a fix breaks the code."""
    from lint_sockets.engine import parse, reported

    def fixable(parsed, current):
        diagnostics, _ = reported(parsed, settings, current)
        return [(None, d.code, d.message, d.fix) for d in diagnostics]

    current = source
    fixed = []
    tail = source[:0]
    for _ in range(MAX_ITERATIONS):
        parsed, error = parse(current)
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
        parsed, error = parse(current)
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
    from lint_sockets.engine import _deep

    return _deep(lambda: module.bytes if isinstance(like, bytes) else module.code)


def _choose(module, findings, unsafe):
    """Fixes to apply together: applicable, buildable, and not overlapping one another."""
    from lint_sockets.engine import _deep

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
    spans = _deep(_spans, module)
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


def text_edits(module, spec):
    """The fix as ruff-shaped text edits against the module's code (1-based rows/columns),
    or None when it cannot be built."""
    edits = spec.edits()
    if not edits:
        return None
    original = module.code
    result = []
    for edit in edits:
        new = apply_edits(module, [edit]).code
        start = 0
        limit = min(len(original), len(new))
        while start < limit and original[start] == new[start]:
            start += 1
        end_old, end_new = len(original), len(new)
        while end_old > start and end_new > start and original[end_old - 1] == new[end_new - 1]:
            end_old -= 1
            end_new -= 1
        result.append({
            "content": new[start:end_new],
            "location": _row_col(original, start),
            "end_location": _row_col(original, end_old),
        })
    result.sort(key=lambda e: (e["location"]["row"], e["location"]["column"]))
    return result


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _row_col(text, offset):
    """1-based row and column of ``offset``; rows end at LF, CRLF or a lone CR, as Python's."""
    row, line_start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, offset):
        row += 1
        line_start = match.end()
    return {"row": row, "column": offset - line_start + 1}


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


def unified_diff(path, old, new):
    """A diff that `patch -p0` and `git apply` take: file names as given, every line kept
    exactly (CRLF too), and the no-newline-at-end marker where needed."""
    old_text = _decode(old)
    new_text = _decode(new)
    lines = difflib.unified_diff(
        old_text.splitlines(keepends=True), new_text.splitlines(keepends=True),
        fromfile=path, tofile=path,
    )
    out = []
    for line in lines:
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)


def _decode(source):
    if isinstance(source, str):
        return source
    from lint_sockets.engine import _declared_encoding

    try:
        return source.decode(_declared_encoding(source))
    except (UnicodeDecodeError, LookupError):
        return source.decode("utf-8", errors="replace")

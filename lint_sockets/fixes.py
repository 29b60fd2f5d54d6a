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

from lint_sockets.applicability import SAFE, UNSAFE, applicable  # noqa: F401
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


def fix_source(source, settings, unsafe=False):
    """Fix a module given as bytes or str. Returns (new source of the same type, list of
    (code, message) fixed, hit_iteration_bound). Raises FixError if a fix breaks the code."""
    from lint_sockets.engine import nothing_to_fix, parse, reported

    if nothing_to_fix(source, settings):
        return source, [], False  # never given to libcst: generated code costs no parse

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
    or None when it cannot be built.

    Each edit is worked out on the smallest part of the module that renders on its own
    exactly as it does in place (usually the replaced node itself), so the edits of
    thousands of findings cost time in proportion to the findings, not findings times the
    size of the module; the result is the same minimal edit a whole-module diff gives."""
    edits = spec.edits()
    if not edits:
        return None
    index = _EditIndex.of(module)
    result = []
    for edit in edits:
        located = index.locate(edit)
        if located is None:
            new = apply_edits(module, [edit]).code
            located = (0, len(index.code), new)
        result.append(index.minimal_edit(*located))
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


try:
    from libcst._nodes.internal import CodegenState as _CodegenState
except ImportError:  # pragma: no cover - another libcst layout: whole-module diffs only
    _CodegenState = object


class _Recorder(_CodegenState):
    """Codegen that records, for every node, where its text starts and ends in the
    module's code, its parent, and the indentation in force."""

    def __init__(self, module):
        super().__init__(default_indent=module.default_indent,
                         default_newline=module.default_newline)
        self.length = 0
        self.spans = {}
        self.parents = {}
        self.indents = {}
        self.stack = []
        self.shared = set()
        self.current_indent = ()

    def increase_indent(self, value):
        super().increase_indent(value)
        self.current_indent = tuple(self.indent_tokens)

    def decrease_indent(self):
        super().decrease_indent()
        self.current_indent = tuple(self.indent_tokens)

    def add_indent_tokens(self):
        super().add_indent_tokens()
        for token in self.indent_tokens:
            self.length += len(token)

    def add_token(self, value):
        super().add_token(value)
        self.length += len(value)

    def pop_trailing_newline(self):
        if self.tokens:
            self.length -= len(self.tokens[-1])
        super().pop_trailing_newline()

    def before_codegen(self, node):
        key = id(node)
        if key in self.spans:
            self.shared.add(key)  # the same object twice in the tree: never located
        self.spans[key] = [self.length, None]
        self.parents[key] = self.stack[-1] if self.stack else None
        self.indents[key] = self.current_indent
        self.stack.append(node)

    def after_codegen(self, node):
        self.stack.pop()
        self.spans[id(node)][1] = self.length


class _EditIndex:
    _last = (None, None)

    @classmethod
    def of(cls, module):
        cached_module, index = cls._last
        if cached_module is not module:
            index = cls(module)
            cls._last = (module, index)
        return index

    def __init__(self, module):
        from bisect import bisect_right

        self.module = module
        self.code = module.code
        self._bisect = bisect_right
        self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.code)]
        try:
            recorder = _Recorder(module)
            from lint_sockets.engine import _deep

            _deep(module._codegen, recorder)
            usable = "".join(recorder.tokens) == self.code and recorder.length == len(
                self.code)
        except Exception:  # noqa: BLE001 - the whole-module diff still works
            usable = False
        self.recorder = recorder if usable else None

    def _render(self, node, indents):
        state = _CodegenState(
            default_indent=self.module.default_indent,
            default_newline=self.module.default_newline, indent_tokens=list(indents))
        node._codegen(state)
        return "".join(state.tokens)

    def _in_place(self, node):
        """(start, end, indents) of ``node`` if it renders on its own exactly as in place."""
        recorder = self.recorder
        key = id(node)
        if key not in recorder.spans or key in recorder.shared:
            return None
        start, end = recorder.spans[key]
        indents = recorder.indents[key]
        if self._render(node, indents) != self.code[start:end]:
            return None
        return start, end, indents

    def locate(self, edit):
        """(start, end, new text): the edit as a replacement of code[start:end], or None."""
        if self.recorder is None:
            return None
        node, replacement = edit
        try:
            if callable(replacement) and not isinstance(replacement, cst.CSTNode):
                replacement = replacement(node)
            if isinstance(replacement, cst.CSTNode):
                place = self._in_place(node)
                if place is not None:
                    return place[0], place[1], self._render(replacement, place[2])
            elif isinstance(node, cst.BaseStatement) and (
                    self.recorder.parents.get(id(node)) is not self.module
                    or self.module.has_trailing_newline):
                # a statement replaced by several, or removed: its lines, and only them
                place = self._in_place(node)
                if place is not None:
                    nodes = getattr(replacement, "nodes", ())
                    return place[0], place[1], "".join(
                        self._render(n, place[2]) for n in nodes)
            # else: the smallest ancestor that renders on its own, with the edit applied
            parent = self.recorder.parents.get(id(node))
            while parent is not None and parent is not self.module:
                place = self._in_place(parent)
                if place is not None:
                    from lint_sockets.engine import _deep

                    changed = _deep(parent.visit, _Apply([(node, replacement)]))
                    return place[0], place[1], self._render(changed, place[2])
                parent = self.recorder.parents.get(id(parent))
        except Exception:  # noqa: BLE001 - fall back on the whole-module diff
            return None
        return None

    def minimal_edit(self, start, end, text):
        """The edit a whole-module diff gives for code[:start] + text + code[end:]."""
        code = self.code
        new_length = len(code) - (end - start) + len(text)

        def new_char(i):
            if i < start:
                return code[i]
            if i < start + len(text):
                return text[i - start]
            return code[i - start - len(text) + end]

        first = start
        limit = min(len(code), new_length)
        while first < limit and code[first] == new_char(first):
            first += 1
        end_old, end_new = len(code), new_length
        # past the edit, the two texts are the same
        same = min(len(code) - end, end_old - first, end_new - first)
        end_old -= same
        end_new -= same
        while end_old > first and end_new > first and code[end_old - 1] == new_char(
                end_new - 1):
            end_old -= 1
            end_new -= 1
        content = "".join(new_char(i) for i in range(first, end_new)) if (
            end_new - first < 4096) else (code[:start] + text + code[end:])[first:end_new]
        return {"content": content, "location": self._row_col(first),
                "end_location": self._row_col(end_old)}

    def _row_col(self, offset):
        row = self._bisect(self.line_starts, offset)
        if 0 < offset < len(self.code) and self.code[offset - 1] == "\r" and (
                self.code[offset] == "\n"):
            return _row_col(self.code, offset)  # between CR and LF, as the scan counts it
        return {"row": row, "column": offset - self.line_starts[row - 1] + 1}


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

    old_text = _decode(old)
    new_text = _decode(new)
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


def _decode(source):
    if isinstance(source, str):
        return source
    from lint_sockets.engine import _declared_encoding

    try:
        return source.decode(_declared_encoding(source))
    except (UnicodeDecodeError, LookupError):
        return source.decode("utf-8", errors="replace")

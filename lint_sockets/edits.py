"""Fix edits: what a rule attaches to a finding (``FixSpec``), and how its edits apply to a
libcst module (``apply_edits``) or become ruff-shaped text edits (``text_edits``).

A ``FixSpec`` holds its applicability (safe / unsafe), a message, and a builder that returns
the edits. An edit is (node, replacement): a node, a ``cst.FlattenSentinel`` (one statement
becomes several) or ``cst.RemoveFromParent()``.
"""

import re

import libcst as cst

from lint_sockets.source import deep


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
    return deep(module.visit, _Apply(edits))


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
            deep(module._codegen, recorder)
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
                    changed = deep(parent.visit, _Apply([(node, replacement)]))
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

"""One file in, diagnostics out: parse once, analyse once, run every selected rule, noqa.

Used unchanged by the command line and the flake8 plugin.
"""

import ast
import re
import sys
import threading
import warnings

import libcst as cst

from lint_sockets.rules import registry

NOQA_RE = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
_SPLIT_CODES = re.compile(r"[,\s]")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_LIBCST_POSITION = re.compile(r"error at (\d+):(\d+)")


class Diagnostic:
    """One finding. Lines and columns are 1-based; columns count characters."""

    __slots__ = ("code", "message", "line", "column", "end_line", "end_column", "fix")

    def __init__(self, code, message, line, column, end_line=None, end_column=None, fix=None):
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.end_line = end_line if end_line is not None else line
        self.end_column = end_column if end_column is not None else column
        self.fix = fix

    def sort_key(self):
        return (self.line, self.column, self.code, self.message)

    def as_tuple(self):
        return (self.line, self.column, self.code, self.message)

    def __repr__(self):
        return f"Diagnostic({self.code} {self.line}:{self.column} {self.message!r})"


def lint_source(source, settings, noqa=True):
    """Diagnostics for one module given as bytes (encoding detected) or str."""
    return check_source(source, settings, noqa)[0]


def check_source(source, settings, noqa=True):
    """(diagnostics, source lines or None): the lines only when there are diagnostics."""
    module, error = parse(source)
    if error is not None:
        if "SCK000" not in settings.enabled:
            return [], None
        return [error], _plain_lines(source)
    findings = run_rules(module, settings)
    if not findings:
        return [], None
    diagnostics = _locate(module, findings)
    lines = _source_lines(source, module)
    if noqa:
        diagnostics = [d for d in diagnostics if not is_suppressed(d, lines)]
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics, lines


def parse(source):
    """(module, None) or (None, SCK000 diagnostic)."""
    try:
        return _deep(cst.parse_module, source), None
    except Exception as exc:  # noqa: BLE001 - any parser failure is the file's problem
        return None, _parse_error(source, exc)


def _parse_error(source, exc):
    """SCK000 with the most precise message available, from Python's own compiler if it
    also rejects the file (it only compiles to an AST; nothing is executed)."""
    line, column, message = 1, 1, None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(source, "<lint-sockets>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as err:
        message = err.msg
        line = err.lineno or 1
        column = err.offset or 1
        if isinstance(source, bytes) and "decode" in (message or ""):
            message = f"the file is not valid in its declared encoding: {message}"
    except (ValueError, UnicodeDecodeError) as err:
        message = f"the file is not valid in its declared encoding: {err}"
    except (MemoryError, RecursionError) as err:  # pragma: no cover
        message = f"the file is too deeply nested to compile: {type(err).__name__}"
    if message is None:
        raw_line = getattr(exc, "raw_line", None)
        raw_column = getattr(exc, "raw_column", None)
        if raw_line:
            line, column = raw_line, (raw_column or 0) + 1
        text = getattr(exc, "message", None) or str(exc).strip().splitlines()[-1:] or [""]
        detail = text if isinstance(text, str) else text[0]
        detail = detail.replace("parser error: ", "")
        # libcst's raw_line can be one past the error; its message has the position right.
        where = _LIBCST_POSITION.search(detail)
        if where:
            line, column = int(where.group(1)), int(where.group(2)) + 1
        return Diagnostic(
            "SCK000",
            "cannot parse: Python accepts this file, but the libcst parser lint-sockets "
            f"uses does not support its syntax ({detail})",
            line, max(column, 1),
        )
    return Diagnostic("SCK000", f"SyntaxError: {message}", line, max(column, 1))


def run_rules(module, settings):
    """[(node, code, message)] for the enabled rules, in no particular order."""
    from lint_sockets.analysis.facts import Facts
    from lint_sockets.analysis.model import build_model

    rules = registry()
    checks = []
    for code in settings.enabled:
        check = rules[code].check
        if check is not None and check not in checks:
            checks.append(check)
    if not checks:
        return []
    model = build_model(module)
    facts = Facts(model, settings)
    findings = []
    seen = set()

    def report(node, code, **fields):
        if code not in settings.enabled or (id(node), code) in seen:
            return
        seen.add((id(node), code))
        findings.append((node, code, rules[code].message.format(**fields)))

    for check in sorted(checks, key=lambda c: (c.__module__, c.__name__)):
        check(facts, report)
    return findings


def _locate(module, findings):
    from libcst.metadata import MetadataWrapper, PositionProvider

    def positions():
        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        return wrapper.resolve(PositionProvider)

    table = _deep(positions)
    diagnostics = []
    for node, code, message in findings:
        span = table[node]
        diagnostics.append(Diagnostic(
            code, message, span.start.line, span.start.column + 1,
            span.end.line, span.end.column + 1,
        ))
    return diagnostics


def _deep(function, *args):
    """Run ``function``; if the tree is too deep for the default stack, run it again in a
    thread with a large stack and recursion limit (a 2,000-level expression is real code)."""
    try:
        return function(*args)
    except RecursionError:
        pass
    result = {}

    def target():
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old, 200_000))
        try:
            result["value"] = function(*args)
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller's thread
            result["error"] = exc
        finally:
            sys.setrecursionlimit(old)

    old_size = threading.stack_size()
    threading.stack_size(512 * 1024 * 1024)
    try:
        thread = threading.Thread(target=target, name="lint-sockets-deep")
        thread.start()
    finally:
        threading.stack_size(old_size)
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["value"]


def _source_lines(source, module):
    if isinstance(source, bytes):
        encoding = module.encoding
        text = source.decode(encoding, errors="replace")
        if text.startswith("\ufeff"):
            text = text[1:]
    else:
        text = source
    return _NEWLINE.split(text)


def _plain_lines(source):
    if isinstance(source, bytes):
        source = source.decode("utf-8", errors="replace")
    return _NEWLINE.split(source)


def is_suppressed(diagnostic, lines):
    """``# noqa`` / ``# noqa: CODES`` on the flagged line, read exactly as flake8 reads it."""
    index = diagnostic.line - 1
    if index < 0 or index >= len(lines):
        return False
    match = NOQA_RE.search(lines[index])
    if match is None:
        return False
    codes = match.group("codes")
    if codes is None:
        return True
    wanted = {c for c in _SPLIT_CODES.split(codes) if c}
    return diagnostic.code in wanted or diagnostic.code.startswith(tuple(wanted))

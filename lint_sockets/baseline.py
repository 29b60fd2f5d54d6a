"""Baselines: accept today's findings, fail only on new ones.

A finding's fingerprint does not depend on line numbers, so editing a file elsewhere does
not bring a baselined finding back: the rule, the file (relative to the baseline file's
directory), the enclosing class and function, the flagged code with its whitespace and
comments normalised, and its occurrence among findings that share all of these.
"""

import ast
import io
import json
import os
import tokenize
import warnings

FORMAT = 1


class BaselineError(Exception):
    """A baseline that cannot be read or written (exit status 2)."""


def _relative(path, base):
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, base)
    except ValueError:  # another drive
        return absolute.replace(os.sep, "/")
    return relative.replace(os.sep, "/")


def _scopes(text):
    """[(first line, last line, dotted name)] of every function and class, or [] when the
    file does not compile (its SCK000 finding is fingerprinted by its message)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return []
    spans = []

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{child.name}"
                first = min([child.lineno] + [d.lineno for d in child.decorator_list])
                spans.append((first, child.end_lineno or child.lineno, name))
                visit(child, name + ".")
            else:
                visit(child, prefix)

    try:
        visit(tree, "")
    except RecursionError:
        return []
    return spans


def _scope(spans, line):
    best = ""
    best_size = None
    for first, last, name in spans:
        if first <= line <= last and (best_size is None or last - first <= best_size):
            best, best_size = name, last - first
    return best


def _normalise(text):
    """The code's tokens joined by single spaces: indentation, line breaks, comments and
    spacing do not change it."""
    try:
        tokens = [t.string for t in tokenize.generate_tokens(io.StringIO(text).readline)
                  if t.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE,
                                    tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER)]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return " ".join(text.split())
    return " ".join(tokens)


def _snippet(lines, d):
    if not lines or not (0 < d.line <= len(lines)):
        return ""
    if d.end_line < d.line or d.end_line > len(lines):
        return lines[d.line - 1].strip()
    if d.end_line == d.line:
        text = lines[d.line - 1][d.column - 1:d.end_column - 1]
    else:
        parts = [lines[d.line - 1][d.column - 1:]]
        parts.extend(lines[d.line:d.end_line - 1])
        parts.append(lines[d.end_line - 1][:d.end_column - 1])
        text = "\n".join(parts)
    return text if text.strip() else lines[d.line - 1].strip()


def fingerprints(path, diagnostics, lines, base):
    """[(diagnostic, fingerprint)] for one file's findings, fingerprints as tuples."""
    text = "\n".join(lines) if lines else ""
    spans = _scopes(text) if diagnostics else []
    counts = {}
    out = []
    for d in sorted(diagnostics, key=lambda d: (d.line, d.column, d.code)):
        expression = _normalise(_snippet(lines, d)) if d.code != "SCK000" else d.message
        key = (d.code, _relative(path, base), _scope(spans, d.line), expression)
        occurrence = counts.get(key, 0)
        counts[key] = occurrence + 1
        out.append((d, key + (occurrence,)))
    return out


def _entry(fingerprint, message):
    code, file, scope, expression, occurrence = fingerprint
    return {"code": code, "file": file, "scope": scope, "expression": expression,
            "occurrence": occurrence, "message": message}


def write(path, entries):
    """Write a baseline: ``entries`` is [(fingerprint, message)]."""
    items = sorted((_entry(f, m) for f, m in entries),
                   key=lambda e: (e["file"], e["code"], e["scope"], e["expression"],
                                  e["occurrence"]))
    document = {"lint-sockets-baseline": FORMAT, "findings": items}
    data = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    try:
        _replace(path, data.encode("utf-8"))
    except OSError as error:
        raise BaselineError(f"{path}: cannot write the baseline: "
                            f"{error.strerror or error}") from None


def _replace(path, data):
    """Write ``path`` in one step: a temporary file beside it, then a rename."""
    import tempfile

    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".lint-sockets-baseline-", suffix=".tmp",
                                         dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        try:
            mode = os.stat(path).st_mode & 0o7777
        except OSError:
            mode = 0o644
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def read(path):
    """{fingerprint: count} from a baseline file."""
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except OSError as error:
        raise BaselineError(f"{path}: cannot read the baseline: "
                            f"{error.strerror or error}") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: not a lint-sockets baseline: {error}") from None
    if not isinstance(document, dict) or document.get("lint-sockets-baseline") != FORMAT \
            or not isinstance(document.get("findings"), list):
        raise BaselineError(f"{path}: not a lint-sockets baseline (written by "
                            f"--write-baseline)")
    known = set()
    for item in document["findings"]:
        try:
            fingerprint = (str(item["code"]), str(item["file"]), str(item["scope"]),
                           str(item["expression"]), int(item["occurrence"]))
        except (KeyError, TypeError, ValueError):
            raise BaselineError(f"{path}: not a lint-sockets baseline: an entry lacks "
                                f"code, file, scope, expression or occurrence") from None
        known.add(fingerprint)
    return known


class Baseline:
    """The findings of a baseline file, matched against a run's findings."""

    def __init__(self, path):
        self.path = path
        self.base = os.path.dirname(os.path.abspath(path))
        self.known = read(path)
        self.matched = set()
        self.checked_files = set()
        self.hidden = 0

    def filter(self, path, diagnostics, lines):
        """The findings not in the baseline."""
        self.checked_files.add(_relative(path, self.base))
        kept = []
        for d, fingerprint in fingerprints(path, diagnostics, lines, self.base):
            if fingerprint in self.known:
                self.matched.add(fingerprint)
                self.hidden += 1
            else:
                kept.append(d)
        return kept

    def note_checked(self, path):
        self.checked_files.add(_relative(path, self.base))

    def stale(self):
        """Entries for files this run checked that no longer match a finding."""
        return len([f for f in self.known
                    if f[1] in self.checked_files and f not in self.matched])

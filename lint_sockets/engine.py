"""One file in, diagnostics out: parse once, analyse once, run every selected rule, noqa.

Used unchanged by the command line and the flake8 plugin.
"""

import ast
import io
import re
import sys
import tokenize
import warnings

import libcst as cst

from lint_sockets.applicability import SAFE
from lint_sockets.edits import FixNotPossible, FixSpec, text_edits
from lint_sockets.prefilter import might_fire
from lint_sockets.project import uses_project_socket_code
from lint_sockets.source import declared_encoding, deep, large_stack
from lint_sockets.rules import registry

NOQA_RE = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
_SPLIT_CODES = re.compile(r"[,\s]")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_LIBCST_POSITION = re.compile(r"error at (\d+):(\d+)")
_LINE_WITH_END = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


class Diagnostic:
    """One finding. Lines and columns are 1-based; columns count characters."""

    __slots__ = ("code", "message", "line", "column", "end_line", "end_column", "fix",
                 "edits")

    def __init__(self, code, message, line, column, end_line=None, end_column=None, fix=None):
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.end_line = end_line if end_line is not None else line
        self.end_column = end_column if end_column is not None else column
        self.fix = fix  # FixSpec or None
        self.edits = None  # text edits, computed on request (json output)

    def sort_key(self):
        return (self.line, self.column, self.code, self.message)

    def as_tuple(self):
        return (self.line, self.column, self.code, self.message)

    def __repr__(self):
        return f"Diagnostic({self.code} {self.line}:{self.column} {self.message!r})"


class NotChecked(Diagnostic):
    """A file lint-sockets could not check, with nothing to say it is broken: reported as a
    warning on every run (``warning(path)``), never as a finding, and never cached."""

    __slots__ = ()

    def warning(self, path):
        raise NotImplementedError


class ParserLimit(NotChecked):
    """Python's compiler accepts the file, but libcst, the parser the rules need, rejects
    it (tab and space indentation mixed in a way Python allows, grammar libcst lacks)."""

    __slots__ = ()

    def warning(self, path):
        return (f"{path}: not checked: Python accepts this file, but the libcst parser "
                f"lint-sockets uses does not support its syntax ({self.message}); no rule "
                f"could look at it")


class NewerSyntax(NotChecked):
    """A syntax error of the Python lint-sockets runs on, in a file whose project targets a
    newer Python, which may accept it (``except A, B:`` is Python 3.14's, ``def f[T]():``
    Python 3.12's), or in a file of a project that declares no Python version where the
    error is a construct of a newer Python's grammar (``construct``, which libcst parses):
    the file was not checked, and nothing says it is broken. Reported as a warning, not as
    a finding."""

    __slots__ = ("target", "construct")

    def __init__(self, error, target, construct=None):
        super().__init__(error.code, error.message, error.line, error.column)
        self.target = target
        self.construct = construct

    def warning(self, path):
        running = ".".join(map(str, sys.version_info[:2]))
        target = ".".join(map(str, self.target))
        if self.construct is None:
            why = f"the project targets Python {target}, which may accept it"
        else:
            why = (f"the project does not name the oldest Python it supports, and this "
                   f"is {self.construct}, which Python {target} accepts")
        return (f"{path}: not checked: Python {running}, which lint-sockets runs on, cannot "
                f"compile it ({self.message}, line {self.line}), and {why}; run "
                f"lint-sockets on Python {target} or later to check it")


class OlderSyntax(NotChecked):
    """A syntax error of the Python lint-sockets runs on, in a file whose project supports
    an older Python that accepts it: a project that declares Python 2 and no Python 3
    (``print "x"``, ``except E, e:``), or a file the grammar of the oldest Python 3 the
    project admits accepts (``async`` as a name before 3.7). Not checked, not broken."""

    __slots__ = ("accepted_by",)

    def __init__(self, error, accepted_by):
        super().__init__(error.code, error.message, error.line, error.column)
        self.accepted_by = accepted_by

    def warning(self, path):
        running = ".".join(map(str, sys.version_info[:2]))
        return (f"{path}: not checked: Python {running}, which lint-sockets runs on, cannot "
                f"compile it ({self.message}, line {self.line}), but {self.accepted_by}; "
                f"no rule could look at it")


class NotSource(NotChecked):
    """A file named like a module that is not Python source at all: the AppleDouble
    metadata macOS writes as ``._NAME`` beside each file it puts in a tar or zip archive
    (extended attributes, resource fork), which begins with that format's magic number."""

    __slots__ = ()

    def warning(self, path):
        return (f"{path}: not checked: this is AppleDouble metadata that macOS writes beside "
                f"a file it archives (it begins with that format's magic number), not Python "
                f"source")


class Markup(NotChecked):
    """A file named like a module whose text begins with a markup tag (``<?xml``,
    ``<!DOCTYPE html>``, ``<ui version="4.0">``, after blank lines or a byte order mark):
    an XML or HTML document (a Qt Designer form saved under a ``.py`` name, a page), not
    Python source, since no Python statement begins with ``<``."""

    __slots__ = ()

    def warning(self, path):
        return (f"{path}: not checked: this is an XML or HTML document (it begins with a "
                f"tag), not Python source")


class Template(NotChecked):
    """A file whose syntax error is on a line holding a template placeholder or tag outside
    its strings (``{{ name }}``, ``{% if x %}``, ``{# note #}``, ``${name}``, a Mako ``%
    for`` line, a %-format key ``%(name)s``): a Jinja, cookiecutter or Mako template, or a
    file a build step fills in with ``text % values``, rendered into Python before anything
    compiles it."""

    __slots__ = ()

    def warning(self, path):
        return (f"{path}: not checked: line {self.line} holds a template placeholder "
                f"({{{{ }}}}, {{% %}}, ${{}} or %()s), so this is a template that a tool "
                f"renders into Python, not a module ({self.message})")


# The first bytes of every AppleDouble file (RFC 1740).
APPLEDOUBLE_MAGIC = b"\x00\x05\x16\x07"
# The start of a markup document: a tag, a declaration or a processing instruction.
_MARKUP_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<[A-Za-z?!]")

# The oldest grammar ``ast.parse(feature_version=...)`` offers (Python 3.4).
_OLDEST_GRAMMAR = (3, 4)
# The last grammar that takes ``async`` and ``await`` as names (and has f-strings).
_LAST_ASYNC_NAME = (3, 6)


# What Python 3.9-3.13 say to a construct of a newer grammar: ``type X = ...``, ``def f[T]``,
# ``match``, a t-string ("invalid syntax"; "expected '('" to ``def f[T]``), ``except A, B:``,
# a PEP 701 f-string.
# The errors Python 3.11 gives for a newer construct. A 3.12 f-string that reuses its quote
# ends early for 3.11, which then reports whatever the rest looks like: a backslash
# outside a string, a string never ended, a bracket that does not match.
_NEWER_GRAMMAR_ERRORS = ("SyntaxError: invalid syntax", "SyntaxError: expected '('",
                         "SyntaxError: multiple exception types must be parenthesized",
                         "SyntaxError: f-string",
                         "SyntaxError: unexpected character after line continuation",
                         "SyntaxError: unterminated string literal",
                         "SyntaxError: unterminated triple-quoted string literal",
                         "SyntaxError: closing parenthesis", "SyntaxError: unmatched")


def _judged_for_target(error, settings, source, path=None):
    """``error`` (Python's syntax check), or a NotChecked when the project's target may
    accept the file: a newer Python (NewerSyntax), or an older one (OlderSyntax). A project
    that declares no version is judged by the error: Python 2 syntax in Python 2 code, or
    a newer grammar's construct. Python 2 syntax in the Python 2 one of a pair of version
    twins (``path``: ``python2/client.py`` beside ``python3/client.py``) is Python 2's."""
    target = tuple(settings.target_version)
    if isinstance(source, bytes) and source.startswith(APPLEDOUBLE_MAGIC):
        return NotSource(error.code, error.message, error.line, error.column)
    if source is not None and _MARKUP_START.match(
            source[:256] if isinstance(source, bytes) else
            source[:256].encode("utf-8", "replace")):
        return Markup(error.code, error.message, error.line, error.column)
    if not error.message.startswith("SyntaxError: ") or "encoding" in error.message:
        return error
    if _template_line(source, error.line):
        return Template(error.code, error.message, error.line, error.column)
    if target > sys.version_info[:2]:
        return NewerSyntax(error, target)
    if settings.python2_only:
        return OlderSyntax(error, f"{settings.python2_only}, and this may be Python 2 syntax")
    if path is not None and settings.project_root is not None and \
            _python2_twin_source(error, source, path, settings.project_root):
        return OlderSyntax(error, "this is Python 2 syntax in the Python 2 one of a pair of "
                                  "version twins (its Python 3 twin is beside it), which "
                                  "Python 3 never imports")
    if path is not None and settings.project_root is not None and \
            _python2_fallback_source(error, source, path, settings.project_root):
        return OlderSyntax(error, "this is Python 2 syntax in a module the project imports "
                                  "only as a Python 2 fallback (in an except clause for a "
                                  "failed import, or the Python 2 branch of a version "
                                  "test), which Python 3 never imports")
    if not settings.version_declared and \
            _python2_source(error, source, settings.project_root, path):
        return OlderSyntax(error, "this is Python 2 syntax, the project does not say which "
                                  "Pythons it supports, and none of its modules holds code "
                                  "only Python 3 accepts or runs")
    if not settings.version_declared and _accepted_by_grammar(source, _LAST_ASYNC_NAME):
        return OlderSyntax(error, "the project does not say which Pythons it supports, and "
                                  "Python 3.6's grammar accepts it")
    if not settings.version_floor_declared and \
            error.message.startswith(_NEWER_GRAMMAR_ERRORS):
        from lint_sockets.pyversions import newer_syntax

        newer = newer_syntax(source, error.line)
        if newer is not None:
            return NewerSyntax(error, *newer)
    if target < (3, 7):
        grammar = max(target, _OLDEST_GRAMMAR)
        if _accepted_by_grammar(source, grammar):
            return OlderSyntax(error, f"the project targets Python {target[0]}.{target[1]}, "
                                      f"and Python {grammar[0]}.{grammar[1]}'s grammar "
                                      f"accepts it")
    return error


def _source_line(source, number):
    """(``source`` as bytes, its line ``number`` as bytes: b"" when there is none)."""
    data = source if isinstance(source, bytes) else source.encode("utf-8", "surrogatepass")
    lines = data.splitlines()
    return data, (lines[number - 1] if 0 < number <= len(lines) else b"")


def _template_line(source, number):
    """Line ``number`` of ``source`` holds a template placeholder or tag outside its
    strings (pyversions.template_line)."""
    from lint_sockets.pyversions import template_line

    return template_line(_source_line(source, number)[1])


def _python2_source(error, source, root, path=None):
    """The syntax error is Python 2 syntax (pyversions.python2_statement) in a module
    that, like every module of its project (at ``root``; None: a file of no project), holds
    no syntax only Python 3 accepts and no code that runs only there
    (pyversions.python3_code): the code of a project that declares no Python version is
    that of Python 2."""
    from lint_sockets.pyversions import (
        python2_statement, python3_code, python3_project, required_backports,
        sibling_modules,
    )

    data, line = _source_line(source, error.line)
    if not python2_statement(error.message, line.decode("latin-1")):
        return False
    if python3_code(data, required_backports(root) if root is not None else frozenset(),
                    sibling_modules(path) if path is not None else frozenset()):
        return False
    return root is None or not python3_project(root)


def _python2_twin_source(error, source, path, root):
    """The syntax error is Python 2 syntax (pyversions.python2_statement) in a file that
    is the Python 2 one of a pair of version twins (pyversions.python2_twin)."""
    from lint_sockets.pyversions import python2_statement, python2_twin

    _, line = _source_line(source, error.line)
    return python2_statement(error.message, line.decode("latin-1")) and \
        python2_twin(path, root)


def _python2_fallback_source(error, source, path, root):
    """The syntax error is Python 2 syntax (pyversions.python2_statement) in a module the
    project imports only as a Python 2 fallback (pyversions.python2_fallback)."""
    from lint_sockets.pyversions import python2_fallback, python2_statement

    _, line = _source_line(source, error.line)
    return python2_statement(error.message, line.decode("latin-1")) and \
        python2_fallback(path, root)


def _accepted_by_grammar(source, version):
    """``source`` parses with the grammar of Python ``version`` (3.4 or later): names
    such as ``async`` that later versions reserve."""
    if isinstance(source, str) and source.startswith("\ufeff"):
        source = source[1:]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(source, feature_version=version)
    except (SyntaxError, ValueError, UnicodeDecodeError, MemoryError, RecursionError):
        return False
    return True


def lint_source(source, settings, noqa=True):
    """Diagnostics for one module given as bytes (encoding detected) or str."""
    return check_source(source, settings, noqa)[0]


def check_source(source, settings, noqa=True, precheck=True, edits=False, prefilter=True,
                 tree=None, project=None, module_name=None, test_code=False, path=None):
    """(diagnostics, source lines or None): the lines only when there are diagnostics.

    ``precheck=False`` skips Python's own syntax check, for callers (flake8) that have
    already compiled the file; they may pass its ``ast`` as ``tree``. ``edits=True``
    computes each fix's text edits (json output). ``prefilter=False`` parses even files no
    rule can fire on (for tests of the filters). ``project`` is the project's
    ``ProjectIndex`` (or None: the file is analysed on its own) and ``module_name`` the
    file's module name in it. ``test_code`` says the file is test code
    (``paths.is_test_code``). ``path``: the file's path, for the syntax judgement.
    """
    if precheck:
        error, tree = _python_syntax_check(source, tree=True)
        if error is not None:
            if "SCK000" not in settings.enabled:
                return [], None
            return [_judged_for_target(error, settings, source, path)], _plain_lines(source)
    wants_noqa_check = "SCK100" in settings.enabled and _has_sck_noqa(source)
    if prefilter and not wants_noqa_check and _filtered_out(source, settings, tree) and \
            not uses_project_socket_code(project, module_name):
        return [], None
    if project is None:
        project, module_name = module_alone(source, tree)
    tree = None  # the ast is not needed any more: never hold it next to libcst's tree
    parsed, error = parse(source, precheck=False)
    if error is not None:
        if "SCK000" not in settings.enabled:
            return [], None
        return [error], _plain_lines(source)
    diagnostics, lines = reported(parsed, settings, source, noqa, wants_noqa_check,
                                  project=project, module_name=module_name,
                                  test_code=test_code)
    if not diagnostics:
        return [], None
    if parsed.altered:
        for d in diagnostics:
            d.fix = None  # parsed from altered text: never rewrite it
    elif edits:
        for d in diagnostics:
            if d.fix is not None:
                d.edits = text_edits(parsed.module, d.fix)
                if d.edits is None:
                    d.fix = None
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics, lines


ALONE = "__main__"  # the module name of a file of no project: a script run on its own


def module_alone(source, tree=None):
    """(ProjectIndex, module name) for a file of no project (no root marker above it, a
    file on stdin, flake8 on such a file): the index of a project whose one module is the
    file itself, so that what the analysis follows inside a module (a factory, a helper
    method, a class constant) is followed as in a project. ``tree`` is the file's ``ast``
    when the caller has it. (None, None) when it does not compile or is too deep to walk."""
    from lint_sockets.analysis import index
    from lint_sockets.source import deep

    if tree is None:
        _, tree = _python_syntax_check(source, tree=True)
    if tree is None:
        return None, None
    try:
        summary = deep(lambda: index.summarise(tree, ALONE, False))
    except Exception:  # noqa: BLE001 - the file is still checked, as it was, on its own
        return None, None
    return index.ProjectIndex(None, {ALONE: summary}), ALONE


def first_pass(source, settings, path=None):
    """(diagnostics, ast) from Python's syntax check and the pre-filters alone: the
    diagnostics are what check_source gives when these settle the file (a syntax error;
    or no enabled rule can fire), else None (libcst's parse and the rules are needed:
    check_source with ``precheck=False, prefilter=False`` does the rest). The ``ast`` is
    the module's when it compiles, for other uses of the same parse (the project index)."""
    error, tree = _python_syntax_check(source, tree=True)
    if error is not None:
        return ([_judged_for_target(error, settings, source, path)]
                if "SCK000" in settings.enabled else []), None
    wants_noqa_check = "SCK100" in settings.enabled and _has_sck_noqa(source)
    if not wants_noqa_check and _filtered_out(source, settings, tree):
        return [], tree
    return None, tree


def reported(parsed, settings, source, noqa=True, wants_noqa_check=None, project=None,
             module_name=None, test_code=False):
    """(diagnostics as reported, source lines): the rules' findings located, SCK100 added,
    and (with ``noqa``) what ``# noqa`` suppresses left out. Checking and fixing both use
    it, so a suppressed finding is never fixed."""
    if wants_noqa_check is None:
        wants_noqa_check = "SCK100" in settings.enabled and _has_sck_noqa(source)
    findings = deep(run_rules, parsed.module, settings, source, project, module_name,
                    test_code)
    if not findings and not wants_noqa_check:
        return [], None
    diagnostics = _locate(parsed, findings) if findings else []
    text = _source_text(source, parsed.module)
    lines = _NEWLINE.split(text)
    noqa_lines = _noqa_lines(text, lines) if noqa or wants_noqa_check else None
    if wants_noqa_check:
        diagnostics.extend(unused_noqa(parsed, text, diagnostics, noqa_lines,
                                       settings.enabled))
    if noqa:
        diagnostics = [d for d in diagnostics if not is_suppressed(d, noqa_lines)]
    return diagnostics, lines


class Parsed:
    """A libcst module and what was done to the text to get it parsed."""

    __slots__ = ("module", "column_shift")

    def __init__(self, module, column_shift=None):
        self.module = module
        # line -> characters removed at its start (form feeds in indentation), to add back
        # to columns; a module parsed from altered text must never be written back.
        self.column_shift = column_shift or {}

    @property
    def altered(self):
        return bool(self.column_shift)


def parse(source, precheck=True):
    """(Parsed, None) or (None, SCK000 diagnostic).

    Python's own compiler judges the syntax first (it only builds an AST; nothing is
    executed): its verdict is the one users know, and code nested deeper than Python
    accepts never reaches libcst's native parser, which can overflow the C stack on it.
    """
    if precheck:
        error = _python_syntax_error(source)
        if error is not None:
            return None, error
    try:
        return Parsed(large_stack(cst.parse_module, source)), None
    except Exception as exc:  # noqa: BLE001 - libcst rejects code Python accepts
        first_error = exc
    for altered, shift in _parse_fallbacks(source):
        try:
            return Parsed(large_stack(cst.parse_module, altered), shift), None
        except Exception:  # noqa: BLE001
            continue
    return None, _libcst_limitation(first_error)


def _filtered_out(source, settings, tree):
    """The pre-filters show that no enabled rule can report anything in ``source``: its
    text (``might_fire``), then, given its ``ast``, what that uses (``rules_may_fire``)."""
    if not might_fire(source):
        return True
    return tree is not None and not rules_may_fire(tree, settings)


def nothing_to_fix(source, settings):
    """True when no enabled rule can report anything in ``source``, so nothing in it can be
    fixed (the pre-filters, as for checking; a ``# noqa: SCK...`` for SCK100 to judge
    keeps the file). False for a file with a syntax error (fixing leaves it alone)."""
    if "SCK100" in settings.enabled and _has_sck_noqa(source):
        return False
    error, tree = _python_syntax_check(source, tree=True)
    return error is None and _filtered_out(source, settings, tree)


def rules_may_fire(tree, settings):
    """False only when no enabled rule can report anything in the module whose ``ast`` is
    ``tree``: every rule's gate, a necessary condition of its findings, fails on what the
    module's syntax tree uses (prefilter.Usage). Much cheaper than libcst's parse, it drops
    the modules that pass the text filter without using a socket (generated protocol code
    whose message classes have a ``send`` method)."""
    from lint_sockets.analysis.facts import Evidence
    from lint_sockets.prefilter import usage_of

    rules = registry()
    gates = []
    for code in settings.enabled:
        rule = rules[code]
        if rule.check is None:
            continue  # SCK000 and SCK100 come from the engine, judged elsewhere
        if rule.gate is None:
            return True  # a rule without a gate may fire anywhere
        gates.append(rule.gate)
    if not gates:
        return True  # nothing to analyse: the parse only reports libcst's limits
    evidence = Evidence(usage_of(tree), settings)
    return any(gate(evidence) for gate in gates)


def _python_syntax_error(source):
    return _python_syntax_check(source)[0]


# A string literal's bad escape (``"\\u00%s"``, ``"\\N{x}"``) is Python's "(unicode error)"
# about the literal, not about the file's encoding: Python 2 byte strings have no such
# escapes.
_ESCAPE_ERRORS = ("(unicode error) 'unicodeescape'", "(unicode error) 'rawunicodeescape'")


def _python_syntax_check(source, tree=False):
    """(SCK000 diagnostic or None, the module's ``ast`` when ``tree`` and it compiles)."""
    if isinstance(source, str) and source.startswith("\ufeff"):
        source = source[1:]  # a BOM read as text is not code
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compiled = compile(source, "<lint-sockets>", "exec", ast.PyCF_ONLY_AST,
                               dont_inherit=True)
    except SyntaxError as err:
        message = err.msg or "invalid syntax"
        if isinstance(source, bytes) and ("decode" in message or "encoding" in message) \
                and not message.startswith(_ESCAPE_ERRORS):
            message = f"the file is not valid in its declared encoding: {message}"
        return Diagnostic("SCK000", f"SyntaxError: {message}", err.lineno or 1,
                          max(err.offset or 1, 1)), None
    except (ValueError, UnicodeDecodeError) as err:
        return Diagnostic("SCK000", f"the file cannot be read as Python source: {err}", 1,
                          1), None
    except (MemoryError, RecursionError) as err:
        return Diagnostic("SCK000", "the file is nested too deeply for Python to compile "
                                    f"({type(err).__name__})", 1, 1), None
    return None, (compiled if tree else None)


def _parse_fallbacks(source):
    """Texts equivalent for Python that libcst may accept when the original fails:
    the text decoded by Python's own encoding detection (a coding cookie on a file with
    lone-CR newlines), then form feeds removed from the start of lines (Python ignores
    them for indentation; libcst counts them)."""
    text = source
    if isinstance(source, bytes):
        try:
            text = source.decode(declared_encoding(source))
        except (UnicodeDecodeError, LookupError):
            return
        if text.startswith("\ufeff"):
            text = text[1:]
        yield text, None
    if "\f" in text:
        shift = {}
        out = []
        for number, line in enumerate(_LINE_WITH_END.findall(text), start=1):
            stripped = line.lstrip(" \t\f")
            indent = line[:len(line) - len(stripped)]
            if "\f" in indent:
                shift[number] = indent.count("\f")
                line = indent.replace("\f", "") + stripped
            out.append(line)
        if shift:
            yield "".join(out), shift


def _libcst_limitation(exc):
    line, column = 1, 1
    raw_line = getattr(exc, "raw_line", None)
    raw_column = getattr(exc, "raw_column", None)
    if raw_line:
        line, column = raw_line, (raw_column or 0) + 1
    text = getattr(exc, "message", None) or _safe_str(exc).strip().splitlines()[-1:] or [""]
    detail = text if isinstance(text, str) else text[0]
    detail = detail.replace("parser error: ", "")
    # libcst's raw_line can be one past the error; its message has the position right.
    where = _LIBCST_POSITION.search(detail)
    if where:
        line, column = int(where.group(1)), int(where.group(2)) + 1
    return ParserLimit("SCK000", detail, line, max(column, 1))


def _safe_str(exc, limit=300):
    """str(exc), short, even for exceptions whose str() itself fails or recurses."""
    try:
        text = str(exc)
    except Exception:  # noqa: BLE001
        text = ""
    if len(text) > limit:
        text = text[:limit] + "..."
    return text


def _has_sck_noqa(source):
    if isinstance(source, bytes):
        return b"noqa" in source.lower() and b"SCK" in source.upper()
    return "noqa" in source.lower() and "SCK" in source.upper()


def unused_noqa(parsed, text, diagnostics, noqa_lines, enabled):
    """SCK100 findings: SCK codes in `# noqa: ...` lists that suppress no finding on the
    lines flake8 would read them for. Only codes whose rules all ran are judged: a code for
    a rule this run did not check may be needed by another run."""
    from lint_sockets.rules import registry
    from lint_sockets.rules.noqa import NOQA

    codes = set(registry())
    by_line = {}
    for d in diagnostics:
        by_line.setdefault(d.line, []).append(d.code)
    found = []
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return found
    for token in tokens:
        if token.type != tokenize.COMMENT:
            continue
        match = NOQA.search(token.string)
        if match is None or match.group("codes") is None:
            continue
        listed = [c for c in _SPLIT_CODES.split(match.group("codes")) if c]
        ours = [c for c in listed if c.startswith("SCK")
                and any(k.startswith(c) for k in codes)
                and all(k in enabled for k in codes if k.startswith(c))]
        if not ours:
            continue
        covered = [n for n, t in getattr(noqa_lines, "mapping", {}).items()
                   if token.string in t] or [token.start[0]]
        present = [code for n in covered for code in by_line.get(n, ())]
        unused = [c for c in ours if not any(p == c or p.startswith(c) for p in present)]
        if not unused:
            continue
        line, column = token.start[0], token.start[1] + 1
        fix = _noqa_fix(parsed, token, unused)
        found.append(Diagnostic(
            "SCK100",
            registry()["SCK100"].message.format(plural="s" if len(unused) > 1 else "",
                                                codes=", ".join(unused)),
            line, column, line, column + len(token.string), fix=fix,
        ))
    return found


def _noqa_fix(parsed, token, unused):
    from lint_sockets.rules.noqa import rewrite_comment

    if parsed.altered:
        return None
    new_text = rewrite_comment(token.string, unused)

    def build():
        owner = _comment_owner(parsed.module, token)
        if owner is None:
            raise FixNotPossible()
        if new_text:
            return [(owner.comment, cst.Comment(new_text))]
        if isinstance(owner, cst.TrailingWhitespace):
            return [(owner, owner.with_changes(whitespace=cst.SimpleWhitespace(""),
                                               comment=None))]
        return [(owner, cst.RemoveFromParent())]

    message = "Remove the unused noqa code" + ("s" if len(unused) > 1 else "")
    return FixSpec(SAFE, message, build)


def _comment_owner(module, token):
    """The TrailingWhitespace or EmptyLine holding the comment at the token's position."""
    from libcst.metadata import MetadataWrapper, PositionProvider

    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = deep(wrapper.resolve, PositionProvider, retry_on=Exception)
    line, column = token.start
    for node, span in positions.items():
        if isinstance(node, cst.Comment) and span.start.line == line \
                and span.start.column == column:
            for owner in positions:
                if isinstance(owner, (cst.TrailingWhitespace, cst.EmptyLine)) and \
                        owner.comment is node:
                    return owner
    return None


def run_rules(module, settings, source=None, project=None, module_name=None, test_code=False):
    """[(node, code, message, FixSpec or None)] for the enabled rules, in no order.

    ``project`` (a ``ProjectIndex`` or None), ``module_name`` and ``test_code`` are handed to
    the facts."""
    from lint_sockets.analysis.facts import Facts
    from lint_sockets.analysis.walk import build_model

    rules = registry()
    checks = []
    for code in settings.enabled:
        check = rules[code].check
        if check is not None and check not in checks:
            checks.append(check)
    if not checks:
        return []
    from lint_sockets.analysis.helpers import helper_names

    constant = None
    if project is not None and module_name is not None:
        def constant(key):
            return project.constant(module_name, key)
    model = build_model(module, helper_names(project), constant)
    facts = Facts(model, settings, source, project=project, module=module_name,
                  test_code=test_code)
    findings = []
    seen = set()

    python3 = (settings.target_version or (3, 0))[0] >= 3
    if project is not None and module_name is not None and \
            project.unimportable(module_name):
        return []  # its imports name the author's own tree: the module never runs

    def report(node, code, fix=None, **fields):
        if code not in settings.enabled or (id(node), code) in seen:
            return
        if python3 and facts.python2_only(node):
            return  # code only Python 2 runs (``if six.PY2:``): dead on the target
        if python3 and facts.after_unbound_name(node):
            return  # after a NameError that happens every time: never runs
        seen.add((id(node), code))
        findings.append((node, code, rules[code].message.format(**fields), fix))

    for check in sorted(checks, key=lambda c: (c.__module__, c.__name__)):
        check(facts, report)
    return findings


def _locate(parsed, findings):
    from libcst.metadata import MetadataWrapper, PositionProvider

    def positions():
        wrapper = MetadataWrapper(parsed.module, unsafe_skip_copy=True)
        return wrapper.resolve(PositionProvider)

    table = deep(positions, retry_on=Exception)
    shift = parsed.column_shift
    diagnostics = []
    for node, code, message, fix in findings:
        span = table[node]
        start_shift = shift.get(span.start.line, 0)
        end_shift = shift.get(span.end.line, 0)
        diagnostics.append(Diagnostic(
            code, message, span.start.line, span.start.column + 1 + start_shift,
            span.end.line, span.end.column + 1 + end_shift, fix=fix,
        ))
    return diagnostics


def _source_text(source, module):
    if isinstance(source, bytes):
        text = source.decode(module.encoding, errors="replace")
        if text.startswith("\ufeff"):
            text = text[1:]
        return text
    return source


def _noqa_lines(text, lines):
    """line number -> the text flake8 searches for ``# noqa`` when it reports that line:
    the physical line, or all the lines of a backslash-continued statement or multi-line
    string it belongs to (flake8's own mapping, rebuilt from the tokens)."""
    mapping = {}
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return _PhysicalLines(lines)
    first, last = None, None
    for token in tokens:
        if token.type in (tokenize.ENDMARKER, tokenize.DEDENT):
            continue
        start, end = token.start[0], token.end[0]
        first = start if first is None else min(first, start)
        last = end if last is None else max(last, end)
        if token.type in (tokenize.NL, tokenize.NEWLINE):
            joined = "".join(line + "\n" for line in lines[first - 1:last])
            for number in range(first, last + 1):
                mapping[number] = joined
            first, last = None, None
    return _PhysicalLines(lines, mapping)


class _PhysicalLines:
    def __init__(self, lines, mapping=None):
        self.lines = lines
        self.mapping = mapping or {}

    def get(self, number):
        text = self.mapping.get(number)
        if text is None and 0 < number <= len(self.lines):
            text = self.lines[number - 1]
        return text


def _plain_lines(source):
    if isinstance(source, bytes):
        source = source.decode("utf-8", errors="replace")
    return _NEWLINE.split(source)


def is_suppressed(diagnostic, lines):
    """``# noqa`` / ``# noqa: CODES`` on the flagged line, read exactly as flake8 reads it.

    ``lines`` is a list of physical lines or the mapping ``_noqa_lines`` builds."""
    if isinstance(lines, list):
        index = diagnostic.line - 1
        text = lines[index] if 0 <= index < len(lines) else None
    else:
        text = lines.get(diagnostic.line)
    if text is None:
        return False
    match = NOQA_RE.search(text)
    if match is None:
        return False
    codes = match.group("codes")
    if codes is None:
        return True
    wanted = {c for c in _SPLIT_CODES.split(codes) if c}
    return diagnostic.code in wanted or diagnostic.code.startswith(tuple(wanted))

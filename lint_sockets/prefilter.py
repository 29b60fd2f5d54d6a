"""Two tests that skip files no rule can fire on, before libcst ever sees them: a text
test (``might_fire``), then, for the files it keeps, what the module's ``ast`` uses
(``usage_of``), which each rule's gate reads (``engine.rules_may_fire``).

Neither may skip a file a rule would flag, so each clause of the text test, and each gate,
follows from what some rule needs to see in the code (tests/test_prefilter.py checks every
fixture and every standard-library file with findings against them). Syntax errors
(SCK000) are judged by Python's compiler for every file, filtered or not; a file either
filter skips is not parsed by libcst, so libcst's own limits (SCK000 "cannot parse") are
reported only for files a rule could fire on. The text test keeps:

- A socket call, option or name the rules look for: ``.recv(``, ``.send...(``, ``.accept(``,
  ``.connect(``, ``.bind(``, ``.getpeername(``, ``loop.sock_*(``, ``SIGPIPE``, ``EINTR``,
  ``InterruptedError``, ``create_connection``, ``SO_KEEPALIVE``, ``SO_ERROR``, ``ETIMEDOUT``,
  socketserver handlers, SSL sockets ... (every rule except the errno-literal paths needs
  one of these);
- asyncio's StreamReader (SCK101 on ``reader.read(n)``);
- an errno expression followed closely by a number that is a socket errno somewhere
  (SCK901 away from socket calls, SCK202's ``e.errno == 4``).
"""

import ast as _ast
import re

_CALLS = re.compile(
    rb"\.(?:recv\w*|send\w*|accept|connect(?:_ex)?|bind|sock_\w+|makefile|wrap_socket"
    rb"|do_handshake|setblocking|settimeout|setsockopt|getsockopt|listen|getpeername)\s*\("
    rb"|SIGPIPE|EINTR|InterruptedError|SSLSocket|SO_KEEPALIVE|SO_RCVTIMEO|SO_SNDTIMEO"
    rb"|ETIMEDOUT|create_connection|SO_ERROR|socketserver|RequestHandler|setdefaulttimeout"
)
_READER = re.compile(rb"StreamReader|open_connection|open_unix_connection")
_ERRNO = re.compile(rb"errno|args\s*\[\s*0\s*\]|\w\s*\[\s*0\s*\]\s*(?:==|!=|in\b|not\b|is\b)")
# Numbers some platform uses for a socket errno (Linux, BSD/macOS, Winsock).
_SOCKET_ERRNO_NUMBER = re.compile(
    rb"(?<![\w.])(?:4|9|11|23|24|32|35|36|37|5[3-9]|6[0-5]|71|8[8-9]|9\d|10\d|11[0-5]"
    rb"|100\d\d)(?![\w.])"
)
_WINDOW = 300


def might_fire(source):
    """False only when no rule can fire on this source (bytes or str)."""
    if isinstance(source, str):
        source = source.encode("utf-8", "surrogatepass")
    if _CALLS.search(source):
        return True
    if b"asyncio" in source and _READER.search(source):
        return True
    for match in _ERRNO.finditer(source):
        if _SOCKET_ERRNO_NUMBER.search(source, match.end(), match.end() + _WINDOW):
            return True
    return False


# ---- the second filter: what the module's syntax tree actually uses ----------------------

_SKIP = frozenset({"ctx"})
_FIELDS = {}
_WORD = re.compile(r"[A-Za-z_]\w*")
# Pattern nodes that bind a name (a plain string in the ast, a Name in libcst's tree);
# ``match`` exists from Python 3.10.
_BINDING_PATTERNS = tuple(getattr(_ast, name) for name in ("MatchAs", "MatchStar")
                          if hasattr(_ast, name))
_MAPPING_PATTERN = getattr(_ast, "MatchMapping", None)


class Usage:
    """What a module's ``ast`` says it uses, in one walk: the evidence the rules' gates
    (``Rule.gate``, through ``analysis.facts.Evidence``) read to decide, exactly, that they
    cannot fire on the module.

    Both trees come from the same text, and every field holds at least what the analysis
    can find in libcst's tree (every name, every attribute, every call's method and the
    last name of its receiver, every int literal, ...), so a gate that is a necessary
    condition of its rule's findings on the libcst tree stays one here.

    The walk is iterative (an expression can be thousands of levels deep) and skips the
    load/store context nodes; on generated code it costs a fraction of the compile that
    built the tree, and a small one of libcst's parse.
    """

    __slots__ = ("names", "attributes", "method_calls", "name_calls", "ints",
                 "compared_ints", "errno_ints", "compared_refs", "imported",
                 "module_aliases", "handler_names", "subscripted", "annotation_words",
                 "getattr_strings", "call_strings", "_likely")

    def __init__(self):
        self.names = set()  # Name ids, def/class/parameter/keyword names, import parts
        self.attributes = set()  # attribute names, called or not
        self.method_calls = {}  # ``x.m(...)`` -> {last name of the receiver, or None}
        self.name_calls = set()  # ``f(...)``: f
        self.ints = set()  # every int literal (absolute value)
        self.compared_ints = set()  # int literals on a side of ==, !=, in, not in, is, is not
        # int literals an errno set can be read from (``ErrnoFacts.errno_set``): compared
        # as above, an element of a tuple, list or set, a name's assigned value, an operand
        # of ``+`` or ``|``
        self.errno_ints = set()
        # dotted names compared as above with something an errno can be read from
        # (``e.errno in RETRY``, ``err == errs.X``)
        self.compared_refs = set()
        self.imported = {}  # name an import binds -> its top-level module ("": relative)
        self.module_aliases = {}  # ``NAME = errs.X`` at module level: NAME -> ("errs.X",)
        self.handler_names = set()  # ``except E as name``
        self.subscripted = set()  # ``name[...]``
        self.annotation_words = set()  # words of string annotations (and of cast() strings)
        self.getattr_strings = set()  # ``getattr(x, "name", ...)``: name
        self.call_strings = []  # strings given first to a call (``cast("T", x)``)
        self._likely = {}

    # ---- questions the gates ask -------------------------------------------------------

    def mentions(self, *words):
        """One of ``words`` is a name, an attribute, an import or a word of a string
        annotation in the module."""
        return any(w in self.names or w in self.attributes or w in self.annotation_words
                   for w in words)

    def calls(self, *methods):
        """``x.m(...)`` for some m in ``methods``."""
        return any(m in self.method_calls for m in methods)

    def called(self, *functions):
        """A call of ``f(...)`` or ``x.f(...)``, or ``f`` imported (``from m import f as g``
        calls it as ``g``)."""
        return any(f in self.method_calls or f in self.name_calls or f in self.names
                   for f in functions)

    def on_likely_socket(self, methods, pattern):
        """``x.m(...)`` with m in ``methods`` on a receiver whose name ``pattern`` (the
        socket-names setting, compiled) matches: what the analysis may take for a socket
        on its name alone."""
        for method in methods:
            for last in self.method_calls.get(method, ()):
                if last is None:
                    continue
                key = (last, pattern)
                hit = self._likely.get(key)
                if hit is None:
                    hit = self._likely[key] = pattern.search(last) is not None
                if hit:
                    return True
        return False


def _fields(cls):
    fields = _FIELDS.get(cls)
    if fields is None:
        fields = _FIELDS[cls] = tuple(f for f in cls._fields if f not in _SKIP)
    return fields


def _last_name(node):
    if isinstance(node, _ast.Name):
        return node.id
    if isinstance(node, _ast.Attribute):
        return node.attr
    return None


def _words(text, into):
    into.update(_WORD.findall(text))


def _annotation(node, usage):
    for inner in _ast.walk(node):
        if isinstance(inner, _ast.Constant) and isinstance(inner.value, str):
            _words(inner.value, usage.annotation_words)


_EQUALITY = (_ast.Eq, _ast.NotEq, _ast.In, _ast.NotIn, _ast.Is, _ast.IsNot)
_SET_OPERATORS = (_ast.Add, _ast.BitOr)


def _int(node):
    """The absolute value of an int literal (``4``, ``-4``), else None."""
    if type(node) is _ast.UnaryOp:
        node = node.operand
    if type(node) is _ast.Constant and type(node.value) is int:
        return abs(node.value)
    return None


def _errno_shaped(node):
    """What an errno can be read from in a comparison: ``e.errno``, ``e.winerror``,
    ``e.args[0]``, ``e[0]``, a name bound to one, a call (``getattr(e, "errno", None)``,
    ``errno_from_exception(e)``)."""
    kind = type(node)
    return kind is _ast.Name or kind is _ast.Subscript or kind is _ast.Call or (
        kind is _ast.Attribute and node.attr in ("errno", "winerror"))


def _compared(node, usage, errno_side=True):
    """Record the int literals of one side of an equality or membership test, and, when
    another side can be an errno (``errno_side``), its dotted names."""
    stack = [node]
    while stack:
        side = stack.pop()
        if isinstance(side, (_ast.Tuple, _ast.List, _ast.Set)):
            stack.extend(side.elts)
        elif isinstance(side, _ast.UnaryOp):
            stack.append(side.operand)
        elif isinstance(side, _ast.Constant) and type(side.value) is int:
            usage.compared_ints.add(abs(side.value))
            usage.errno_ints.add(abs(side.value))
        elif errno_side:
            dotted = _dotted(side)
            if dotted is not None:
                usage.compared_refs.add(dotted)


def _refs(value):
    """The dotted names an errno set written as ``value`` is made of: ``errs.RETRY``,
    ``(errs.A, errs.B)``, ``BASE + (errno.EINTR,)``, ``frozenset({...})``."""
    refs = []
    stack = [value]
    while stack and len(refs) < 64:
        node = stack.pop()
        kind = type(node)
        if kind is _ast.Tuple or kind is _ast.List or kind is _ast.Set:
            stack.extend(node.elts)
        elif kind is _ast.BinOp and isinstance(node.op, _SET_OPERATORS):
            stack.extend((node.left, node.right))
        elif kind is _ast.Call and len(node.args) == 1 and not node.keywords:
            stack.append(node.args[0])
        else:
            dotted = _dotted(node)
            if dotted is not None:
                refs.append(dotted)
    return tuple(refs)


def _dotted(node):
    """``a.b.c`` for a chain of names, else None."""
    parts = []
    while type(node) is _ast.Attribute:
        parts.append(node.attr)
        node = node.value
    if type(node) is not _ast.Name:
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def _errno_ints(values, usage):
    for value in values:
        number = _int(value)
        if number is not None:
            usage.errno_ints.add(number)


def usage_of(tree):
    """The Usage of a module's ``ast`` (as ``compile(..., PyCF_ONLY_AST)`` returns it)."""
    usage = Usage()
    for statement in getattr(tree, "body", ()):
        if type(statement) is _ast.Assign and len(statement.targets) == 1 \
                and type(statement.targets[0]) is _ast.Name:
            refs = _refs(statement.value)
            if refs:
                usage.module_aliases[statement.targets[0].id] = refs
    names, attributes = usage.names, usage.attributes
    method_calls, name_calls, ints = usage.method_calls, usage.name_calls, usage.ints
    Name, Attribute, Call, Constant = _ast.Name, _ast.Attribute, _ast.Call, _ast.Constant
    AST = _ast.AST
    stack = [tree]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        cls = type(node)
        if cls is Name:
            names.add(node.id)
            continue
        if cls is Constant:
            if type(node.value) is int:
                ints.add(abs(node.value))
            continue
        if cls is Attribute:
            attributes.add(node.attr)
        elif cls is Call:
            func = node.func
            if type(func) is Attribute:
                method_calls.setdefault(func.attr, set()).add(_last_name(func.value))
            elif type(func) is Name:
                name_calls.add(func.id)
            first = node.args[0] if node.args else (node.keywords[0].value
                                                    if node.keywords else None)
            if type(first) is Constant and type(first.value) is str:
                usage.call_strings.append(first.value)
            if type(func) is Name and func.id == "getattr" and len(node.args) > 1:
                second = node.args[1]
                if type(second) is Constant and type(second.value) is str:
                    usage.getattr_strings.add(second.value)
        elif cls is _ast.Compare:
            # errno tests are equalities and memberships (``e.errno == 35``,
            # ``err in (11, 35)``); ``n < 4`` tests no errno
            if all(isinstance(op, _EQUALITY) for op in node.ops):
                sides = [node.left, *node.comparators]
                shaped = sum(1 for side in sides if _errno_shaped(side))
                for side in sides:
                    _compared(side, usage, shaped - _errno_shaped(side) > 0)
        elif cls is _ast.Tuple or cls is _ast.List or cls is _ast.Set:
            _errno_ints(node.elts, usage)
        elif cls is _ast.Assign or cls is _ast.AnnAssign:
            if node.value is not None:
                _errno_ints((node.value,), usage)
        elif cls is _ast.BinOp:
            if isinstance(node.op, _SET_OPERATORS):
                _errno_ints((node.left, node.right), usage)
        elif cls is _ast.Subscript:
            if type(node.value) is Name:
                usage.subscripted.add(node.value.id)
        elif cls is _ast.arg:
            names.add(node.arg)
            if node.annotation is not None:
                _annotation(node.annotation, usage)
        elif cls is _ast.AnnAssign:
            _annotation(node.annotation, usage)
        elif cls is _ast.ExceptHandler:
            if node.name:
                names.add(node.name)
                usage.handler_names.add(node.name)
        elif cls in (_ast.FunctionDef, _ast.AsyncFunctionDef, _ast.ClassDef):
            names.add(node.name)
        elif cls is _ast.alias:
            names.update(node.name.split("."))
            if node.asname:
                names.add(node.asname)
        elif cls is _ast.ImportFrom:
            if node.module:
                names.update(node.module.split("."))
            source = "" if node.level else (node.module or "").partition(".")[0]
            for alias in node.names:
                usage.imported[alias.asname or alias.name] = source
        elif cls is _ast.Import:
            for alias in node.names:
                top = alias.name.partition(".")[0]
                usage.imported[alias.asname or top] = top
        elif cls is _ast.keyword:
            if node.arg:
                names.add(node.arg)
        elif cls is _ast.Global or cls is _ast.Nonlocal:
            names.update(node.names)
        elif cls in _BINDING_PATTERNS:
            if node.name:
                names.add(node.name)
        elif cls is _MAPPING_PATTERN:
            if node.rest:
                names.add(node.rest)
        for field in _fields(cls):
            value = getattr(node, field)
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        push(item)
            elif isinstance(value, AST):
                push(value)
    if "cast" in names or "cast" in attributes:
        # ``typing.cast("socket.socket", x)`` states a type, as an annotation does; under
        # another name (``from typing import cast as c``) "cast" is still in the imports.
        for text in usage.call_strings:
            _words(text, usage.annotation_words)
    usage.call_strings = None
    return usage

"""The project index: what each module of the project defines, summarised from Python's ``ast``.

A rule looking at one file often meets a call into another function, a method of a wrapper
class, a constant or a helper defined elsewhere in the project. ``summarise`` turns one
module's ``ast`` (the syntax check's own parse; the code is never imported or run) into a
small ``ModuleSummary``; ``ProjectIndex`` holds the summaries of every module of a project
and answers the analysis' questions about them:

- ``resolve(module, dotted)``: the qualified name a name means in a module (imports, ``as``
  names, relative imports, package ``__init__`` re-exports, star imports);
- ``class_of`` / ``function_of``: the summary of a project class or function (methods are
  found on project base classes too);
- ``bases`` / ``is_socket_class``: every ancestor of a class, project and external;
- ``returns``: what a function returns (a socket, an instance of a class, an unchecked read
  of an attribute or parameter, a parameter, an attribute of ``self``, or unknown);
- ``property_returns`` / ``attribute_kind``: what a property returns and what an attribute
  holds (annotations first, then assignments), following inheritance;
- ``sends_everything``: whether a ``send``/``sendall``/``write`` method writes every byte;
- ``sets_on``: the timeout, blocking-mode, keepalive and address-reuse settings a function
  makes on its parameters, on ``self.attr`` and on the socket it returns, including through
  helpers;
  ``attribute_settings``: everything a class's methods (and the factory an attribute comes
  from) set on ``self.<attr>``;
- ``retry_helper`` / ``is_retry_decorator`` / ``retry_decorators``: helpers and decorators
  that retry a call on EINTR/EAGAIN; ``retried_socket_calls``: the socket calls the project
  hands to one of them (``until_concludes(self.sock.send, data)``, a decorated method
  returning ``self.sock.recv(n)``), from the places that use them;
- ``callers_pass_messages``: whether every call the project makes of a function or method
  of a given name passes a composed message for one argument (``CallArguments``, what each
  module's calls pass, by the callee's last name);
- ``reads_on_eof``: whether a read helper raises or returns on an empty read;
- ``FunctionSummary.daemon``: the parameters a function hands only to daemon threads that
  call them (a test's fake server: ``SocketServerThread(socket_handler=handler)``, a thread
  class of the module that makes itself a daemon and calls what it stored only in ``run()``);
- ``FunctionSummary.ephemeral``: whether a function is a "find a free port" helper, one that
  binds a socket of its own to port 0 and returns the port (or address) the kernel chose;
- ``constant``: the value of a module constant (literals, tuples, sets, ``errno.X`` names),
  through imports; ``class_default``: the value a class body gives an attribute (a
  dataclass field's default) when no ``__init__`` or method of the class may set it.

Summaries are plain JSON data (``to_json`` / ``from_json``) so they can be cached on disk;
``from_json`` treats its input as untrusted and raises ``ValueError`` on anything malformed.
A project holds each summary packed (``PackedSummary``: its JSON text, compressed, with the
little that questions about the whole project need), and the index decodes a module's
summary when asked about it, keeping at most ``DECODED`` decoded at once.

Bounds (module constants, so the cost of a query never depends on what the code does):

- ``MAX_DEPTH`` (4): how many summaries a query follows through other summaries (a factory
  returning another factory's result, a helper calling a helper). Deeper chains answer
  "unknown" / "nothing set". Answers are memoised per (function, depth), so a cycle (a
  function returning its own result, helpers calling each other) ends at the bound and the
  order of queries never changes an answer.
- ``MAX_HOPS`` (8): how many import / re-export / star-import steps one name resolution
  follows (modules importing each other end there).
- ``MAX_ANCESTORS`` (64): how many ancestors ``bases`` collects for one class; a class seen
  twice (inheritance cycles) is not followed again.
- ``MAX_NAME`` (300): the longest name or dotted name kept; longer ones are left out.
- ``MAX_ENTRIES`` (100,000): the most imports, classes, functions, methods, attributes or
  constants one summary holds (``from_json`` rejects more).
- ``MAX_FACTS`` (16): the most values kept per return list or attribute, bases per class,
  decorators per function, targets with settings per function.
- ``MAX_EDGES`` (64) call edges and ``MAX_PARAMS`` (64) parameters per function.
- ``MAX_CONSTANT_ITEMS`` (64) and ``MAX_CONSTANT_DEPTH`` (3): the largest tuple/set constant
  and its nesting; larger constants are not kept.
- ``MAX_STATEMENTS`` (20,000): the most statements of function bodies one module's summary
  walks. Hand-written modules stay far below it (the largest modules of the standard library
  and of widely used scientific packages have under 8,000 statements); past it, as in huge
  generated protocol modules, the remaining functions are kept by name only, the remaining
  classes by their bases only (``opaque``), and the summary says ``partial``.

Summarising visits statements only (their nesting is bounded by the grammar) and looks into
expressions only at fixed, shallow shapes; functions with nothing to say are kept as bare
names. On the standard library it costs about a quarter of ``ast.parse``; on a 200,000-line
generated module, thanks to ``MAX_STATEMENTS``, under a tenth, with a summary of a few
hundred KiB.
"""

from __future__ import annotations

import ast
import builtins
import enum
import json
import os
import re
import struct
import sys
import zlib
from collections import OrderedDict
from types import MappingProxyType
from typing import Dict, FrozenSet, List, Optional, Set, Tuple, Union

from lint_sockets.analysis.tables import (
    ACCEPT_METHODS, EMPTY_KEEPING, EVERYWHERE, NOT_SOCKET_CONNECTIONS, PLATFORM_CALLED_SOURCES,
    PLATFORM_SAMPLES, PLATFORM_SOURCES, READ_METHODS, STDLIB_MODULES, WINDOWS_CTYPES,
    WINDOWS_MODULES, canonical_errno, is_loopback_host,
)

_SOCKET_HANDOUT_METHODS = READ_METHODS | ACCEPT_METHODS

SUMMARY_VERSION = 35

MAX_DEPTH = 4
MAX_HOPS = 8
MAX_ANCESTORS = 64
MAX_NAME = 300
MAX_ENTRIES = 100_000
MAX_FACTS = 16
MAX_EDGES = 64
MAX_PARAMS = 64
MAX_CONSTANT_ITEMS = 64
MAX_CONSTANT_DEPTH = 3
MAX_STATEMENTS = 20_000
SMALL_MESSAGE = 512  # a fixed-size return of at most this counts as a composed message
MAX_PAYLOAD = 65_536  # larger return sizes are not recorded: no rule needs them

SELF = "self."  # attribute targets are written "self.<attr>" whatever ``self`` is called
RETURNED = "<return>"  # the target for "the socket this function returns"
EPHEMERAL_KINDS = ("port", "address")  # what a "find a free port" function returns


class ValueKind(enum.Enum):
    """What an expression (a return value, an attribute) is."""

    UNKNOWN = "unknown"
    SOCKET = "socket"  # made here: socket.socket(), create_connection, wrap_socket, accept()[0]
    INSTANCE = "instance"  # of class ``name`` (a call of it, or an annotation)
    CALL = "call"  # the result of calling ``name`` (a dotted name in the module); summary only
    METHOD_CALL = "method_call"  # the result of ``self.<name>(...)``, or of
    # ``self.<attr>.<method>(...)`` (name ``"<attr>.<method>"``); summary only
    READ = "read"  # an unchecked ``<attr or param>.<method>(...)`` read (recv, read, ...)
    FORWARD = "forward"  # another socket call's result forwarded (``self.handle.accept()``)
    PARAM = "param"  # parameter ``param`` (of method ``name`` for attributes)
    ATTR = "attr"  # attribute ``name`` of self (a property returning ``self._sock``)


class SocketType(enum.Enum):
    STREAM = "stream"
    DATAGRAM = "datagram"
    UNKNOWN = "unknown"  # a socket, type not visible


class Setting(enum.Enum):
    """What a function sets on a socket."""

    TIMEOUT = "timeout"  # settimeout(x), x not None and not 0
    BLOCKING = "blocking"  # setblocking(True), settimeout(None)
    NONBLOCKING = "nonblocking"  # setblocking(False), settimeout(0)
    RCVTIMEO = "rcvtimeo"  # setsockopt(SOL_SOCKET, SO_RCVTIMEO, ...)
    SNDTIMEO = "sndtimeo"  # setsockopt(SOL_SOCKET, SO_SNDTIMEO, ...)
    KEEPALIVE = "keepalive"  # SO_KEEPALIVE
    KEEPALIVE_TIMERS = "keepalive_timers"  # TCP_KEEPIDLE/INTVL/CNT/KEEPALIVE, SIO_KEEPALIVE_VALS
    # (also any TCP-level option the code does not fix: ``setsockopt(IPPROTO_TCP, k, v)``)
    REUSE_ADDRESS = "reuse_address"  # SO_REUSEADDR, SO_REUSEPORT, SO_EXCLUSIVEADDRUSE


class EofAction(enum.Enum):
    """What a read helper does when the read returns b"" (the peer closed)."""

    RAISES = "raises"
    RETURNS = "returns"


# ---- records ------------------------------------------------------------------------------

class Value:
    """One fact about a value. ``name``: a class, callee, attribute or method name (per kind);
    ``param``: a parameter index; ``method``: the socket method read/forwarded;
    ``socket``/``ssl``: for sockets."""

    __slots__ = ("kind", "name", "param", "method", "socket", "ssl")
    kind: ValueKind
    name: Optional[str]
    param: Optional[int]
    method: Optional[str]
    socket: Optional[SocketType]
    ssl: bool

    def __init__(self, kind: ValueKind, name: Optional[str] = None,
                 param: Optional[int] = None, method: Optional[str] = None,
                 socket: Optional[SocketType] = None, ssl: bool = False):
        self.kind = kind
        self.name = name
        self.param = param
        self.method = method
        self.socket = socket
        self.ssl = ssl

    def _key(self):
        return (self.kind, self.name, self.param, self.method, self.socket, self.ssl)

    def __eq__(self, other):
        return isinstance(other, Value) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        fields = [f"{f}={getattr(self, f)!r}" for f in self.__slots__[1:]
                  if getattr(self, f) not in (None, False)]
        return f"Value({self.kind.name}{', ' if fields else ''}{', '.join(fields)})"

    @property
    def is_read(self):
        return self.kind is ValueKind.READ

    def to_json(self):
        data = {"k": self.kind.value}
        if self.name is not None:
            data["n"] = self.name
        if self.param is not None:
            data["p"] = self.param
        if self.method is not None:
            data["m"] = self.method
        if self.socket is not None:
            data["t"] = self.socket.value
        if self.ssl:
            data["ssl"] = True
        return data

    @classmethod
    def from_json(cls, data):
        _check_dict(data, {"k", "n", "p", "m", "t", "ssl"}, "value")
        kind = _enum(ValueKind, data["k"]) if "k" in data else _fail("value without kind")
        return cls(kind, _opt_name(data.get("n")), _opt_index(data.get("p")),
                   _opt_name(data.get("m")),
                   _enum(SocketType, data["t"]) if "t" in data else None,
                   _bool(data.get("ssl", False)))


UNKNOWN = Value(ValueKind.UNKNOWN)


class RetryFact:
    """A loop that retries a call of parameter ``param`` on the errnos in ``errnos``.
    ``decorator``: the function is a decorator (or decorator factory) whose wrapper does so;
    ``param`` is then the decorator's parameter that receives the wrapped function."""

    __slots__ = ("errnos", "param", "decorator")
    errnos: FrozenSet[str]
    param: Optional[int]
    decorator: bool

    def __init__(self, errnos, param: Optional[int], decorator: bool = False):
        self.errnos = frozenset(errnos)
        self.param = param
        self.decorator = decorator

    def to_json(self):
        data = {"e": sorted(self.errnos)}
        if self.param is not None:
            data["p"] = self.param
        if self.decorator:
            data["d"] = True
        return data

    @classmethod
    def from_json(cls, data):
        _check_dict(data, {"e", "p", "d"}, "retry")
        errnos = _list(data.get("e", []), 8, "retry errnos")
        return cls([_name(e) for e in errnos], _opt_index(data.get("p")),
                   _bool(data.get("d", False)))


class CallEdge:
    """A call of another project function with this function's parameters or attributes as
    arguments: ``callee`` is a dotted name in the module or ``self.<method>``; ``args`` maps
    an argument position (int) or keyword (str) to the caller's target (a parameter name,
    ``self.<attr>`` or ``<return>``)."""

    __slots__ = ("callee", "args")
    callee: str
    args: List[Tuple[Union[int, str], str]]

    def __init__(self, callee: str, args: List[Tuple[Union[int, str], str]]):
        self.callee = callee
        self.args = args  # list of (position or keyword, target)

    def to_json(self):
        return [self.callee, [[a, t] for a, t in self.args]]

    @classmethod
    def from_json(cls, data):
        items = _list(data, 2, "call edge")
        if len(items) != 2:
            _fail("call edge")
        args = []
        for pair in _list(items[1], MAX_PARAMS, "call edge arguments"):
            pair = _list(pair, 2, "call edge argument")
            if len(pair) != 2:
                _fail("call edge argument")
            where = pair[0] if type(pair[0]) is int and 0 <= pair[0] < MAX_PARAMS \
                else _name(pair[0])
            args.append((where, _name(pair[1])))
        return cls(_name(items[0]), args)


class FunctionSummary:
    """A function or method. ``params``: positional parameter names (``self`` included for
    methods), then ``kwonly``. ``returns``: the values its ``return`` statements give (local
    dotted names unresolved; ``ProjectIndex.returns`` resolves them). ``sets``: target ->
    settings made on it here; ``calls``: calls passing targets to other functions;
    ``size``: an upper bound on the length of the bytes every ``return`` gives, when the
    function fixes it (``return IAC + WILL + bytes([opt])``), else None; ``message``: every
    ``return`` gives a message the function composes from a literal template or structure
    (``return ("HELLO %s\r\n" % name).encode()``); ``other_returns``: some ``return``
    gives a value ``returns`` leaves out (unknown, not a constant); ``ephemeral``: it
    binds a socket to port 0 and returns the port the kernel chose (``"port"``:
    ``s.getsockname()[1]``) or the whole address (``"address"``: ``s.getsockname()``),
    else None (``_returned_ephemeral``); ``clears``: for a method, the attributes of the
    instance it sets to a literal on every path that returns (``self.running = False``),
    with the literal's truth, and ``clear_calls``: the methods it calls on every such path
    (``self.close``, ``super.stop``), whose own ``clears`` hold too (``_method_clears``);
    ``platforms``: the families of operating systems (``tables.WINDOWS``...) where it
    returns true, when it is a platform test (``def run_on_windows(cls): return
    platform.system() == "Windows"``, ``_platform_test``), else None; ``daemon``: the
    parameters it hands only to daemon threads that call them (``_daemon_params``)."""

    __slots__ = ("params", "kwonly", "method", "prop", "returns", "eof", "sends_all",
                 "sets", "calls", "retry", "decorators", "size", "passes", "message",
                 "ephemeral", "other_returns", "clears", "clear_calls", "platforms",
                 "daemon")
    params: List[str]
    kwonly: List[str]
    method: bool
    prop: bool
    returns: List[Value]
    eof: Optional[EofAction]
    sends_all: bool
    sets: Dict[str, Set[Setting]]
    calls: List[CallEdge]
    retry: Optional[RetryFact]
    decorators: List[str]
    size: Optional[int]
    passes: List[Tuple[str, int, str]]
    message: bool
    ephemeral: Optional[str]
    other_returns: bool
    clears: Dict[str, bool]
    clear_calls: List[str]
    platforms: Optional[FrozenSet[str]]
    daemon: List[Tuple[Optional[int], str]]

    def __init__(self, params=(), kwonly=(), method: bool = False, prop: bool = False,
                 returns=(), eof: Optional[EofAction] = None, sends_all: bool = False,
                 sets: Optional[Dict[str, Set[Setting]]] = None, calls=(),
                 retry: Optional[RetryFact] = None, decorators=(), size: Optional[int] = None,
                 passes=(), message: bool = False,
                 ephemeral: Optional[str] = None, other_returns: bool = False,
                 clears: Optional[Dict[str, bool]] = None, clear_calls=(),
                 platforms: Optional[FrozenSet[str]] = None, daemon=()):
        self.params = list(params)
        self.kwonly = list(kwonly)
        self.method = method  # bound: the first parameter is the instance
        self.prop = prop  # a @property (or cached_property)
        self.returns = list(returns)
        self.eof = eof  # EofAction or None
        self.sends_all = sends_all
        self.sets = sets or {}  # target -> set[Setting]
        self.calls = list(calls)
        self.retry = retry  # RetryFact or None
        self.decorators = list(decorators)  # dotted names as written
        self.size = size  # bound on len() of what it returns, or None
        # (callee as written, argument position, the bound socket method handed to it:
        # ``until_concludes(self.sock.send, data)`` -> ("until_concludes", 0, "self.sock.send"))
        self.passes = list(passes)
        self.message = message
        self.ephemeral = ephemeral  # None, "port" or "address"
        self.other_returns = other_returns
        self.clears = clears or {}  # attr -> truth of the literal set on every path
        self.clear_calls = list(clear_calls)  # "self.m" / "super.m", called on every path
        self.platforms = platforms
        # the parameters it hands only to daemon threads, to be called there
        # (``_daemon_params``): (position after any ``self``, None for keyword-only; name)
        self.daemon = list(daemon)

    def is_plain(self):
        """Nothing to say but its existence (kept as a bare name)."""
        return not (self.params or self.kwonly or self.method or self.prop or self.returns
                    or self.eof or self.sends_all or self.sets or self.calls or self.retry
                    or self.decorators or self.size is not None or self.passes
                    or self.message or self.ephemeral is not None or self.other_returns
                    or self.clears or self.clear_calls or self.platforms is not None
                    or self.daemon)

    def to_json(self):
        data = {}
        if self.params:
            data["a"] = list(self.params)
        if self.kwonly:
            data["kw"] = list(self.kwonly)
        if self.method:
            data["self"] = True
        if self.prop:
            data["prop"] = True
        if self.returns:
            data["r"] = [v.to_json() for v in self.returns]
        if self.eof is not None:
            data["eof"] = self.eof.value
        if self.sends_all:
            data["all"] = True
        if self.sets:
            data["set"] = {t: sorted(s.value for s in settings)
                           for t, settings in sorted(self.sets.items())}
        if self.calls:
            data["c"] = [c.to_json() for c in self.calls]
        if self.retry is not None:
            data["retry"] = self.retry.to_json()
        if self.decorators:
            data["dec"] = list(self.decorators)
        if self.size is not None:
            data["n"] = self.size
        if self.passes:
            data["pass"] = [[c, i, a] for c, i, a in self.passes]
        if self.message:
            data["msg"] = True
        if self.ephemeral is not None:
            data["eph"] = self.ephemeral
        if self.other_returns:
            data["or"] = True
        if self.clears:
            data["clr"] = {attr: truth for attr, truth in sorted(self.clears.items())}
        if self.clear_calls:
            data["clc"] = list(self.clear_calls)
        if self.platforms is not None:
            data["plat"] = sorted(self.platforms)
        if self.daemon:
            data["dm"] = [[position, name] for position, name in self.daemon]
        return data

    @classmethod
    def from_json(cls, data):
        _check_dict(data, {"a", "kw", "self", "prop", "r", "eof", "all", "set", "c", "retry",
                           "dec", "n", "pass", "msg", "eph", "or", "clr", "clc", "plat",
                           "dm"},
                    "function")
        platforms = None
        if "plat" in data:
            items = _list(data["plat"], len(EVERYWHERE), "platforms")
            if not all(type(item) is str for item in items):
                _fail("platforms")
            platforms = frozenset(items)
            if not platforms or not platforms < EVERYWHERE:
                _fail("platforms")
        ephemeral = data.get("eph")
        if "eph" in data and (type(ephemeral) is not str or ephemeral not in EPHEMERAL_KINDS):
            _fail("ephemeral")
        size = data.get("n")
        if size is not None and (type(size) is not int or not 0 <= size <= MAX_PAYLOAD):
            _fail("size")
        passes = []
        for item in _list(data.get("pass", []), MAX_EDGES, "passes"):
            item = _list(item, 3, "pass")
            if len(item) != 3 or type(item[1]) is not int or not 0 <= item[1] < MAX_PARAMS:
                _fail("pass")
            passes.append((_name(item[0]), item[1], _name(item[2])))
        sets = {}
        for target, settings in _dict(data.get("set", {}), MAX_FACTS, "settings").items():
            sets[_name(target)] = {_enum(Setting, s) for s in
                                   _list(settings, len(Setting), "settings")}
        return cls(
            params=[_name(p) for p in _list(data.get("a", []), MAX_PARAMS, "params")],
            kwonly=[_name(p) for p in _list(data.get("kw", []), MAX_PARAMS, "params")],
            method=_bool(data.get("self", False)), prop=_bool(data.get("prop", False)),
            returns=[Value.from_json(v) for v in _list(data.get("r", []), MAX_FACTS, "returns")],
            eof=_enum(EofAction, data["eof"]) if "eof" in data else None,
            sends_all=_bool(data.get("all", False)), sets=sets,
            calls=[CallEdge.from_json(c) for c in _list(data.get("c", []), MAX_EDGES, "calls")],
            retry=RetryFact.from_json(data["retry"]) if "retry" in data else None,
            decorators=[_name(d) for d in _list(data.get("dec", []), MAX_FACTS, "decorators")],
            size=size,
            passes=passes,
            message=_bool(data.get("msg", False)),
            ephemeral=ephemeral,
            other_returns=_bool(data.get("or", False)),
            clears={_name(attr): _bool(truth) for attr, truth in
                    _dict(data.get("clr", {}), MAX_FACTS, "clears").items()},
            clear_calls=[_name(c) for c in _list(data.get("clc", []), MAX_FACTS, "clears")],
            platforms=platforms,
            daemon=[(_opt_index(item[0]), _name(item[1])) for item in
                    (_list(entry, 2, "daemon") for entry in
                     _list(data.get("dm", []), MAX_PARAMS, "daemon")) if len(item) == 2 or
                    _fail("daemon")],
        )


class ClassSummary:
    """A class: ``bases`` as dotted names in its module (resolved by the index), methods,
    attribute annotations (dotted names; ``None`` and ``Optional`` dropped, unions split)
    and what its methods assign to ``self.<attr>``."""

    __slots__ = ("bases", "methods", "annotations", "assigned", "opaque")
    bases: List[str]
    methods: Dict[str, FunctionSummary]
    annotations: Dict[str, List[str]]
    assigned: Dict[str, List[Value]]
    opaque: bool

    def __init__(self, bases=(), methods: Optional[Dict[str, FunctionSummary]] = None,
                 annotations: Optional[Dict[str, List[str]]] = None,
                 assigned: Optional[Dict[str, List[Value]]] = None, opaque: bool = False):
        self.bases = list(bases)
        self.methods = methods or {}  # name -> FunctionSummary
        self.annotations = annotations or {}  # attr -> [dotted names]
        self.assigned = assigned or {}  # attr -> [Value]
        # past MAX_STATEMENTS: only the bases are known; its methods and attributes are not
        self.opaque = opaque

    def to_json(self):
        data = {}
        if self.bases:
            data["b"] = list(self.bases)
        plain = sorted(n for n, f in self.methods.items() if f.is_plain())
        rich = {n: f.to_json() for n, f in sorted(self.methods.items()) if not f.is_plain()}
        if plain:
            data["pm"] = plain
        if rich:
            data["m"] = rich
        if self.annotations:
            data["ann"] = {a: list(t) for a, t in sorted(self.annotations.items())}
        if self.assigned:
            data["as"] = {a: [v.to_json() for v in vs] for a, vs in sorted(self.assigned.items())}
        return data

    @classmethod
    def from_json(cls, data):
        _check_dict(data, {"b", "pm", "m", "ann", "as"}, "class")
        methods = {_name(n): _PLAIN for n in
                   _list(data.get("pm", []), MAX_ENTRIES, "methods")}
        for n, f in _dict(data.get("m", {}), MAX_ENTRIES, "methods").items():
            methods[_name(n)] = FunctionSummary.from_json(f)
        annotations = {}
        for a, names in _dict(data.get("ann", {}), MAX_ENTRIES, "annotations").items():
            annotations[_name(a)] = [_name(n) for n in _list(names, MAX_FACTS, "annotation")]
        assigned = {}
        for a, values in _dict(data.get("as", {}), MAX_ENTRIES, "attributes").items():
            assigned[_name(a)] = [Value.from_json(v) for v in
                                  _list(values, MAX_FACTS, "attribute")]
        return cls([_name(b) for b in _list(data.get("b", []), MAX_FACTS, "bases")],
                   methods, annotations, assigned)


class _Marked:
    """A constant that is one text whose meaning its class gives: equal to another of the
    same class holding the same text."""

    __slots__ = ()

    def _text(self) -> str:
        raise NotImplementedError

    def __eq__(self, other):
        return type(other) is type(self) and other._text() == self._text()

    def __hash__(self):
        return hash((type(self).__name__, self._text()))


class ErrnoName(_Marked):
    """``errno.<name>`` in a constant (its value depends on the platform)."""

    __slots__ = ("name",)
    name: str

    def __init__(self, name: str):
        self.name = name

    def _text(self):
        return self.name

    def __repr__(self):
        return f"errno.{self.name}"


class NameRef(_Marked):
    """A constant that is another name (``ADDR = DEFAULT_ADDR``), resolved by the index."""

    __slots__ = ("dotted",)
    dotted: str

    def __init__(self, dotted: str):
        self.dotted = dotted

    def _text(self):
        return self.dotted

    def __repr__(self):
        return f"NameRef({self.dotted!r})"


class EnvDefault(_Marked):
    """A constant read from the environment with a text default (``HOST =
    os.getenv("HOST", "127.0.0.1")``, ``os.environ.get(...)``): ``value``, the default,
    is what it holds unless the environment says otherwise. No rule reads it as the text
    itself; the readings of "what a value is unless the program is told otherwise" do."""

    __slots__ = ("value",)
    value: str

    def __init__(self, value: str):
        self.value = value

    def _text(self):
        return self.value

    def __repr__(self):
        return f"EnvDefault({self.value!r})"


class ModuleSummary:
    """One module: ``imports`` (local name -> qualified name, relative imports resolved),
    ``stars`` (modules star-imported), ``constants`` (name -> value: int, float, str, bytes,
    bool, None, tuple, frozenset, ErrnoName, NameRef, EnvDefault), ``functions`` and
    ``classes``;
    ``requires``: the modules its own top-level statements import (outside any ``try``,
    test, function or class: ``_top_level_imports``), and ``windows``: one of those
    statements imports a module only Windows has or uses a part of ctypes only Windows
    has (``tables.WINDOWS_MODULES``, ``WINDOWS_CTYPES``)."""

    __slots__ = ("module", "is_package", "imports", "stars", "constants", "functions",
                 "classes", "partial", "callargs", "requires", "windows", "path")
    module: str
    is_package: bool
    imports: Dict[str, str]
    stars: List[str]
    constants: Dict[str, object]
    functions: Dict[str, FunctionSummary]
    classes: Dict[str, ClassSummary]
    partial: bool
    callargs: CallArguments
    requires: List[str]
    windows: bool

    def __init__(self, module: str, is_package: bool = False,
                 imports: Optional[Dict[str, str]] = None, stars=(),
                 constants: Optional[Dict[str, object]] = None,
                 functions: Optional[Dict[str, FunctionSummary]] = None,
                 classes: Optional[Dict[str, ClassSummary]] = None, partial: bool = False,
                 callargs: Optional[CallArguments] = None, requires=(),
                 windows: bool = False, path: bool = False):
        self.module = module
        self.is_package = is_package
        self.imports = imports or {}
        self.stars = list(stars)
        self.constants = constants or {}
        self.functions = functions or {}
        self.classes = classes or {}
        self.partial = partial  # bigger than MAX_STATEMENTS: later functions are names only
        self.callargs = callargs if callargs is not None else CallArguments()
        self.requires = list(requires)
        self.windows = windows
        self.path = path  # its top-level code changes ``sys.path``

    def defines(self, name):
        return name in self.functions or name in self.classes or name in self.constants

    def to_json(self) -> dict:
        plain = sorted(n for n, f in self.functions.items() if f.is_plain())
        data = {"v": SUMMARY_VERSION, "module": self.module, "package": self.is_package}
        if self.partial:
            data["partial"] = True
        if self.imports:
            data["imports"] = dict(sorted(self.imports.items()))
        if self.stars:
            data["stars"] = list(self.stars)
        if self.constants:
            data["constants"] = {n: _constant_to_json(v)
                                 for n, v in sorted(self.constants.items())}
        if plain:
            data["pf"] = plain
        rich = {n: f.to_json() for n, f in sorted(self.functions.items()) if not f.is_plain()}
        if rich:
            data["functions"] = rich
        known = {n: c.to_json() for n, c in sorted(self.classes.items()) if not c.opaque}
        if known:
            data["classes"] = known
        opaque = {}  # bases -> names: huge generated modules repeat the same bases
        for name, cls in sorted(self.classes.items()):
            if cls.opaque:
                opaque.setdefault(tuple(cls.bases), []).append(name)
        if opaque:
            data["opaque"] = [[list(bases), names] for bases, names in opaque.items()]
        if self.callargs.names:
            data["ca"] = {n: dict(sorted(k.items()))
                          for n, k in sorted(self.callargs.names.items())}
        if self.callargs.refs:
            data["cr"] = {n: {k: list(r) for k, r in sorted(keys.items())}
                          for n, keys in sorted(self.callargs.refs.items())}
        if self.callargs.full:
            data["cx"] = True
        if self.requires:
            data["req"] = list(self.requires)
        if self.windows:
            data["win"] = True
        if self.path:
            data["sp"] = True
        return data

    @classmethod
    def from_json(cls, data) -> ModuleSummary:
        """The summary ``to_json`` gave; ``ValueError`` on anything else."""
        _check_dict(data, {"v", "module", "package", "partial", "imports", "stars",
                           "constants", "pf", "functions", "classes", "opaque", "ca", "cx",
                           "cr", "req", "win", "sp"},
                    "module summary")
        if data.get("v") != SUMMARY_VERSION or type(data.get("v")) is not int:
            _fail("summary version")
        module = _name(data.get("module"))
        imports = {}
        for local, target in _dict(data.get("imports", {}), MAX_ENTRIES, "imports").items():
            imports[_name(local)] = _name(target)
        constants = {}
        for n, v in _dict(data.get("constants", {}), MAX_ENTRIES, "constants").items():
            constants[_name(n)] = _constant_from_json(v, 0)
        functions = {_name(n): _PLAIN for n in  # one object, as summarise shares it
                     _list(data.get("pf", []), MAX_ENTRIES, "functions")}
        for n, f in _dict(data.get("functions", {}), MAX_ENTRIES, "functions").items():
            functions[_name(n)] = FunctionSummary.from_json(f)
        if len(functions) > MAX_ENTRIES:
            _fail("functions")
        classes = {}
        for n, c in _dict(data.get("classes", {}), MAX_ENTRIES, "classes").items():
            classes[_name(n)] = ClassSummary.from_json(c)
        for group in _list(data.get("opaque", []), MAX_ENTRIES, "opaque classes"):
            group = _list(group, 2, "opaque classes")
            if len(group) != 2:
                _fail("opaque classes")
            bases = [_name(b) for b in _list(group[0], MAX_FACTS, "bases")]
            for n in _list(group[1], MAX_ENTRIES, "opaque classes"):
                classes[_name(n)] = ClassSummary(bases, opaque=True)
        if len(classes) > MAX_ENTRIES:
            _fail("classes")
        callargs = CallArguments(_bool(data.get("cx", False)))
        for n, keys in _dict(data.get("ca", {}), MAX_CALLEES, "call arguments").items():
            where = callargs.names[_name(n)] = {}
            for key, bits in _dict(keys, MAX_CALL_KEYS, "call argument").items():
                if type(bits) is not int or not 1 <= bits <= 127 or not _call_key(key):
                    _fail("call argument")
                where[key] = bits
        for n, keys in _dict(data.get("cr", {}), MAX_CALLEES, "call arguments").items():
            where = callargs.refs[_name(n)] = {}
            for key, refs in _dict(keys, MAX_CALL_KEYS, "call argument").items():
                if not _call_key(key):
                    _fail("call argument")
                where[key] = [_name(r) for r in _list(refs, MAX_CALL_REFS, "call argument")]
        return cls(module, _bool(data.get("package", False)), imports,
                   [_name(s) for s in _list(data.get("stars", []), MAX_FACTS, "stars")],
                   constants, functions, classes, _bool(data.get("partial", False)),
                   callargs,
                   [_name(r) for r in _list(data.get("req", []), MAX_EDGES, "requires")],
                   _bool(data.get("win", False)), _bool(data.get("sp", False)))


class CallArguments:
    """What the calls one module makes pass, by the callee's last name (``send_command``
    for ``self.send_command(...)``, ``api.send_command(...)`` and ``send_command(...)``):
    ``names``: name -> {argument: bits}, the argument a position (``"0"`` is the first
    argument after the callee, ``self`` not counted for a method called on an object) or
    a keyword (``"=cmd"``), or ``"*"`` for a ``*args``/``**kwargs`` call; bit 1 (MESSAGE):
    some call passes a message the code composes from a literal template or structure
    there (``_message_of``), bit 2 (OTHER): some call passes anything else; bit 4 (LOCAL):
    some call passes this host's loopback address unless told otherwise, bit 8 (REMOTE):
    some call passes anything else; bit 16 (ZERO): some call passes the number 0, bit 32
    (NONZERO): some call passes anything else; bit 64 (LOCAL_IF): some call passes a
    constant imported from another module (or a parameter whose default is one), loopback
    if that constant is: ``refs``: name -> {argument: [the constants' qualified names]}
    (at most MAX_CALL_REFS; past that, REMOTE). ``full``: the
    module makes calls of more than MAX_CALLEES names, and those past it are not recorded.

    Recorded: calls that are a statement's value (``x.f(a)``, ``r = x.f(a)``, ``return
    x.f(a)``, ``n += x.f(a)``), an ``if``/``while`` test, calls whose result one of these is
    called on (``Server(a).run()``), and calls passed straight to one of these as an
    argument (``int(x.f(a))``); not calls deeper in expressions, nor calls of
    builtins, of dunder names, or of the methods of str, bytes, list, dict and set that a
    project rarely defines for itself (``append``, ``join``), nor log calls."""

    __slots__ = ("names", "refs", "full")

    def __init__(self, full: bool = False):
        self.names: Dict[str, Dict[str, int]] = {}
        self.refs: Dict[str, Dict[str, List[str]]] = {}
        self.full = full

    def note(self, name, key, bits):
        where = self.names.get(name)
        if where is None:
            if len(self.names) >= MAX_CALLEES:
                self.full = True
                return
            where = self.names[name] = {}
        if key in where or len(where) < MAX_CALL_KEYS:
            where[key] = where.get(key, 0) | bits

    def note_ref(self, name, key, ref):
        """A call of ``name`` passes, for ``key``, the imported constant ``ref`` (LOCAL_IF)."""
        where = self.names.get(name)
        if where is None or key not in where:
            return  # not recorded (past MAX_CALLEES or MAX_CALL_KEYS)
        refs = self.refs.setdefault(name, {}).setdefault(key, [])
        if ref in refs:
            return
        if len(refs) >= MAX_CALL_REFS:
            where[key] |= REMOTE
        else:
            refs.append(ref)


MESSAGE, OTHER = 1, 2
# bit 4 (LOCAL): the argument is this host's loopback address unless the program is told
# otherwise (``_ArgumentJudge.loopback``); bit 8 (REMOTE): it is not known to be.
LOCAL, REMOTE = 4, 8
# bit 64 (LOCAL_IF): loopback if the imported constants CallArguments.refs names are
LOCAL_IF = 64
# bit 16 (ZERO): the argument is the number 0 (``_ArgumentJudge.zero``: a port the kernel
# picks); bit 32 (NONZERO): it is not known to be.
ZERO, NONZERO = 16, 32
MAX_CALLEES = 4096  # names of callees one module's call arguments are recorded for
MAX_CALL_KEYS = 16  # positions and keywords recorded per callee name
MAX_CALL_REFS = 4  # imported constants recorded per argument
MAX_CALL_POSITION = 8  # arguments at this position or later are not recorded


def _call_key(key):
    return key == "*" or (key.isdigit() and len(key) == 1 and int(key) < MAX_CALL_POSITION) \
        or (key.startswith("=") and key[1:].isidentifier() and len(key) <= MAX_NAME)


# ---- strict JSON validation ---------------------------------------------------------------

def _fail(what):
    raise ValueError(f"malformed project index summary: {what}")


def _check_dict(data, allowed, what):
    if type(data) is not dict:
        _fail(what)
    for key in data:
        if key not in allowed:
            _fail(f"{what} key {key!r:.40}")


def _dict(data, limit, what):
    if type(data) is not dict or len(data) > limit:
        _fail(what)
    return data


def _list(data, limit, what):
    if type(data) is not list or len(data) > limit:
        _fail(what)
    return data


def _name(value):
    if type(value) is not str or not value or len(value) > MAX_NAME:
        _fail("name")
    return value


def _opt_name(value):
    return None if value is None else _name(value)


def _opt_index(value):
    if value is None:
        return None
    if type(value) is not int or not 0 <= value < MAX_PARAMS:
        _fail("parameter index")
    return value


def _bool(value):
    if type(value) is not bool:
        _fail("flag")
    return value


def _enum(kind, value):
    try:
        return kind(value)
    except (ValueError, TypeError):
        _fail(kind.__name__)


def _constant_to_json(value):
    if value is None or type(value) in (bool, int, float, str):
        if type(value) is float and value != value:
            return ["nan"]
        if type(value) is float and value in (float("inf"), float("-inf")):
            return ["inf", value > 0]
        return value
    if type(value) is bytes:
        return ["bytes", value.hex()]
    if type(value) is tuple:
        return ["tuple", [_constant_to_json(v) for v in value]]
    if type(value) is frozenset:
        return ["set", sorted((_constant_to_json(v) for v in value), key=repr)]
    if type(value) is ErrnoName:
        return ["errno", value.name]
    if type(value) is NameRef:
        return ["ref", value.dotted]
    if type(value) is EnvDefault:
        return ["env", value.value]
    raise TypeError(f"not a summary constant: {type(value).__name__}")


_INT_LIMIT = 1 << 256


def _constant_from_json(data, depth):
    if data is None or type(data) in (bool, str, float):
        if type(data) is str and len(data) > MAX_NAME:
            _fail("constant")
        return data
    if type(data) is int:
        if not -_INT_LIMIT < data < _INT_LIMIT:
            _fail("constant")
        return data
    if type(data) is not list or not data or type(data[0]) is not str:
        _fail("constant")
    tag = data[0]
    if tag == "nan" and len(data) == 1:
        return float("nan")
    if len(data) != 2:
        _fail("constant")
    body = data[1]
    if tag == "inf":
        return float("inf") if _bool(body) else float("-inf")
    if tag == "bytes":
        if type(body) is not str or len(body) > 2 * MAX_NAME:
            _fail("constant")
        try:
            return bytes.fromhex(body)
        except ValueError:
            _fail("constant")
    if tag == "errno":
        return ErrnoName(_name(body))
    if tag == "ref":
        return NameRef(_name(body))
    if tag == "env":
        if type(body) is not str or len(body) > MAX_NAME or \
                not body.isascii() and _has_surrogates(body):
            _fail("constant")
        return EnvDefault(body)
    if tag in ("tuple", "set"):
        if depth >= MAX_CONSTANT_DEPTH:
            _fail("constant nesting")
        items = [_constant_from_json(v, depth + 1)
                 for v in _list(body, MAX_CONSTANT_ITEMS, "constant")]
        if tag == "tuple":
            return tuple(items)
        try:
            return frozenset(items)
        except TypeError:
            _fail("constant")
    _fail("constant tag")


# ---- module names -------------------------------------------------------------------------

def package_parts(name: str, has_init: bool, parent_parts: Optional[List[str]]):
    """The package names down to a directory called ``name`` whose parent has
    ``parent_parts``: [] when it is not in a package, None when it is a package no import
    can name. A directory with an ``__init__.py`` is a package; one without is a namespace
    package when its parent is a package of either kind (``pkg/enums/Commands.py``, with
    no ``enums/__init__.py``, is ``pkg.enums.Commands``, as Python 3 imports it) and its
    name is a name, else it is outside any package (a ``scripts`` or ``src`` directory)."""
    if not has_init:
        return parent_parts + [name] if parent_parts and name.isidentifier() else []
    if parent_parts is None or not name.isidentifier():
        return None
    return parent_parts + [name]


def module_name_for(root: str, path: str) -> Optional[Tuple[str, bool]]:
    """(dotted module name, is a package) for a .py file under ``root``, or None.

    ``root/pkg/mod.py`` -> ("pkg.mod", False); ``root/pkg/__init__.py`` -> ("pkg", True);
    the src layout ``root/src/pkg/mod.py`` -> ("pkg.mod", False). The name is built from
    the packages above the file (``package_parts``: directories holding an
    ``__init__.py``, and namespace packages inside them); a file outside any package is
    named by its stem. Paths outside ``root`` or not naming a Python module give None.
    """
    root = os.path.abspath(root)
    path = os.path.abspath(path)
    try:
        if os.path.commonpath([root, path]) != root:
            return None
    except ValueError:
        return None
    directory, filename = os.path.split(path)
    stem, ext = os.path.splitext(filename)
    if ext not in (".py", ".pyi") or not stem.isidentifier():
        return None
    relative = os.path.relpath(directory, root)
    parts = []
    current = root
    for name in ([] if relative == os.curdir else relative.split(os.sep)):
        current = os.path.join(current, name)
        parts = package_parts(name, os.path.isfile(os.path.join(current, "__init__.py")),
                              parts)
    if parts is None:
        return None
    if stem == "__init__":
        if parts:
            return ".".join(parts), True
        # root/__init__.py: the root itself is a package; name it after its directory
        name = os.path.basename(root)
        return (name, True) if name.isidentifier() else None
    return ".".join(parts + [stem]), False


# ---- summarising --------------------------------------------------------------------------

_SOCKET_CLASSES = frozenset({"socket.socket", "socket.SocketType", "_socket.socket",
                             "ssl.SSLSocket"})
_STREAM_MAKERS = frozenset({"socket.create_connection", "socket.create_server",
                            "socket.fromshare"})
_SOCKET_MAKERS = frozenset({"socket.socket", "socket.SocketType", "_socket.socket",
                            "socket.fromfd"}) | _STREAM_MAKERS
_SSL_WRAPPERS = frozenset({"wrap_socket"})
_READ_METHODS = frozenset({"recv", "recv_into", "recvfrom", "recvfrom_into", "recvmsg",
                           "recvmsg_into", "read"})
# Socket reads that take a size or a buffer: called with no argument (``conn.recv()``: a
# multiprocessing Connection, a queue-like channel), the call is no socket read.
_SIZED_READS = _READ_METHODS - {"read"}
_FORWARDED_METHODS = frozenset({"accept", "makefile", "dup", "detach"})
_SEND_METHODS = frozenset({"send", "sendall", "write"})
# Socket methods whose bound form (``sock.send``) is recorded when handed to a function.
_PASSED_METHODS = frozenset({"recv", "recv_into", "recvfrom", "recvfrom_into", "recvmsg",
                             "recvmsg_into", "send", "sendall", "sendto", "sendmsg", "accept",
                             "connect", "connect_ex"})
_KEEPALIVE_TIMERS = frozenset({"TCP_KEEPIDLE", "TCP_KEEPINTVL", "TCP_KEEPCNT",
                               "TCP_KEEPALIVE", "SIO_KEEPALIVE_VALS"})
_RETRY_ERRNOS = frozenset({"EINTR", "EAGAIN"})
_RETRY_EXCEPTIONS = {"InterruptedError": "EINTR", "BlockingIOError": "EAGAIN",
                     "ssl.SSLWantReadError": "EAGAIN", "ssl.SSLWantWriteError": "EAGAIN"}
_PROPERTY_DECORATORS = frozenset({"property", "functools.cached_property", "cached_property",
                                  "abc.abstractproperty"})
_NOT_RECORDED_DECORATORS = frozenset({"staticmethod", "classmethod"}) | _PROPERTY_DECORATORS
_REUSE_OPTIONS = frozenset({"SO_REUSEADDR", "SO_REUSEPORT", "SO_EXCLUSIVEADDRUSE"})
_TCP_LEVELS = frozenset({"IPPROTO_TCP", "SOL_TCP"})
_SETTING_CALLS = frozenset({"settimeout", "setblocking", "setsockopt", "ioctl"})
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def dotted_name(node):
    """``a.b.c`` for a Name/Attribute chain, else None (bounded by MAX_NAME)."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
        if len(parts) > 32:
            return None
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    name = ".".join(reversed(parts))
    return name if len(name) <= MAX_NAME else None


def tcp_option_unfixed(level, option):
    """``setsockopt(IPPROTO_TCP, k, v)``: an option at the TCP level (``IPPROTO_TCP``,
    ``SOL_TCP`` or 6) that the code does not fix, so it may be a keepalive timer. Fixed are a
    number, a constant's name (all capitals: ``socket.TCP_NODELAY``, ``NODELAY``) and
    ``getattr(socket, "NAME", ...)``; anything else (``k``, ``self.option``, ``opts[0]``) is
    the caller's choice."""
    if type(level) is ast.Constant:
        if level.value != 6 or type(level.value) is not int:
            return False
    elif (dotted_name(level) or "").rpartition(".")[2] not in _TCP_LEVELS:
        return False
    kind = type(option)
    if kind is ast.Constant or (kind is ast.UnaryOp and type(option.operand) is ast.Constant):
        return False
    if kind is ast.Name or kind is ast.Attribute:
        name = (dotted_name(option) or "").rpartition(".")[2]
        return not name.isupper()
    if kind is ast.Call and type(option.func) is ast.Name and option.func.id == "getattr" \
            and len(option.args) >= 2 and type(option.args[1]) is ast.Constant \
            and type(option.args[1].value) is str:
        return False
    return kind is not ast.Starred


def _import_base(module, is_package, level):
    parts = module.split(".")
    if not is_package:
        parts = parts[:-1]
    if level > 1:
        if level - 1 > len(parts):
            return None
        parts = parts[:len(parts) - (level - 1)]
    return ".".join(parts)


class _ModuleContext:
    """What summarising one function needs to know about its module."""

    __slots__ = ("imports", "constants", "budget", "partial", "callargs", "options")

    def __init__(self, imports, constants):
        self.imports = imports
        self.constants = constants
        self.budget = MAX_STATEMENTS  # statements function walks may still visit
        self.partial = False  # something was left out for want of budget
        self.callargs = CallArguments()
        # the command-line options of the module: dest -> the ``default=`` of every
        # ``add_argument()`` storing into it (None for one with no default)
        self.options = {}

    def qualify(self, dotted):
        """A dotted name as far as this module's own imports say (``s.socket`` after
        ``import socket as s`` -> ``socket.socket``); local names are left as written."""
        if dotted is None:
            return None
        head, dot, rest = dotted.partition(".")
        target = self.imports.get(head)
        if target is None:
            return dotted
        return target + dot + rest if rest else target


def summarise(tree: ast.Module, module: str, is_package: bool = False) -> ModuleSummary:
    """The ModuleSummary of one module's ``ast``."""
    imports = {}
    stars = []
    constants = {}
    functions = {}
    classes = {}
    ctx = _ModuleContext(imports, constants)
    body = list(tree.body)
    # imports first (anywhere at module level, including under if/try), then the rest
    statements = list(_module_statements(body))
    for stmt in statements:
        if type(stmt) is ast.Import or type(stmt) is ast.ImportFrom:
            _record_import(stmt, module, is_package, imports, stars)
    if "argparse" in imports.values() or any(
            target.startswith("argparse.") for target in imports.values()):
        _record_options(tree, ctx)
    for stmt in statements:
        if isinstance(stmt, _FUNCTIONS):
            if len(functions) < MAX_ENTRIES and _ok_name(stmt.name):
                functions[stmt.name] = _summarise_function(stmt, ctx, in_class=False)
        elif isinstance(stmt, ast.ClassDef):
            if len(classes) < MAX_ENTRIES and _ok_name(stmt.name):
                classes[stmt.name] = _summarise_class(stmt, ctx)
                _record_class_constants(stmt, ctx)
        else:
            if isinstance(stmt, ast.Assign):
                if all(isinstance(target, ast.Name) for target in stmt.targets):
                    # ``UDP = DGRAM = socket.SOCK_DGRAM``: every name holds the value
                    for target in stmt.targets:
                        _record_constant(target.id, stmt.value, ctx)
                elif len(stmt.targets) == 1:  # HOST, PORT = "127.0.0.1", 5555
                    for name, value in _unpacked_pairs(stmt.targets[0], stmt.value):
                        _record_constant(name, value, ctx)
            elif isinstance(stmt, ast.AnnAssign):
                if isinstance(stmt.target, ast.Name) and stmt.value is not None:
                    _record_constant(stmt.target.id, stmt.value, ctx)
            _note_module_calls(stmt, tree, ctx)
    _daemon_params(statements, ctx, functions, classes)
    requires, windows = _top_level_imports(tree.body, module, is_package, imports)
    return ModuleSummary(module, is_package, imports, stars, constants, functions, classes,
                         partial=ctx.partial, callargs=ctx.callargs, requires=requires,
                         windows=windows, path=_changes_sys_path(statements, imports))


def _changes_sys_path(statements, imports):
    """The module's top-level statements (``_module_statements``: under ``if``/``try``
    too) change ``sys.path``: ``sys.path.append(...)``, ``.insert``, ``.extend``, an
    assignment to it or to an item of it. Its imports then search a path of its own."""
    for stmt in statements:
        if isinstance(stmt, _FUNCTIONS) or type(stmt) is ast.ClassDef:
            continue
        for node in ast.walk(stmt):
            target = None
            if type(node) is ast.Call and type(node.func) is ast.Attribute and \
                    node.func.attr in ("append", "insert", "extend"):
                target = node.func.value
            elif type(node) in (ast.Assign, ast.AugAssign):
                for item in (node.targets if type(node) is ast.Assign else [node.target]):
                    target = item.value if type(item) is ast.Subscript else item
            dotted = dotted_name(target) if target is not None else None
            head, dot, rest = (dotted or "").partition(".")
            if dot and (imports.get(head, head) + "." + rest) == "sys.path":
                return True
    return False


def _daemon_params(statements, ctx, functions, classes):
    """``FunctionSummary.daemon`` of the module's functions and methods: the parameters
    whose every use in the function is handed to a daemon thread that calls it: the
    ``target=`` of ``threading.Thread(..., daemon=True)``, or an argument of a daemon
    thread class of the module (``_daemon_thread_slots``) in a slot it calls only in its
    thread (a test's fake server: ``SocketServerThread(socket_handler=handler)``)."""
    if ctx.budget <= 0 or not any(target == "threading" or target.startswith("threading.")
                                  for target in ctx.imports.values()):
        return
    threads = {}
    for stmt in statements:
        if isinstance(stmt, ast.ClassDef):
            slots = _daemon_thread_slots(stmt, ctx)
            if slots:
                threads[stmt.name] = slots
    for stmt in statements:
        if isinstance(stmt, _FUNCTIONS) and functions.get(stmt.name) is not None:
            handed = _handed_to_daemons(stmt, ctx, threads, method=False)
            if handed:
                if functions[stmt.name] is _PLAIN:
                    functions[stmt.name] = FunctionSummary()
                functions[stmt.name].daemon = handed
        elif isinstance(stmt, ast.ClassDef) and stmt.name in classes:
            cls = classes[stmt.name]
            for item in stmt.body:
                if isinstance(item, _FUNCTIONS) and item.name in cls.methods:
                    handed = _handed_to_daemons(item, ctx, threads, method=True)
                    if handed:
                        if cls.methods[item.name] is _PLAIN:
                            cls.methods[item.name] = FunctionSummary(method=True)
                        cls.methods[item.name].daemon = handed


def _self_calls(function, self_name):
    """The names of the methods ``function`` calls on its instance (``self.m(...)``)."""
    return {node.func.attr for node in ast.walk(function)
            if type(node) is ast.Call and type(node.func) is ast.Attribute and
            type(node.func.value) is ast.Name and node.func.value.id == self_name}


def _daemon_thread_slots(node, ctx):
    """For a class of the module that derives from ``threading.Thread`` and makes itself a
    daemon in ``__init__`` (``self.daemon = True`` as a statement of its body, or
    ``daemon=True`` handed to ``Thread.__init__``/``super().__init__``), with no
    ``self.daemon = False`` anywhere: the slots of ``__init__`` (positions after ``self``,
    and keyword names) whose parameter ``__init__`` only stores in an attribute
    (``self.handler = handler``) that the class uses only as a call (``self.handler(conn)``)
    in ``run()`` and the methods ``run()`` calls on its instance, as far as they go. Such a
    callable runs only in the daemon thread."""
    if not any(ctx.qualify(dotted_name(base)) == "threading.Thread" for base in node.bases):
        return {}
    methods = {item.name: item for item in node.body if isinstance(item, _FUNCTIONS)}
    init, run = methods.get("__init__"), methods.get("run")
    if init is None or run is None or not init.args.args or not run.args.args:
        return {}
    me = init.args.args[0].arg
    daemon = False
    for stmt in init.body:
        if type(stmt) is ast.Assign and len(stmt.targets) == 1 and \
                dotted_name(stmt.targets[0]) == f"{me}.daemon" and \
                type(stmt.value) is ast.Constant and stmt.value.value is True:
            daemon = True
        elif type(stmt) is ast.Expr and type(stmt.value) is ast.Call and \
                type(stmt.value.func) is ast.Attribute and stmt.value.func.attr == "__init__":
            daemon = daemon or any(
                k.arg == "daemon" and type(k.value) is ast.Constant and k.value.value is True
                for k in stmt.value.keywords)
    if not daemon:
        return {}
    for item in ast.walk(node):
        if type(item) is ast.Assign and not (
                type(item.value) is ast.Constant and item.value.value is True) and any(
                type(target) is ast.Attribute and target.attr == "daemon"
                for target in item.targets):
            return {}  # ``self.daemon = False`` somewhere
        if type(item) is ast.Call and type(item.func) is ast.Attribute and \
                item.func.attr == "setDaemon":
            return {}
    reached, todo = set(), ["run"]
    while todo:
        name = todo.pop()
        if name in reached or name not in methods or name == "__init__":
            continue
        reached.add(name)
        method = methods[name]
        if method.args.args:
            todo.extend(_self_calls(method, method.args.args[0].arg))
    stored = {}
    params = [a.arg for a in init.args.posonlyargs + init.args.args][1:]
    for stmt in init.body:
        if type(stmt) is ast.Assign and len(stmt.targets) == 1 and \
                type(stmt.value) is ast.Name and stmt.value.id in params:
            target = dotted_name(stmt.targets[0])
            if target and target.count(".") == 1 and target.startswith(me + "."):
                stored[stmt.value.id] = target.partition(".")[2]
    slots = {}
    for param, attr in stored.items():
        if sum(1 for n in ast.walk(init) if type(n) is ast.Name and n.id == param) != 1:
            continue  # also used another way in ``__init__``
        uses, calls = 0, 0
        for name, method in methods.items():
            for item in ast.walk(method):
                if type(item) is ast.Attribute and item.attr == attr:
                    uses += 1
                elif type(item) is ast.Call and type(item.func) is ast.Attribute and \
                        item.func.attr == attr and name in reached:
                    calls += 1
        if calls and uses == calls + 1:  # the store, and calls in the thread only
            slots[params.index(param)] = True
            slots[param] = True
    return slots


def _handed_to_daemons(function, ctx, threads, method):
    """The parameters of ``function`` whose every use is handed to a daemon thread that
    calls it (``_daemon_params``)."""
    args = function.args
    positional = [a.arg for a in args.posonlyargs + args.args][1 if method else 0:]
    params = positional + [a.arg for a in args.kwonlyargs]
    if not params:
        return []
    handed = set()
    found = {}
    for node in ast.walk(function):
        if type(node) is not ast.Call:
            continue
        callee = ctx.qualify(dotted_name(node.func)) if dotted_name(node.func) else None
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        if callee == "threading.Thread":
            daemon = keywords.get("daemon")
            target = keywords.get("target")
            if type(daemon) is ast.Constant and daemon.value is True and \
                    type(target) is ast.Name and target.id in params:
                found.setdefault(target.id, []).append(id(target))
        elif type(node.func) is ast.Name and node.func.id in threads:
            slots = threads[node.func.id]
            for index, arg in enumerate(node.args):
                if type(arg) is ast.Starred:
                    break
                if type(arg) is ast.Name and arg.id in params and slots.get(index):
                    found.setdefault(arg.id, []).append(id(arg))
            for key, value in keywords.items():
                if type(value) is ast.Name and value.id in params and slots.get(key):
                    found.setdefault(value.id, []).append(id(value))
    for param, ids in found.items():
        mentions = [n for n in ast.walk(function) if type(n) is ast.Name and n.id == param]
        if mentions and len(mentions) == len(ids):
            handed.add(param)
    return [(positional.index(p) if p in positional else None, p)
            for p in params if p in handed][:MAX_PARAMS]


def _record_options(tree, ctx):
    """``ctx.options``: for each ``x.add_argument("--host", default="::1")`` of the module
    (an option's destination: ``dest=``, else its first long flag, dashes made
    underscores, else its name), the defaults given (None where one gives none)."""
    for node in ast.walk(tree):
        if type(node) is not ast.Call or type(node.func) is not ast.Attribute or \
                node.func.attr != "add_argument":
            continue
        flags = [a.value for a in node.args
                 if type(a) is ast.Constant and type(a.value) is str]
        dest = default = None
        for keyword in node.keywords:
            if keyword.arg == "dest" and type(keyword.value) is ast.Constant:
                dest = keyword.value.value
            elif keyword.arg == "default":
                default = keyword.value
        if dest is None and flags:
            longs = [f for f in flags if f.startswith("--")]
            plain = [f for f in flags if not f.startswith("-")]
            chosen = longs[0][2:] if longs else (plain[0] if plain else flags[0].lstrip("-"))
            dest = chosen.replace("-", "_")
        if type(dest) is str and len(ctx.options) < MAX_ENTRIES:
            ctx.options.setdefault(dest, []).append(default)


def _top_level_imports(body, module, is_package, imports):
    """(the modules the module's own top-level statements import, outside any ``try``,
    test, function or class: ``a.b`` and its package ``a`` for ``import a.b``, ``pkg.win``
    and ``pkg`` for ``from . import win`` in ``pkg``; at most MAX_EDGES, relative imports
    resolved; whether one of those statements imports a module only Windows has or reads a
    part of ctypes only Windows has: ``from ctypes import windll``, ``kernel32 =
    ctypes.windll.kernel32``). Such an import runs whenever the module is imported, and
    fails wherever the module it names cannot be imported."""
    requires = []
    windows = False
    # ``ctypes.windll.kernel32``, ``ctypes.WinDLL("ws2_32")`` need ``import ctypes``; a name
    # imported from ctypes is judged at its import
    uses_ctypes = "ctypes" in imports.values()

    def require(name):
        parts = name.split(".")
        for cut in range(1, len(parts) + 1):
            prefix = ".".join(parts[:cut])
            if prefix not in requires and len(requires) < MAX_EDGES and len(prefix) <= MAX_NAME:
                requires.append(prefix)

    for stmt in body:
        kind = type(stmt)
        if kind is ast.Import:
            for alias in stmt.names:
                if alias.name.partition(".")[0] in WINDOWS_MODULES:
                    windows = True
                require(alias.name)
        elif kind is ast.ImportFrom:
            if stmt.level:
                base = _import_base(module, is_package, stmt.level)
                if base is None:
                    continue
                source = f"{base}.{stmt.module}" if stmt.module and base else \
                    (stmt.module or base)
            else:
                source = stmt.module
            if not source:
                continue
            if source.partition(".")[0] in WINDOWS_MODULES or \
                    (source == "ctypes" and any(f"ctypes.{alias.name}" in WINDOWS_CTYPES
                                                for alias in stmt.names)):
                windows = True
            require(source)
            for alias in stmt.names:  # ``from . import win``: maybe a module
                if alias.name != "*" and f"{source}.{alias.name}".count(".") <= MAX_HOPS:
                    require(f"{source}.{alias.name}")
        elif uses_ctypes and (kind is ast.Assign or kind is ast.AnnAssign or kind is ast.Expr):
            for node in _first_nodes(stmt, MAX_FACTS * 4):
                if type(node) is ast.Attribute or type(node) is ast.Name:
                    dotted = dotted_name(node)
                    head, dot, rest = (dotted or "").partition(".")
                    qname = imports.get(head, head) + dot + rest if dotted else ""
                    if qname.partition(".")[0] in WINDOWS_MODULES or \
                            ".".join(qname.split(".")[:2]) in WINDOWS_CTYPES:
                        windows = True
    return requires, windows


def _first_nodes(node, limit):
    """``node`` and the nodes inside it, breadth first, at most ``limit`` of them (a huge
    generated literal is not walked whole)."""
    queue = [node]
    for found in queue:
        yield found
        if len(queue) < limit:
            queue.extend(ast.iter_child_nodes(found))


def _module_statements(body):
    """The statements of a module or class body in order, looking into if/try blocks (at
    most 8 deep); of two definitions of a name (both branches of an ``if``, a ``try`` and
    its ``except ImportError``), the later one is kept."""
    stack = [iter(body)]
    while stack:
        for stmt in stack[-1]:
            if isinstance(stmt, _BLOCKS):
                blocks = [stmt.body, stmt.orelse]
                blocks += [h.body for h in getattr(stmt, "handlers", ())]
                blocks.append(getattr(stmt, "finalbody", []))
                if len(stack) < 8:
                    stack.append(iter([s for block in blocks for s in block]))
                break
            yield stmt
        else:
            stack.pop()


def _has_surrogates(text):
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _ok_name(name):
    return 0 < len(name) <= MAX_NAME


def _short_names(names):
    """Parameter names up to the first one longer than MAX_NAME (positions stay right)."""
    if not names or max(map(len, names)) <= MAX_NAME:
        return names
    kept = []
    for name in names:
        if len(name) > MAX_NAME:
            break
        kept.append(name)
    return kept


def _record_import(stmt, module, is_package, imports, stars):
    if isinstance(stmt, ast.Import):
        for alias in stmt.names:
            if len(imports) >= MAX_ENTRIES or len(alias.name) > MAX_NAME:
                continue
            if alias.asname:
                if _ok_name(alias.asname):
                    imports[alias.asname] = alias.name
            else:
                head = alias.name.partition(".")[0]
                imports.setdefault(head, head)
        return
    if stmt.level:
        base = _import_base(module, is_package, stmt.level)
        if base is None:
            return
        source = f"{base}.{stmt.module}" if stmt.module and base else (stmt.module or base)
    else:
        source = stmt.module
    if not source or len(source) > MAX_NAME:
        return
    for alias in stmt.names:
        if alias.name == "*":
            if source not in stars and len(stars) < MAX_FACTS:
                stars.append(source)
            continue
        target = f"{source}.{alias.name}"
        local = alias.asname or alias.name
        if len(imports) < MAX_ENTRIES and len(target) <= MAX_NAME and _ok_name(local):
            imports[local] = target


def _unpacked_pairs(target, value):
    """(name, value) for each name of a tuple or list target unpacked from a display of the
    same length; nothing for any other shape (nodes.unpacked_pairs, on the ``ast``)."""
    if not isinstance(target, (ast.Tuple, ast.List)) or \
            not isinstance(value, (ast.Tuple, ast.List)) or len(target.elts) != len(value.elts):
        return []
    if not all(isinstance(t, ast.Name) for t in target.elts) or \
            any(isinstance(v, ast.Starred) for v in value.elts):
        return []
    return [(t.id, v) for t, v in zip(target.elts, value.elts)]


def _record_constant(name, value, ctx):
    if len(ctx.constants) >= MAX_ENTRIES or not _ok_name(name):
        return
    constant = _constant_value(value, ctx, 0)
    if constant is not _NO_CONSTANT:
        ctx.constants[name] = constant
    else:
        ctx.constants.pop(name, None)  # rebound to something else: no longer known


_NO_CONSTANT = object()

# Bases that make a class an enumeration: ``Cls.MEMBER`` is a member, ``.value`` its value.
_ENUM_BASES = frozenset({"Enum", "IntEnum", "Flag", "IntFlag", "StrEnum"})


def _record_class_constants(node, ctx):
    """Names a class body binds once, plainly, to a constant, as constants of the module:
    ``Cls.NAME`` (``class Cmd: PING = b"\\x01"``), or, for a member of an enumeration,
    what its value gives: ``Cls.NAME.value`` (``class Commands(Enum): POKE_8 =
    b"\\x01"``)."""
    enum = any(base.rpartition(".")[2] in _ENUM_BASES for base in _class_bases(node))
    values, counts = {}, {}
    for stmt in node.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and \
                isinstance(stmt.targets[0], ast.Name):
            name, value = stmt.targets[0].id, stmt.value
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and \
                stmt.value is not None:
            name, value = stmt.target.id, stmt.value
        else:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                counts[stmt.name] = 2  # a method or class of that name: not one constant
            for target in ast.walk(stmt) if isinstance(stmt, (ast.Assign, ast.AugAssign,
                                                               ast.AnnAssign)) else ():
                if isinstance(target, ast.Name) and isinstance(target.ctx, ast.Store):
                    counts[target.id] = 2  # bound some other way too: not one constant
            continue
        values[name] = value
        counts[name] = counts.get(name, 0) + 1
    for name, value in values.items():
        if counts[name] == 1:
            _record_constant(f"{node.name}.{name}.value" if enum else f"{node.name}.{name}",
                             value, ctx)


def no_time(value):
    """A SO_RCVTIMEO / SO_SNDTIMEO value that sets no timeout: a timeval of zeros (socket(7):
    "If the timeout is set to zero (the default), then the operation will never timeout"),
    or a zero millisecond count (Windows)."""
    return (type(value) is bytes and len(value) > 0 and not value.strip(b"\0")) or (
        type(value) is int and value == 0)


def _packed_zeros(args):
    """The bytes ``struct.pack(fmt, 0, ...)`` gives for a literal format and literal zeros,
    else ``_NO_CONSTANT``."""
    fmt = args[0]
    if not (isinstance(fmt, ast.Constant) and type(fmt.value) in (str, bytes)):
        return _NO_CONSTANT
    if not all(isinstance(a, ast.Constant) and type(a.value) is int and a.value == 0
               for a in args[1:]):
        return _NO_CONSTANT
    value = packed_zeros(fmt.value, len(args) - 1)
    return _NO_CONSTANT if value is None else value


def packed_zeros(fmt, count):
    """What ``struct.pack(fmt, 0, ...)`` with ``count`` zeros gives (zero bytes of the
    format's size), or None when the format is not one that takes ``count`` numbers. Only
    the format's size is computed, and a format over ``MAX_NAME`` bytes long is not read."""
    if len(fmt) > MAX_NAME:
        return None
    try:
        size = struct.calcsize(fmt)
        if size > MAX_NAME or len(struct.unpack(fmt, bytes(size))) != count:
            return None
    except struct.error:
        return None
    return bytes(size)


_ENV_LOOKUPS = frozenset({"os.getenv", "os.environ.get"})


def _constant_value(node, ctx, depth):
    if isinstance(node, ast.Constant):
        value = node.value
        if value is None or type(value) in (bool, int, float):
            if type(value) is int and not -_INT_LIMIT < value < _INT_LIMIT:
                return _NO_CONSTANT
            return value
        if type(value) is str:
            if len(value) > MAX_NAME or not value.isascii() and _has_surrogates(value):
                return _NO_CONSTANT  # a lone surrogate would not survive a UTF-8 cache
            return value
        if type(value) is bytes:
            return value if len(value) <= MAX_NAME else _NO_CONSTANT
        return _NO_CONSTANT
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) \
            and isinstance(node.operand, ast.Constant) \
            and type(node.operand.value) in (int, float):
        return _constant_value(ast.Constant(-node.operand.value), ctx, depth)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        if depth >= MAX_CONSTANT_DEPTH or len(node.elts) > MAX_CONSTANT_ITEMS:
            return _NO_CONSTANT
        items = []
        for elt in node.elts:
            item = _constant_value(elt, ctx, depth + 1)
            if item is _NO_CONSTANT or isinstance(item, NameRef):
                return _NO_CONSTANT
            items.append(item)
        if isinstance(node, ast.Set):
            try:
                return frozenset(items)
            except TypeError:
                return _NO_CONSTANT
        return tuple(items)
    if isinstance(node, ast.BinOp) and depth < MAX_CONSTANT_DEPTH:
        # ``HEADER + b"n"``, ``"\xff" * 4``: text and bytes built from constants
        left = _text_constant(node.left, ctx, depth + 1)
        right = _text_constant(node.right, ctx, depth + 1)
        value = _NO_CONSTANT
        if isinstance(node.op, ast.Add) and type(left) is type(right) and \
                type(left) in (str, bytes):
            value = left + right
        elif isinstance(node.op, ast.Mult):
            text, count = (left, right) if type(left) in (str, bytes) else (right, left)
            if type(text) in (str, bytes) and type(count) is int and \
                    0 <= count <= MAX_NAME and len(text) * count <= MAX_NAME:
                value = text * count
        if value is not _NO_CONSTANT and len(value) <= MAX_NAME:
            return _constant_value(ast.Constant(value), ctx, depth)
        return _NO_CONSTANT
    if isinstance(node, ast.Call) and len(node.args) == 2 and not node.keywords and \
            depth == 0 and ctx.qualify(dotted_name(node.func) or "") in _ENV_LOOKUPS:
        # ``os.getenv("HOST", "127.0.0.1")``: the default, unless the environment says
        default = node.args[1]
        if isinstance(default, ast.Constant) and type(default.value) is str:
            value = _constant_value(default, ctx, depth)
            return EnvDefault(value) if type(value) is str else _NO_CONSTANT
        return _NO_CONSTANT
    if isinstance(node, ast.Call) and not node.keywords and depth < MAX_CONSTANT_DEPTH:
        # ``six.b("text")`` (latin-1), ``"text".encode()``: bytes of a constant text
        func = node.func
        text = codec = None
        if len(node.args) == 1 and ctx.qualify(dotted_name(func) or "") == "six.b":
            text, codec = _text_constant(node.args[0], ctx, depth + 1), "latin-1"
        elif isinstance(func, ast.Attribute) and func.attr == "encode" and len(node.args) <= 1:
            text = _text_constant(func.value, ctx, depth + 1)
            codec = "utf-8"
            if node.args:
                arg = node.args[0]
                codec = arg.value if isinstance(arg, ast.Constant) and \
                    type(arg.value) is str else None
        if type(text) is str and codec is not None:
            try:
                value = text.encode(codec)
            except (LookupError, UnicodeError):
                return _NO_CONSTANT
            if len(value) <= MAX_NAME:
                return value
            return _NO_CONSTANT
    if isinstance(node, ast.Call) and len(node.args) > 1 and not node.keywords \
            and ctx.qualify(dotted_name(node.func) or "") == "struct.pack":
        # ``struct.pack("ll", 0, 0)``: zeros packed (a zero timeval, "no timeout")
        return _packed_zeros(node.args)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id in ("frozenset", "set", "tuple") and len(node.args) == 1 \
            and not node.keywords:
        inner = _constant_value(node.args[0], ctx, depth)
        if isinstance(inner, (tuple, frozenset)):
            return frozenset(inner) if node.func.id != "tuple" else tuple(inner)
        return _NO_CONSTANT
    dotted = dotted_name(node)
    if dotted is not None:
        qualified = ctx.qualify(dotted)
        if qualified.startswith("errno.") and qualified.count(".") == 1:
            return ErrnoName(qualified[6:])
        if depth == 0:
            return NameRef(dotted)
    return _NO_CONSTANT


def _text_constant(node, ctx, depth):
    """The str, bytes or int value of ``node``: a literal, a constant expression, or the
    name of a constant recorded earlier in the module; _NO_CONSTANT otherwise."""
    if isinstance(node, ast.Name):
        value = ctx.constants.get(node.id, _NO_CONSTANT)
    else:
        value = _constant_value(node, ctx, depth)
    return value if type(value) in (str, bytes, int) else _NO_CONSTANT


def _summarise_class(node, ctx):
    if ctx.budget <= 0:
        ctx.partial = True
        return ClassSummary(_class_bases(node), opaque=True)
    return _summarise_class_body(node, ctx, ClassSummary(_class_bases(node)))


def _class_bases(node):
    bases = []
    for base in node.bases[:MAX_FACTS]:
        dotted = dotted_name(base)
        if dotted is None and isinstance(base, ast.Subscript):  # Generic[T], Base[int]
            dotted = dotted_name(base.value)
        if dotted is not None and dotted not in ("object", "typing.Generic", "Generic"):
            bases.append(dotted)
    return bases


def _summarise_class_body(node, ctx, cls):
    for stmt in _module_statements(node.body):
        if isinstance(stmt, _FUNCTIONS):
            if len(cls.methods) >= MAX_ENTRIES or not _ok_name(stmt.name):
                continue
            summary = _summarise_function(stmt, ctx, in_class=True, cls=cls)
            cls.methods[stmt.name] = summary
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            names = _annotation_names(stmt.annotation, ctx)
            if names and _ok_name(stmt.target.id) and len(cls.annotations) < MAX_ENTRIES:
                cls.annotations[stmt.target.id] = names
    return cls


def _annotation_names(node, ctx, depth=0):
    """The class names an annotation allows (``"A | None"``, ``Optional[A]``, ``Union[A,
    B]``, ``"pkg.A"``), as dotted names in the module, None and unparseable parts left out."""
    if depth > 6:
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if len(node.value) > MAX_NAME:
            return []
        try:
            parsed = ast.parse(node.value.strip(), mode="eval")
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return []
        return _annotation_names(parsed.body, ctx, depth + 1)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        names = _annotation_names(node.left, ctx, depth + 1)
        for name in _annotation_names(node.right, ctx, depth + 1):
            if name not in names:
                names.append(name)
        return names[:MAX_FACTS]
    if isinstance(node, ast.Subscript):
        head = ctx.qualify(dotted_name(node.value))
        if head in ("typing.Optional", "Optional", "typing.Union", "Union",
                    "typing_extensions.Optional"):
            inner = node.slice
            parts = inner.elts if isinstance(inner, ast.Tuple) else [inner]
            names = []
            for part in parts[:MAX_FACTS]:
                for name in _annotation_names(part, ctx, depth + 1):
                    if name not in names:
                        names.append(name)
            return names[:MAX_FACTS]
        if head in ("typing.Annotated", "Annotated", "typing.ClassVar", "ClassVar",
                    "typing.Final", "Final"):
            inner = node.slice
            if isinstance(inner, ast.Tuple):
                inner = inner.elts[0] if inner.elts else None
            return _annotation_names(inner, ctx, depth + 1) if inner is not None else []
        return []
    if isinstance(node, ast.Constant) and node.value is None:
        return []
    dotted = dotted_name(node)
    if dotted is None or dotted == "None":
        return []
    return [dotted]


# as ``identity.MESSAGE_FAMILIES``: families with no stream sockets
_MESSAGE_FAMILIES = frozenset({"AF_NETLINK", "PF_NETLINK", "AF_PACKET", "PF_PACKET", "AF_CAN",
                               "PF_CAN"})


def _socket_constant_name(node, ctx):
    """The last part of the socket-module name ``node`` writes (``SOCK_DGRAM``), or of the
    one a constant recorded earlier in the module stands for (``UDP = socket.SOCK_DGRAM``);
    "" otherwise."""
    if node is None:
        return ""
    if isinstance(node, ast.Name):
        value = ctx.constants.get(node.id)
        if isinstance(value, NameRef):
            return (ctx.qualify(value.dotted) or "").rpartition(".")[2]
    return (ctx.qualify(dotted_name(node) or "") or "").rpartition(".")[2]


def _socket_type_of_call(call, ctx):
    """SocketType for a socket.socket(...) call: the ``type`` argument when visible."""
    arg = call.args[1] if len(call.args) > 1 else None
    for keyword in call.keywords:
        if keyword.arg == "type":
            arg = keyword.value
    if arg is None:
        family = call.args[0] if call.args else None
        for keyword in call.keywords:
            if keyword.arg == "family":
                family = keyword.value
        if family is None and not call.keywords:
            return SocketType.STREAM
        if call.keywords and any(k.arg is None for k in call.keywords):
            return SocketType.UNKNOWN
        return SocketType.STREAM if len(call.args) < 4 else SocketType.UNKNOWN
    family = call.args[0] if call.args else None
    for keyword in call.keywords:
        if keyword.arg == "family":
            family = keyword.value
    if _socket_constant_name(family, ctx) in _MESSAGE_FAMILIES:
        return SocketType.DATAGRAM  # no stream sockets in that family
    last = _socket_constant_name(arg, ctx)
    if last in ("SOCK_DGRAM", "SOCK_RAW"):
        return SocketType.DATAGRAM  # one message per call, as ``identity.is_datagram_ctor``
    if last == "SOCK_STREAM":
        return SocketType.STREAM
    return SocketType.UNKNOWN


_READ_ONLY_EMPTY = MappingProxyType({})
_EXPR, _ASSIGN, _RETURN, _IF, _LOOP, _WITH, _ANNASSIGN, _TRY, _DEF, _MATCH, _AUG = range(11)
# The statements a function walk looks at (others: raise, pass, del, import... are skipped).
_STATEMENT_KINDS = {
    ast.Expr: _EXPR, ast.Assign: _ASSIGN, ast.Return: _RETURN, ast.If: _IF,
    ast.For: _LOOP, ast.While: _LOOP, ast.AsyncFor: _LOOP, ast.With: _WITH,
    ast.AsyncWith: _WITH, ast.AnnAssign: _ANNASSIGN, ast.Try: _TRY,
    ast.FunctionDef: _DEF, ast.AsyncFunctionDef: _DEF, ast.AugAssign: _AUG,
}
if hasattr(ast, "TryStar"):
    _STATEMENT_KINDS[ast.TryStar] = _TRY
if hasattr(ast, "Match"):
    _STATEMENT_KINDS[ast.Match] = _MATCH
_BLOCKS = (ast.If, ast.Try) + ((ast.TryStar,) if hasattr(ast, "TryStar") else ())


class _FunctionWalk:
    """Facts about one function body, in one pass over its statements (expressions are
    only looked at in fixed shallow shapes)."""

    # Most functions record nothing: the containers start as shared read-only empties
    # (a write to one raises) and are made on the first write.
    prop = False
    decorators = ()
    outer_params = _READ_ONLY_EMPTY  # name -> index in the enclosing function
    checked = frozenset()  # locals holding a read that an ``if`` tested for b""
    local_sets = _READ_ONLY_EMPTY  # local name -> set[Setting]
    local_calls = ()  # (callee, [(where, local name)])
    returns = ()
    returned_locals = frozenset()
    sets = _READ_ONLY_EMPTY  # target -> set[Setting]
    calls = ()  # [CallEdge]
    assigned = _READ_ONLY_EMPTY  # attr -> [Value]
    annotations = _READ_ONLY_EMPTY  # attr -> [dotted]
    eof = None
    sends_all = False
    other_returns = False  # a ``return`` of a value ``returns`` leaves out
    retry = None
    inner = None  # nested function name -> _FunctionWalk
    guarded = 0  # how many ``try`` bodies with ``except`` clauses the walk is inside
    passes = ()  # [(callee, position, bound socket method)]

    def __init__(self, node, ctx, in_class, outer_params=None):
        self.node = node
        self.ctx = ctx
        args = node.args
        positional = args.posonlyargs + args.args if args.posonlyargs else args.args
        self.params = _short_names([a.arg for a in positional[:MAX_PARAMS]])
        self.kwonly = _short_names([a.arg for a in args.kwonlyargs[:MAX_PARAMS]]) \
            if args.kwonlyargs else ()
        static = classmethod = False
        if node.decorator_list:
            self.decorators = []
            for decorator in node.decorator_list[:MAX_FACTS]:
                dotted = dotted_name(decorator.func if isinstance(decorator, ast.Call)
                                     else decorator)
                if not dotted:
                    continue
                qualified = ctx.qualify(dotted)
                static = static or qualified == "staticmethod"
                classmethod = classmethod or qualified == "classmethod"
                if qualified in _PROPERTY_DECORATORS:
                    self.prop = True
                elif dotted.endswith((".setter", ".getter", ".deleter")):
                    self.prop = True
                elif qualified not in _NOT_RECORDED_DECORATORS:
                    self.decorators.append(dotted)
        self.method = in_class and not static
        self.self_name = self.params[0] if self.method and self.params else None
        if classmethod:
            self.self_name = None
        self.sender = in_class and node.name in _SEND_METHODS
        # Local names: the expression last assigned to each (its Value is worked out only
        # when the name is returned, tested or configured, which is rare).
        self.local_nodes = {}
        if outer_params:
            self.outer_params = outer_params

    def writable(self, name):
        """The container ``name`` of this walk, made on first use."""
        container = self.__dict__.get(name)
        if container is None:
            default = getattr(type(self), name)
            container = self.__dict__[name] = {} if isinstance(default, MappingProxyType) \
                else set() if isinstance(default, frozenset) else []
        return container

    # -- targets: what a receiver/argument expression names, for settings and call edges
    def target(self, node):
        kind = type(node)
        if kind is ast.Name:
            name = node.id
            if name in self.params or name in self.kwonly:
                return name
            if name in self.local_nodes:
                return "local:" + name
            return None
        if kind is ast.Attribute and self.self_name is not None \
                and type(node.value) is ast.Name and node.value.id == self.self_name \
                and len(node.attr) <= MAX_NAME - len(SELF):
            return SELF + node.attr
        return None

    def param_or_attr(self, node):
        """(attribute name, None) for self.x, (None, index) for a parameter, else None."""
        kind = type(node)
        if kind is ast.Attribute:
            if self.self_name is not None and type(node.value) is ast.Name \
                    and node.value.id == self.self_name and len(node.attr) <= MAX_NAME:
                return node.attr, None
        elif kind is ast.Name and node.id in self.params:
            return None, self.params.index(node.id)
        return None

    def run(self):
        self.walk(self.node.body, None, 0)
        for name in self.returned_locals:
            settings = self.local_sets.get(name)
            if settings and (len(self.sets) < MAX_FACTS or RETURNED in self.sets):
                self.writable("sets").setdefault(RETURNED, set()).update(settings)
        for callee, args in self.local_calls:
            mapped = [(w, RETURNED) for w, n in args if n in self.returned_locals]
            if mapped and len(self.calls) < MAX_EDGES:
                self.writable("calls").append(CallEdge(callee, mapped))
        return self

    def walk(self, body, loop, depth):
        ctx = self.ctx
        ctx.budget -= len(body)
        if depth > 100 or ctx.budget < 0:
            ctx.partial = True
            return
        kinds = _STATEMENT_KINDS
        for position, stmt in enumerate(body):
            code = kinds.get(type(stmt))
            if code is None:
                continue
            if code == _EXPR:
                value = stmt.value
                if type(value) is ast.Await:
                    value = value.value
                if type(value) is ast.Call:
                    self.note_calls(value)
                    self.call_statement(value)
                    self.passed_methods(value)
            elif code == _ASSIGN:
                self.note_calls(stmt.value)
                self.passed_methods(stmt.value)
                targets = stmt.targets
                if len(targets) == 1:
                    target = targets[0]
                    if type(target) is ast.Name:
                        setting = self.made_with(stmt.value)
                        if setting is not None:
                            self.add_setting("local:" + target.id, setting)
                    if type(target) is ast.Name and not self.checked:
                        self.local_nodes[target.id] = stmt.value
                    else:
                        self.assign(target, stmt.value)
            elif code == _RETURN:
                if stmt.value is not None:
                    self.note_calls(stmt.value)
                    self.passed_methods(stmt.value)
                    self.returned(stmt.value)
            elif code == _IF:
                self.note_calls(stmt.test)
                if self.local_nodes:
                    self.if_statement(stmt, body[position + 1] if position + 1 < len(body)
                                      else None)
                    self.completes(stmt)
                self.walk(stmt.body, loop, depth + 1)
                if stmt.orelse:
                    self.walk(stmt.orelse, loop, depth + 1)
            elif code == _LOOP:
                if type(stmt) is ast.While:
                    self.note_calls(stmt.test)
                if self.sender and not self.sends_all and type(stmt) is ast.While:
                    self.check_send_loop(stmt)
                if self.local_nodes and type(stmt) is ast.While:
                    self.completes(stmt)
                self.walk(stmt.body, stmt, depth + 1)
                if stmt.orelse:
                    self.walk(stmt.orelse, loop, depth + 1)
            elif code == _WITH:
                for item in stmt.items:  # with socket.create_connection(a) as sock:
                    if type(item.optional_vars) is ast.Name:
                        self.local_nodes[item.optional_vars.id] = item.context_expr
                self.walk(stmt.body, loop, depth + 1)
            elif code == _ANNASSIGN:
                if stmt.value is not None:
                    self.note_calls(stmt.value)
                self.annotated(stmt)
            elif code == _AUG:
                self.note_calls(stmt.value)
            elif code == _TRY:
                if loop is not None and self.retry is None:
                    self.check_retry(stmt)
                if stmt.handlers:
                    self.guarded += 1
                    self.walk(stmt.body, loop, depth + 1)
                    self.guarded -= 1
                else:
                    self.walk(stmt.body, loop, depth + 1)
                for handler in stmt.handlers:
                    self.walk(handler.body, loop, depth + 1)
                if stmt.orelse:
                    self.walk(stmt.orelse, loop, depth + 1)
                if stmt.finalbody:
                    self.walk(stmt.finalbody, loop, depth + 1)
            elif code == _DEF:
                if self.inner is None:
                    self.inner = {}
                if len(self.inner) < MAX_FACTS:
                    outer = {p: i for i, p in enumerate(self.params)}
                    self.inner[stmt.name] = _FunctionWalk(
                        stmt, self.ctx, False, outer_params=outer).run()
            elif code == _MATCH:
                for case in stmt.cases:
                    self.walk(case.body, loop, depth + 1)

    # -- calls as statements: settings and helper calls
    def note_calls(self, value):
        """CallArguments: what the calls this statement makes pass (``_note_calls``)."""
        if type(value) not in _CALL_CARRIERS:
            return
        judge = self.__dict__.get("judge")
        if judge is None:
            judge = self.judge = _ArgumentJudge(self.node, self.ctx, self.local_nodes)
        _note_calls(value, judge, self.ctx.callargs)

    def call_statement(self, call):
        func = call.func
        if type(func) is ast.Attribute:
            method = func.attr
            if method in _SETTING_CALLS:
                target = self.target(func.value)
                if target is not None:
                    setting = self.setting(method, call)
                    if setting is not None:
                        self.add_setting(target, setting)
                    return
            elif method == "sendall" and self.sender \
                    and self.param_or_attr(func.value) is not None:
                self.sends_all = True
        if call.args or call.keywords:
            self.record_call(call)

    def passed_methods(self, call):
        """``until_concludes(self.sock.send, data)``: a bound socket method handed to a
        function (a retry helper, usually), recorded for that function's own checks."""
        if type(call) is ast.Await:
            call = call.value
        if type(call) is not ast.Call or not call.args:
            return
        callee = None
        for position, arg in enumerate(call.args[:MAX_PARAMS]):
            if type(arg) is not ast.Attribute or arg.attr not in _PASSED_METHODS:
                continue
            if callee is None:
                callee = dotted_name(call.func)
                if callee is None or len(callee) > MAX_NAME:
                    return
                head = callee.partition(".")[0]
                if head in self.params or head in self.kwonly or head in self.local_nodes \
                        or (head in _BUILTINS and head not in self.ctx.imports):
                    return  # a parameter, a local, self or a builtin: no project function
            bound = dotted_name(arg)
            if bound is None or len(bound) > MAX_NAME or len(self.passes) >= MAX_EDGES:
                continue
            self.writable("passes").append((callee, position, bound))

    def setting(self, method, call):
        args = call.args
        if method == "settimeout":
            if len(args) != 1:
                return None
            arg = args[0]
            if isinstance(arg, ast.Constant):
                if arg.value is None:
                    return Setting.BLOCKING
                if arg.value == 0 and type(arg.value) in (int, float):
                    return Setting.NONBLOCKING
            return Setting.TIMEOUT
        if method == "setblocking":
            if len(args) != 1 or not isinstance(args[0], ast.Constant):
                return None
            return Setting.BLOCKING if args[0].value else Setting.NONBLOCKING
        if method == "setsockopt" and len(args) >= 2:
            option = (dotted_name(args[1]) or "").rpartition(".")[2]
            if option in ("SO_RCVTIMEO", "SO_SNDTIMEO") and len(args) > 2 \
                    and no_time(_constant_value(args[2], self.ctx, 0)):
                return None  # a zero timeval: no timeout, the call blocks
            if option == "SO_RCVTIMEO":
                return Setting.RCVTIMEO
            if option == "SO_SNDTIMEO":
                return Setting.SNDTIMEO
            if option == "SO_KEEPALIVE":
                return Setting.KEEPALIVE
            if option in _KEEPALIVE_TIMERS:
                return Setting.KEEPALIVE_TIMERS
            if option in _REUSE_OPTIONS:
                return Setting.REUSE_ADDRESS
            if tcp_option_unfixed(args[0], args[1]):
                return Setting.KEEPALIVE_TIMERS  # may be any of them: the caller's choice
            return None
        if method == "ioctl" and args:
            option = (dotted_name(args[0]) or "").rpartition(".")[2]
            if option == "SIO_KEEPALIVE_VALS":
                return Setting.KEEPALIVE_TIMERS
        return None

    def made_with(self, value):
        """The setting a socket constructor call gives the socket it makes:
        ``create_connection(address, timeout)`` with a timeout that is not None (a
        variable is taken as a real timeout, as for ``settimeout(t)``); None otherwise."""
        if type(value) is ast.Await:
            value = value.value
        if type(value) is not ast.Call:
            return None
        dotted = dotted_name(value.func)
        if dotted is None or self.ctx.qualify(dotted) != "socket.create_connection":
            return None
        timeout = value.args[1] if len(value.args) > 1 else next(
            (k.value for k in value.keywords if k.arg == "timeout"), None)
        if timeout is None or type(timeout) is ast.Starred:
            return None
        if isinstance(timeout, ast.Constant):
            if timeout.value is None:
                return None
            if timeout.value == 0 and type(timeout.value) in (int, float):
                return Setting.NONBLOCKING
        elif isinstance(timeout, ast.Name) and _default_is_none(self.node.args, timeout.id):
            return None  # ``def connect(addr, timeout=None)``: no timeout on the default path
        return Setting.TIMEOUT

    def add_setting(self, target, setting):
        if target.startswith("local:"):
            self.writable("local_sets").setdefault(target[6:], set()).add(setting)
        elif len(self.sets) < MAX_FACTS or target in self.sets:
            self.writable("sets").setdefault(target, set()).add(setting)

    def record_call(self, call):
        """A call passing parameters / self attributes / local sockets to a helper."""
        func = call.func
        if type(func) is ast.Name:
            callee = func.id
            if callee in self.params or callee in self.kwonly or callee in self.local_nodes \
                    or (callee in _BUILTINS and callee not in self.ctx.imports):
                return  # a parameter, a local or a builtin: not a project function
        elif type(func) is ast.Attribute and type(func.value) is ast.Name:
            head = func.value.id
            if head == self.self_name:
                callee = SELF + func.attr  # length checked below
            elif head in self.params or head in self.kwonly or head in self.local_nodes:
                return  # a method of a parameter or a local: not a function we can name
            else:
                callee = head + "." + func.attr
        else:
            callee = dotted_name(func)
            if callee is None:
                return
            head = callee.partition(".")[0]
            if head == self.self_name or head in self.params or head in self.kwonly \
                    or head in self.local_nodes:
                return
        args = []
        for position, arg in enumerate(call.args[:MAX_PARAMS]):
            if type(arg) is ast.Starred:
                break
            target = self.target(arg)
            if target is not None:
                args.append((position, target))
        for keyword in call.keywords:
            if keyword.arg is not None and len(keyword.arg) <= MAX_NAME:
                target = self.target(keyword.value)
                if target is not None:
                    args.append((keyword.arg, target))
        if not args or len(callee) > MAX_NAME:
            return
        direct = [(w, t) for w, t in args if not t.startswith("local:")]
        local = [(w, t[6:]) for w, t in args if t.startswith("local:")]
        if direct and len(self.calls) < MAX_EDGES:
            self.writable("calls").append(CallEdge(callee, direct))
        if local and len(self.local_calls) < MAX_EDGES:
            self.writable("local_calls").append((callee, local))

    # -- values
    def value(self, node, depth=0):
        """Value of an expression (shallow shapes only)."""
        kind = type(node)
        if kind is ast.Await:
            node = node.value
            kind = type(node)
        if kind is ast.Call:
            return self.call_value(node)
        if kind is ast.Name:
            name = node.id
            if name in self.params:
                return Value(ValueKind.PARAM, param=self.params.index(name))
            local = self.local_nodes.get(name)
            if local is not None and depth < 2 and local is not node:
                fact = self.value(local, depth + 1)
                if fact.kind is ValueKind.READ and name in self.checked:
                    return UNKNOWN
                return fact
            return UNKNOWN
        if kind is ast.Attribute:
            owner = self.param_or_attr(node)
            if owner is not None and owner[0] is not None:
                return Value(ValueKind.ATTR, name=owner[0])
            return UNKNOWN
        if kind is ast.Subscript:
            inner = node.value
            index = node.slice
            if type(index) is ast.Constant and index.value == 0 and type(inner) is ast.Call \
                    and type(inner.func) is ast.Attribute \
                    and inner.func.attr in ("accept", "_accept"):
                return Value(ValueKind.SOCKET, socket=SocketType.STREAM)
        return UNKNOWN

    def call_value(self, node):
        func = node.func
        dotted = dotted_name(func)
        qualified = self.ctx.qualify(dotted) if dotted else None
        if qualified in _SOCKET_MAKERS:
            kind = SocketType.STREAM if qualified in _STREAM_MAKERS \
                else _socket_type_of_call(node, self.ctx)
            if qualified == "socket.fromfd":
                kind = SocketType.UNKNOWN
            return Value(ValueKind.SOCKET, socket=kind)
        if qualified in ("ssl.wrap_socket", "ssl.SSLSocket"):
            return Value(ValueKind.SOCKET, socket=SocketType.STREAM, ssl=True)
        if type(func) is ast.Attribute:
            method = func.attr
            if method in EMPTY_KEEPING and type(func.value) is ast.Call:
                # ``return conn.recv(n).decode()``: empty at end of file as the read is
                inner = self.call_value(func.value)
                return inner if inner.kind is ValueKind.READ else UNKNOWN
            if method in _SSL_WRAPPERS:
                if not node.args and not node.keywords:
                    return UNKNOWN  # ssl's wrap_socket() takes the socket to wrap
                return Value(ValueKind.SOCKET, socket=SocketType.STREAM, ssl=True)
            if method in _READ_METHODS or method in _FORWARDED_METHODS:
                if method in _SIZED_READS and not node.args and not node.keywords:
                    return UNKNOWN  # ``conn.recv()``: a socket read needs a size or buffer
                owner = self.param_or_attr(func.value)
                if owner is not None:
                    kind = ValueKind.READ if method in _READ_METHODS else ValueKind.FORWARD
                    return Value(kind, name=owner[0], param=owner[1], method=method)
                return UNKNOWN
            if type(func.value) is ast.Name and self.self_name is not None \
                    and func.value.id == self.self_name and len(method) <= MAX_NAME:
                return Value(ValueKind.METHOD_CALL, name=method)
            held = func.value
            if type(held) is ast.Attribute and type(held.value) is ast.Name \
                    and self.self_name is not None and held.value.id == self.self_name \
                    and len(held.attr) + len(method) < MAX_NAME:
                # ``self._config.make_socket()``: a method of the object an attribute holds
                return Value(ValueKind.METHOD_CALL, name=f"{held.attr}.{method}")
        if dotted is not None:
            head = dotted.partition(".")[0]
            if head in self.params or head in self.local_nodes or head == self.self_name \
                    or (head in _BUILTINS and head not in self.ctx.imports):
                return UNKNOWN
            return Value(ValueKind.CALL, name=dotted)
        return UNKNOWN

    def assign(self, target, value):
        kind = type(target)
        if kind is ast.Name:
            self.local_nodes[target.id] = value
            if target.id in self.checked:
                self.checked.discard(target.id)
            return
        if kind is ast.Attribute:
            if type(value) is ast.IfExp:
                # ``self.sock = open_raw() if raw else open_isotp()``: one arm or the other
                self.assign(target, value.body)
                self.assign(target, value.orelse)
                return
            if type(value) is ast.BoolOp and type(value.op) is ast.Or:
                # ``self.config = config or Config()``: one operand or another
                for operand in value.values[:MAX_FACTS]:
                    self.assign(target, operand)
                return
            if type(value) not in _VALUE_SHAPES:
                return
            owner = self.param_or_attr(target)
            if owner is None or owner[0] is None:
                return
            fact = self.value(value)
            if fact.kind is ValueKind.UNKNOWN \
                    or (fact.kind is ValueKind.ATTR and fact.name == owner[0]):
                return
            if fact.kind is ValueKind.PARAM:
                self.param_annotation(owner[0], fact.param)
                fact = Value(ValueKind.PARAM, name=self.node.name, param=fact.param)
            facts = self.writable("assigned").setdefault(owner[0], [])
            if fact not in facts and len(facts) < MAX_FACTS:
                facts.append(fact)
            return
        if kind is ast.Tuple and target.elts:
            first = target.elts[0]
            call = value.value if type(value) is ast.Await else value
            for name in target.elts:
                if type(name) is ast.Name and name.id in self.local_nodes:
                    del self.local_nodes[name.id]
            if type(call) is ast.Call and type(call.func) is ast.Attribute \
                    and call.func.attr in ("accept", "_accept"):
                accepted = ast.Subscript(call, ast.Constant(0))
                if type(first) is ast.Name:
                    self.local_nodes[first.id] = accepted
                elif type(first) is ast.Attribute:  # self.conn, self.addr = l.accept()
                    self.assign(first, accepted)

    def param_annotation(self, attr, index):
        """``self.<attr> = <parameter>``: the parameter's annotation, if any, is the
        attribute's (``def __init__(self, stream: "FramedStream")``)."""
        args = self.node.args
        positional = args.posonlyargs + args.args if args.posonlyargs else args.args
        if index < len(positional) and positional[index].annotation is not None \
                and attr not in self.annotations:
            names = _annotation_names(positional[index].annotation, self.ctx)
            if names:
                self.writable("annotations")[attr] = names

    def annotated(self, stmt):
        target = stmt.target
        owner = self.param_or_attr(target) if type(target) is ast.Attribute else None
        if owner is not None and owner[0] is not None:
            names = _annotation_names(stmt.annotation, self.ctx)
            if names:
                self.writable("annotations")[owner[0]] = names
        if stmt.value is not None:
            self.assign(target, stmt.value)

    def returned(self, node):
        call = node.value if type(node) is ast.Await else node
        kind = type(call)
        if kind is ast.Name:
            name = call.id
            if name in self.local_nodes or name in self.local_sets:
                self.writable("returned_locals").add(name)
            if self.inner and name in self.inner:
                inner = self.inner[name]
                if inner.retry is not None and self.retry is None:
                    # returning a retrying wrapper of our parameter: a decorator; returning
                    # such a decorator: a decorator factory (``@retry(times=3)``), whose own
                    # parameters are not the wrapped function
                    self.retry = RetryFact(inner.retry.errnos,
                                           None if inner.retry.decorator else inner.retry.param,
                                           decorator=True)
        elif kind is ast.Call and self.sender and type(call.func) is ast.Attribute \
                and call.func.attr == "sendall" \
                and self.param_or_attr(call.func.value) is not None:
            self.sends_all = True
        elif kind is ast.Constant:
            return  # ``return None`` on a failure path, ``return 0``: nothing to record
        elif kind is ast.Call:
            setting = self.made_with(call)
            if setting is not None:
                self.add_setting(RETURNED, setting)
        fact = self.value(node)
        if fact.kind is ValueKind.UNKNOWN:
            self.other_returns = True
            return  # unknown returns are left out: they say nothing about the others
        if fact.kind is ValueKind.FORWARD and self.guarded:
            # ``try: return self.handle.accept() except ...``: the helper handles the
            # call's errors itself, so what its callers get is not the bare call's result
            self.other_returns = True
            return
        if fact not in self.returns and len(self.returns) < MAX_FACTS:
            self.writable("returns").append(fact)

    # -- empty reads
    def holds_unchecked_read(self, name):
        """The local ``name`` holds a read no test has taken care of yet."""
        if name is None or name in self.checked:
            return False
        local = self.local_nodes.get(name)
        return local is not None and self.value(local, 1).kind is ValueKind.READ

    def if_statement(self, stmt, following=None):
        name = _emptiness_test(stmt.test) or self._sized_emptiness_test(stmt.test)
        action = _leaves_by(stmt.body)
        if name is None and action is not None:
            # ``if len(data) != 1: raise ...``: shorter than a size of at least one, which
            # an empty read is, leaves the function (a test that completes the read instead
            # is ``completes``)
            name = _short_of(stmt.test, empty=True)
        if name is None and not stmt.orelse and following is not None and \
                type(following) is ast.Raise:
            # ``if len(data): return data`` then ``raise BrokenPipeError(...)``: the read
            # is handed out only when it is not empty, and an empty one raises
            kept = _nonempty_test(stmt.test)
            if kept is not None and any(type(inner) is ast.Return
                                        and type(inner.value) is ast.Name
                                        and inner.value.id == kept for inner in stmt.body):
                name, action = kept, EofAction.RAISES
        if not self.holds_unchecked_read(name):
            return
        self.writable("checked").add(name)
        if action is not None and self.eof is None:
            self.eof = action

    def _sized_emptiness_test(self, test):
        """``n > 0 and not data`` (either order; ``n``, ``n != 0``, ``n >= 1``, ``len(data) ==
        0``...) where ``data`` holds a read of ``n`` bytes: a read of no bytes returns b""
        with the peer still there, so the test is true exactly at end of file for every
        read it guards. The name tested, or None."""
        if type(test) is not ast.BoolOp or type(test.op) is not ast.And or \
                len(test.values) != 2:
            return None
        first, second = test.values
        for empty, size in ((first, second), (second, first)):
            name = _emptiness_test(empty)
            sized = _positive_name(size)
            read = self.local_nodes.get(name) if name is not None else None
            if sized is not None and type(read) is ast.Call and read.args and \
                    type(read.args[0]) is ast.Name and read.args[0].id == sized:
                return name
        return None

    def completes(self, stmt):
        """A read that the function completes to the size it asked for before handing it
        out is not handed out as read: ``if len(data) < n: data += self.read(n - len(data))``
        (the function calls itself) or ``while len(data) < n: data += sock.recv(...)`` with
        no ``break`` or ``return`` in the loop. At end of file the first recurses until it
        raises and the second goes round for ever (its own loop is what spins); neither
        returns ``b""`` for a size of at least one, so callers get no empty read from it."""
        name = _short_of(stmt.test)
        if not self.holds_unchecked_read(name):
            return
        loop = type(stmt) is ast.While
        if loop and any(isinstance(node, (ast.Break, ast.Return))
                        for node in _own_nodes(stmt)):
            return
        own = self.node.name
        for inner in stmt.body:
            if type(inner) is not ast.AugAssign or type(inner.op) is not ast.Add \
                    or type(inner.target) is not ast.Name or inner.target.id != name:
                continue
            value = inner.value
            if type(value) is ast.Await:
                value = value.value
            if loop or (type(value) is ast.Call and _calls_itself(value.func, own,
                                                                    self.self_name)):
                self.writable("checked").add(name)
                return

    # -- send loops and retries
    def check_send_loop(self, loop):
        for stmt in _statements(loop.body, 4):
            if isinstance(stmt, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                value = stmt.value
                if isinstance(value, ast.Await):
                    value = value.value
                if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) \
                        and value.func.attr in ("send", "write") \
                        and self.param_or_attr(value.func.value) is not None:
                    self.sends_all = True
                    return

    def check_retry(self, stmt):
        called = None
        for inner in _statements(stmt.body, 2):
            call = None
            if isinstance(inner, (ast.Expr, ast.Return, ast.Assign)) and inner.value is not None:
                call = inner.value
                if isinstance(call, ast.Await):
                    call = call.value
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name):
                name = call.func.id
                if name in self.params:
                    called = self.params.index(name)
                    break
                if name in self.outer_params:
                    called = self.outer_params[name]
                    break
        if called is None:
            return
        errnos = set()
        for handler in stmt.handlers:
            caught = _caught_errnos(handler.type, self.ctx)
            tested = _tested_errnos(handler.body, self.ctx)
            found = (caught | tested) & _RETRY_ERRNOS
            if found and _handler_continues(handler.body):
                errnos |= found
        if errnos:
            self.retry = RetryFact(errnos, called)

    def summary(self):
        """The FunctionSummary; parameters are kept only where a caller needs them (to map
        its arguments onto settings and further calls)."""
        keep_params = bool(self.sets or self.calls)
        return FunctionSummary(
            params=self.params if keep_params else (),
            kwonly=self.kwonly if keep_params else (),
            method=self.method and keep_params, prop=self.prop,
            returns=self.returns, eof=self.eof, sends_all=self.sends_all,
            sets=self.sets, calls=self.calls, retry=self.retry, decorators=self.decorators,
            passes=self.passes, other_returns=self.other_returns and bool(self.returns))


_BUILTINS = frozenset(dir(builtins))
_VALUE_SHAPES = frozenset({ast.Call, ast.Name, ast.Attribute, ast.Subscript, ast.Await})


def _statements(body, depth):
    """The statements of a block and of the blocks nested in it, ``depth`` levels down."""
    for stmt in body:
        yield stmt
        if depth > 0:
            for field in ("body", "orelse", "finalbody"):
                block = getattr(stmt, field, None)
                if isinstance(block, list) and not isinstance(stmt, (ast.ClassDef,)
                                                              + _FUNCTIONS):
                    yield from _statements(block, depth - 1)


def _default_is_none(args, name):
    """The parameter ``name`` of a function with these ``ast.arguments`` defaults to
    None."""
    default = _parameter_default(args, name)
    return isinstance(default, ast.Constant) and default.value is None


def _short_of(test, empty=False):
    """The name a test finds shorter than a size: ``len(data) < n``, ``len(data) != n``,
    ``n > len(data)``; with ``empty``, only where the test is true of an empty value too:
    not against a literal size below one (``len(data) != 0``)."""
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return None
    left, op, right = test.left, test.ops[0], test.comparators[0]
    if isinstance(op, ast.Gt):
        left, right, op = right, left, ast.Lt()
    if not isinstance(op, (ast.Lt, ast.NotEq)):
        return None
    if empty and isinstance(right, ast.Constant) and (
            type(right.value) is not int or right.value < 1):
        return None
    if isinstance(left, ast.Call) and isinstance(left.func, ast.Name) \
            and left.func.id == "len" and len(left.args) == 1 and not left.keywords \
            and isinstance(left.args[0], ast.Name):
        return left.args[0].id
    return None


def _calls_itself(func, own, self_name):
    """``func`` names the function ``own`` being summarised: ``own`` or ``self.own``."""
    if isinstance(func, ast.Name):
        return func.id == own
    return isinstance(func, ast.Attribute) and func.attr == own \
        and isinstance(func.value, ast.Name) and func.value.id == self_name


def _emptiness_test(test):
    """The name an ``if`` tests for emptiness: ``not data``, ``data == b""``,
    ``len(data) == 0``, ``not len(data)``."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        operand = test.operand
        if isinstance(operand, ast.Name):
            return operand.id
        if isinstance(operand, ast.Call) and isinstance(operand.func, ast.Name) \
                and operand.func.id == "len" and len(operand.args) == 1 \
                and isinstance(operand.args[0], ast.Name):
            return operand.args[0].id
        return None
    if isinstance(test, ast.Compare) and len(test.ops) == 1 \
            and isinstance(test.ops[0], (ast.Eq, ast.Is)):
        left, right = test.left, test.comparators[0]
        if isinstance(left, ast.Constant):
            left, right = right, left
        if not isinstance(right, ast.Constant):
            return None
        if isinstance(left, ast.Name) and right.value in (b"", ""):
            return left.id
        if isinstance(left, ast.Call) and isinstance(left.func, ast.Name) \
                and left.func.id == "len" and len(left.args) == 1 \
                and isinstance(left.args[0], ast.Name) and right.value == 0:
            return left.args[0].id
    return None


def _nonempty_test(test):
    """The name a test finds not empty: ``data``, ``len(data)``, ``len(data) > 0``,
    ``len(data) != 0``, ``len(data) >= 1``."""
    if isinstance(test, ast.Name):
        return test.id
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and \
            isinstance(test.comparators[0], ast.Constant) and \
            (type(test.ops[0]), test.comparators[0].value) in (
                (ast.Gt, 0), (ast.NotEq, 0), (ast.GtE, 1)) and \
            type(test.comparators[0].value) is int:
        test = test.left
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and \
            test.func.id == "len" and len(test.args) == 1 and not test.keywords and \
            isinstance(test.args[0], ast.Name):
        return test.args[0].id
    return None


def _positive_name(test):
    """The name a test finds positive: ``n``, ``n > 0``, ``n != 0``, ``n >= 1``."""
    if type(test) is ast.Compare and len(test.ops) == 1 and \
            type(test.comparators[0]) is ast.Constant and \
            type(test.comparators[0].value) is int and \
            (type(test.ops[0]), test.comparators[0].value) in (
                (ast.Gt, 0), (ast.NotEq, 0), (ast.GtE, 1)):
        test = test.left
    return test.id if type(test) is ast.Name else None


def _leaves_by(body):
    for stmt in body:
        if isinstance(stmt, ast.Raise):
            return EofAction.RAISES
        if isinstance(stmt, ast.Return):
            return EofAction.RETURNS
    return None


def _caught_errnos(node, ctx):
    if node is None:
        return set()
    names = node.elts if isinstance(node, ast.Tuple) else [node]
    found = set()
    for name in names[:MAX_FACTS]:
        errno = _RETRY_EXCEPTIONS.get(ctx.qualify(dotted_name(name)) or "")
        if errno:
            found.add(errno)
    return found


def _tested_errnos(body, ctx):
    """errno names the handler's ``if`` tests compare against (``e.errno == errno.EINTR``,
    ``e.args[0] in (errno.EINTR, errno.EAGAIN)``, a module constant holding them)."""
    found = set()
    for stmt in _statements(body, 2):
        if not isinstance(stmt, (ast.If, ast.While)):
            continue
        stack = [stmt.test]
        budget = 64
        while stack and budget:
            budget -= 1
            node = stack.pop()
            if isinstance(node, (ast.BoolOp,)):
                stack.extend(node.values)
            elif isinstance(node, ast.UnaryOp):
                stack.append(node.operand)
            elif isinstance(node, ast.Compare):
                stack.extend(node.comparators)
                stack.append(node.left)
            elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                stack.extend(node.elts)
            else:
                dotted = dotted_name(node)
                if dotted is None:
                    continue
                qualified = ctx.qualify(dotted)
                if qualified.startswith("errno.") and qualified.count(".") == 1:
                    found.add(canonical_errno(qualified[6:]))
                constant = ctx.constants.get(dotted)
                if isinstance(constant, (tuple, frozenset)):
                    for item in constant:
                        if isinstance(item, ErrnoName):
                            found.add(canonical_errno(item.name))
    return found


def _handler_continues(body):
    """The handler goes round the loop again: a ``continue``, or an ending that is not a
    raise / return / break."""
    for stmt in _statements(body, 3):
        if isinstance(stmt, ast.Continue):
            return True
    last = body[-1] if body else None
    return not isinstance(last, (ast.Raise, ast.Return, ast.Break))


def _summarise_function(node, ctx, in_class, cls=None):
    if ctx.budget <= 0:
        ctx.partial = True
        return _PLAIN  # past MAX_STATEMENTS: a name only
    walk = _FunctionWalk(node, ctx, in_class).run()
    returns = _return_values(node)  # both questions start from the return statements
    size, message = _returned_size(node, ctx, returns)
    ephemeral = _returned_ephemeral(node, returns)
    clears, clear_calls = _method_clears(node) if in_class else ({}, [])
    platforms = _platform_test(node, ctx, in_class)
    if not (walk.returns or walk.eof or walk.sends_all or walk.sets or walk.calls
            or walk.retry or walk.prop or walk.decorators or walk.assigned
            or walk.annotations or size is not None or walk.passes or message
            or ephemeral is not None or clears or clear_calls or platforms is not None):
        return _PLAIN
    if cls is not None:
        for attr, facts in walk.assigned.items():
            if attr not in cls.assigned and len(cls.assigned) >= MAX_ENTRIES:
                continue
            known = cls.assigned.setdefault(attr, [])
            for fact in facts:
                if fact not in known and len(known) < MAX_FACTS:
                    known.append(fact)
        for attr, names in walk.annotations.items():
            if len(cls.annotations) < MAX_ENTRIES:
                cls.annotations.setdefault(attr, names)
    summary = walk.summary()
    summary.size = size
    summary.message = message
    summary.ephemeral = ephemeral
    summary.clears = clears
    summary.clear_calls = clear_calls
    summary.platforms = platforms
    return _PLAIN if summary.is_plain() else summary


class _NotPlatform(Exception):
    pass


def _platform_test(func, ctx, in_class):
    """The families of operating systems where ``func`` returns true, when its body (past
    a docstring) is one ``return`` of a test of ``sys.platform``, ``os.name`` or
    ``platform.system()`` against literals, and it takes no argument (but the bound
    ``self`` or ``cls`` of a method); None for anything else, and for a test true on every
    family or on none."""
    body = func.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]
    if len(body) != 1 or not isinstance(body[0], ast.Return) or body[0].value is None:
        return None
    args = func.args
    bound = 1 if in_class and not any(dotted_name(d) == "staticmethod"
                                      for d in func.decorator_list) else 0
    if len(args.posonlyargs) + len(args.args) != bound or args.vararg or args.kwonlyargs \
            or args.kwarg:
        return None
    test = body[0].value
    true = set()
    try:
        for family, samples in PLATFORM_SAMPLES.items():
            for sample in samples:
                if _platform_value(test, ctx, sample, 0):
                    true.add(family)
    except (_NotPlatform, RecursionError):
        return None
    found = frozenset(true)
    return found if found and found != EVERYWHERE else None


def _platform_value(node, ctx, sample, depth):
    """``node``'s value where ``sys.platform``, ``os.name`` and ``platform.system()`` are
    ``sample`` (the ast twin of ``platforms._evaluate``); _NotPlatform for anything else."""
    if depth > 20:
        raise _NotPlatform
    depth += 1
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return tuple(_platform_value(e, ctx, sample, depth) for e in node.elts
                     if not isinstance(e, ast.Starred))
    if isinstance(node, (ast.Name, ast.Attribute)):
        qname = ctx.qualify(dotted_name(node))
        if qname in PLATFORM_SOURCES:
            return sample[PLATFORM_SOURCES[qname]]
        raise _NotPlatform
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _platform_value(node.operand, ctx, sample, depth)
    if isinstance(node, ast.BoolOp):
        value = None
        for operand in node.values:
            value = _platform_value(operand, ctx, sample, depth)
            if bool(value) != isinstance(node.op, ast.And):
                return value
        return value
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        left = _platform_value(node.left, ctx, sample, depth)
        right = _platform_value(node.comparators[0], ctx, sample, depth)
        op = node.ops[0]
        if isinstance(op, ast.Eq):
            return left == right
        if isinstance(op, ast.NotEq):
            return left != right
        if isinstance(op, (ast.In, ast.NotIn)) and isinstance(left, str) \
                and isinstance(right, (str, tuple)):
            return (left in right) == isinstance(op, ast.In)
        raise _NotPlatform
    if isinstance(node, ast.Call) and not node.keywords:
        func = node.func
        if not node.args and ctx.qualify(dotted_name(func)) in PLATFORM_CALLED_SOURCES:
            return sample[PLATFORM_CALLED_SOURCES[ctx.qualify(dotted_name(func))]]
        if isinstance(func, ast.Attribute):
            owner = _platform_value(func.value, ctx, sample, depth)
            if not isinstance(owner, str):
                raise _NotPlatform
            if func.attr in ("lower", "upper", "casefold") and not node.args:
                return getattr(owner, func.attr)()
            if func.attr in ("startswith", "endswith") and len(node.args) == 1 \
                    and not isinstance(node.args[0], ast.Starred):
                prefix = _platform_value(node.args[0], ctx, sample, depth)
                if isinstance(prefix, str) or (isinstance(prefix, tuple) and all(
                        isinstance(p, str) for p in prefix)):
                    return getattr(owner, func.attr)(prefix)
    raise _NotPlatform


def _method_clears(node):
    """({attr: truth}, [callee]) for a method: the attributes of the instance it sets to a
    literal (``self.running = False``, ``None``, a number) and the methods of the instance
    it calls (``self.close()`` as "self.close", ``super().stop()`` as "super.stop") on
    every path that returns. Its body is read from the top, ``with`` blocks included, up
    to the first statement that may return or raise (or the end); other compound
    statements are passed over (what they do holds on some paths only)."""
    args = node.args.posonlyargs + node.args.args
    if not args:
        return {}, []
    this = args[0].arg
    clears, calls = {}, []
    pending = list(reversed(node.body))
    while pending and len(clears) + len(calls) < MAX_FACTS:
        stmt = pending.pop()
        kind = type(stmt)
        if kind is ast.With or kind is ast.AsyncWith:
            if _may_leave(stmt.body):
                break
            pending.extend(reversed(stmt.body))
            continue
        if kind is ast.Assign:
            value = stmt.value
            if type(value) is ast.Constant and (value.value is None or type(value.value) in (
                    bool, int)):
                for target in stmt.targets:
                    if type(target) is ast.Attribute and type(target.value) is ast.Name \
                            and target.value.id == this:
                        clears[target.attr] = bool(value.value)
            continue
        if kind is ast.Expr and type(stmt.value) is ast.Call:
            func = stmt.value.func
            if type(func) is ast.Attribute:
                owner = func.value
                if type(owner) is ast.Name and owner.id == this:
                    calls.append("self." + func.attr)
                elif type(owner) is ast.Call and type(owner.func) is ast.Name and \
                        owner.func.id == "super":
                    calls.append("super." + func.attr)
            continue
        if kind in (ast.Return, ast.Raise) or _may_leave([stmt]):
            break
    return clears, calls


def _may_leave(body):
    """Some statement of ``body`` (nested blocks included, nested functions not) returns,
    raises or yields."""
    stack = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Return, ast.Raise, ast.Yield, ast.YieldFrom)):
            return True
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, _FUNCTIONS + (ast.Lambda, ast.ClassDef)):
                stack.append(child)
    return False


def _own_nodes(func):
    """The nodes of a function's own code (or of a loop's body): nested functions, lambdas
    and classes left out."""
    stack = list(func.body)
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, _FUNCTIONS + (ast.Lambda, ast.ClassDef)):
                stack.append(child)


def _getsockname_of(node):
    """``s`` for ``s.getsockname()`` (no arguments), else None."""
    if isinstance(node, ast.Call) and not node.args and not node.keywords \
            and isinstance(node.func, ast.Attribute) and node.func.attr == "getsockname" \
            and isinstance(node.func.value, ast.Name):
        return node.func.value.id
    return None


def _ephemeral_value(node):
    """(socket name, kind) for ``s.getsockname()[1]`` ("port") or ``s.getsockname()``
    ("address"), else None."""
    if isinstance(node, ast.Subscript):
        index = node.slice
        name = _getsockname_of(node.value)
        if name is not None and isinstance(index, ast.Constant) and type(index.value) is int \
                and index.value == 1:
            return name, "port"
        return None
    name = _getsockname_of(node)
    return (name, "address") if name is not None else None


def _may_return_ephemeral(func, returns=None):
    """A cheap first test for ``_returned_ephemeral``, visiting statements only: every
    ``return`` gives ``s.getsockname()[1]``, ``s.getsockname()`` or a name, and a name
    returned is assigned such a value somewhere in the function. ``returns``: its
    ``_return_values``, when known."""
    if returns is None:
        returns = _return_values(func)
    if not returns:
        return False
    names = []
    for value in returns:
        if type(value) is ast.Name:
            names.append(value.id)
        elif _ephemeral_value(value) is None:
            return False
    if len(names) < len(returns):
        return True
    assigned = _plain_assignments(func)
    return any(_ephemeral_value(value) is not None
               for name in names for value in assigned.get(name, ())) or any(
        isinstance(node, ast.Assign) and any(
            _unpacked_port(target, node.value) is not None for target in node.targets)
        for node in _own_nodes(func))


def _unpacked_port(target, value):
    """For ``host, port = s.getsockname()``: the value the second name gets, as
    ``s.getsockname()[1]`` (an ``ast.Subscript`` made here); None for any other
    assignment."""
    if type(target) not in (ast.Tuple, ast.List) or len(target.elts) != 2 or \
            type(target.elts[1]) is not ast.Name or _getsockname_of(value) is None:
        return None
    return ast.Subscript(value=value, slice=ast.Constant(1), ctx=ast.Load())


def _returned_ephemeral(func, returns=None):
    """"port" when every ``return`` of ``func`` gives the port a socket of its own was given
    by binding it to port 0 (a "find a free port" helper), "address" when each gives that
    socket's whole address; None otherwise.

    Each ``return`` gives ``s.getsockname()[1]`` (or ``s.getsockname()``), or a local name
    whose every assignment in the function is that value or ``None`` (``port = None`` before
    a ``try`` that sets it); all of them name the same socket ``s``, a local name, and every
    ``bind()`` on ``s`` in the function is to a literal ``(host, 0)`` tuple, with at least
    one, and ``s`` is bound (assigned, a ``with`` target...) at most once. A function that
    also binds ``s`` elsewhere, returns anything else, or gives another socket's address
    does not count. ``returns``: ``_return_values(func)``, when known."""
    if isinstance(func, ast.AsyncFunctionDef) or not _may_return_ephemeral(func, returns):
        return None
    returns = []
    assigned = {}  # name -> list of values (None for a binding that is no plain assignment)
    binds = {}  # socket name -> all binds to port 0
    for node in _own_nodes(func):
        if isinstance(node, ast.Return):
            returns.append(node.value)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
                    continue
                port = _unpacked_port(target, node.value)
                for inner in ast.walk(target):
                    if isinstance(inner, ast.Name):
                        assigned.setdefault(inner.id, []).append(
                            port if port is not None and inner is target.elts[1] else None)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.With,
                               ast.NamedExpr, ast.comprehension, ast.ExceptHandler,
                               ast.Global, ast.Nonlocal, ast.Delete, ast.Import,
                               ast.ImportFrom)):
            targets = []
            if isinstance(node, (ast.AugAssign, ast.For, ast.NamedExpr, ast.comprehension)):
                targets = [node.target]
            elif isinstance(node, ast.AnnAssign):
                if node.value is not None and isinstance(node.target, ast.Name):
                    assigned.setdefault(node.target.id, []).append(node.value)
                    continue
                targets = [node.target]
            elif isinstance(node, ast.With):
                targets = [item.optional_vars for item in node.items if item.optional_vars]
            elif isinstance(node, ast.ExceptHandler):
                if node.name:
                    assigned.setdefault(node.name, []).append(None)
            elif isinstance(node, (ast.Global, ast.Nonlocal)):
                for name in node.names:
                    assigned.setdefault(name, []).append(None)
            elif isinstance(node, ast.Delete):
                targets = node.targets
            else:
                for alias in node.names:
                    name = (alias.asname or alias.name).partition(".")[0]
                    assigned.setdefault(name, []).append(None)
            for target in targets:
                for inner in ast.walk(target):
                    if isinstance(inner, ast.Name):
                        assigned.setdefault(inner.id, []).append(None)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "bind" and isinstance(node.func.value, ast.Name):
            address = node.args[0] if len(node.args) == 1 and not node.keywords else None
            zero = isinstance(address, ast.Tuple) and len(address.elts) == 2 \
                and isinstance(address.elts[1], ast.Constant) \
                and type(address.elts[1].value) is int and address.elts[1].value == 0
            binds.setdefault(node.func.value.id, []).append(zero)
    if not returns:
        return None
    found = set()
    for value in returns:
        if value is None:
            return None
        direct = _ephemeral_value(value)
        if direct is not None:
            found.add(direct)
            continue
        if not isinstance(value, ast.Name) or value.id not in assigned:
            return None
        kinds = set()
        for assignment in assigned[value.id]:
            if isinstance(assignment, ast.Constant) and assignment.value is None:
                continue
            one = _ephemeral_value(assignment) if assignment is not None else None
            if one is None:
                return None
            kinds.add(one)
        if not kinds:
            return None
        found |= kinds
    if len(found) != 1:
        return None
    name, kind = found.pop()
    zeros = binds.get(name)
    if not zeros or not all(zeros) or len(assigned.get(name, ())) > 1:
        return None  # bound elsewhere too, or the name may hold another socket by then
    return kind


# Codecs that write at most four bytes a character (``unicode_escape`` writes ten).
_TEXT_CODECS = frozenset({
    "utf-8", "utf8", "ascii", "us-ascii", "latin-1", "latin1", "iso-8859-1", "utf-16",
    "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "cp1252",
})


def _returned_size(func, ctx, returns=None):
    """(size, message) for what every ``return`` of ``func`` gives.

    size: an upper bound on the length of the bytes, when each gives a value whose size the
    code fixes (bytes literals, ``bytes([a, b])``, ``struct.pack`` with a literal format,
    ``"text".encode()``, sums and literal repeats of these, module constants, local names
    assigned only such values); else None. message (only when size is None): each gives a
    message the function composes from a literal template or structure (``_message_of``).
    ``return``/``return None`` count as nothing. Names bound any other way (``+=``, ``for``,
    unpacking) are unknown; nested functions are looked at too, which can only make the
    answer None (False), never wrong. ``returns``: ``_return_values(func)``, when known."""
    if returns is None:
        returns = _return_values(func)
    if not returns:
        return None, False
    names = assigned = None
    try:
        # Most returns need no local name: then no walk of every expression is needed
        size = _bound_of(returns, ctx, {}, _NAMES_NEEDED)
    except _NeedsNames:
        # Most of the others need a name that no plain assignment binds and that is no
        # bytes constant, whose size is unknown whether or not it is bound some other
        # way: the plain assignments are statements, found without visiting expressions.
        assigned = _plain_assignments(func)
        try:
            size = _bound_of(returns, ctx, assigned, _NamesNeeded(assigned, ctx))
        except _NeedsNames:
            names = _local_assignments(func)
            size = _bound_of(returns, ctx, *names)
    if size is not None or not all(_message_shaped(value) for value in returns):
        return size, False
    if names is None:
        # As for the size: a name no plain assignment binds is no message whether or not
        # it is bound some other way, so the walk of every expression is needed only for
        # a name that one binds.
        try:
            return None, all(_message_of(v, ctx, {}, _NAMES_NEEDED, 0) for v in returns)
        except _NeedsNames:
            pass
        if assigned is None:
            assigned = _plain_assignments(func)
        try:
            unknown = _NamesNeeded(assigned, ctx)
            return None, all(_message_of(v, ctx, assigned, unknown, 0) for v in returns)
        except _NeedsNames:
            names = _local_assignments(func)
    return None, all(_message_of(v, ctx, *names, 0) for v in returns)


_DISPLAYS = (ast.Tuple, ast.List, ast.Dict, ast.Set)


def _message_shaped(node):
    """A cheap first test for ``_message_of``: the shapes a composed message can have."""
    kind = type(node)
    if kind is ast.Name or kind is ast.JoinedStr:
        return True
    if kind is ast.BinOp:
        return type(node.op) in (ast.Mod, ast.Add)
    if kind is ast.Call:
        func = node.func
        return type(func) is ast.Attribute and func.attr in ("encode", "format") or \
            bool(node.args) and type(node.args[0]) in _DISPLAYS
    return False


def _local_assignments(func):
    """(name -> values assigned to it by plain ``name = value``, names bound otherwise)."""
    assigned = {}
    simple = set()
    stores = []
    # ast.walk's order (breadth first), without its generators; a name's children (its
    # context) and constants hold nothing more
    found = [func]
    i = 0
    while i < len(found):
        sub = found[i]
        i += 1
        kind = type(sub)
        if kind is ast.Name:
            if type(sub.ctx) is ast.Store:
                stores.append(sub)
            continue
        if kind is ast.Constant:
            continue
        if kind is ast.Assign:
            for target in sub.targets:
                if type(target) is ast.Name:
                    simple.add(id(target))
                    assigned.setdefault(target.id, []).append(sub.value)
        for field in sub._fields:
            value = getattr(sub, field, None)
            if type(value) is list:
                found.extend(item for item in value if isinstance(item, ast.AST))
            elif isinstance(value, ast.AST):
                found.append(value)
    return assigned, {name.id for name in stores if id(name) not in simple}


# A %-format conversion: ``%s``, ``%(name)s``, ``%-10.3f``, ``%%``
PERCENT_CONVERSION = re.compile(
    r"%(?:\(([^)]*)\))?[#0 +\-]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([diouxXeEfFgGcrsab%])")
# Conversions that fill in bytes as they are (in a bytes template), not a number
BYTES_FIELD_CONVERSIONS = frozenset("sbra")
# Methods that hand over file or buffer contents: bulk data, never a field of a request
BULK_METHODS = frozenset({"read", "readall", "readline", "readlines", "read_bytes",
                          "read_text", "getvalue", "getbuffer", "decode", "tobytes"})


def template_has_text(text, percent):
    """A template writes a message's shape: some literal text other than white space
    besides its placeholders, or a line end (``"%s\r\n"``: a line of a line protocol, a
    command or a query). ``f"{x}"`` or ``"%s %s"`` alone are values passed whole."""
    if isinstance(text, bytes):
        text = text.decode("latin-1")
    if percent:
        text = PERCENT_CONVERSION.sub("", text)
    return bool(text.strip()) or "\n" in text


def _bulk_call(node):
    return type(node) is ast.Call and type(node.func) is ast.Attribute and \
        node.func.attr in BULK_METHODS


def _message_of(node, ctx, assigned, unknown, depth):
    """``node`` is a message the code composes from a literal template or structure: a
    %-format, f-string or ``.format()`` of a literal template with text of its own, its
    ``.encode()``, a concatenation with literal pieces, a call serialising a tuple, list or
    dict display. In a bytes template or concatenation every piece filled in must itself
    be a literal, fixed in size, a message or text encoded (``name.encode()``): a bytes
    value handed in (``header + body``, ``b"%s" % payload``) may be bulk data. File or
    buffer contents (``f.read()``) never count."""
    if depth > MAX_DEPTH:
        return False
    size = _size_of(node, ctx, assigned, unknown, depth + 1)
    if size is not None:
        return size <= SMALL_MESSAGE  # a fixed request (``b"QUIT\r\n"``) is one too
    kind = type(node)
    if kind is ast.Name:
        name = node.id
        if name in unknown:
            return False
        values = assigned.get(name)
        return bool(values) and len(values) <= MAX_FACTS and all(
            _message_of(value, ctx, assigned, unknown, depth + 1) for value in values)
    if kind is ast.JoinedStr:
        text = "".join(v.value for v in node.values
                       if type(v) is ast.Constant and type(v.value) is str)
        return bool(text.strip()) and not any(
            type(v) is ast.FormattedValue and _bulk_call(v.value) for v in node.values)
    if kind is ast.BinOp:
        if type(node.op) is ast.Mod and type(node.left) is ast.Constant and \
                type(node.left.value) in (str, bytes):
            return _percent_message(node, ctx, assigned, unknown, depth)
        if type(node.op) is ast.Add:
            return _concat_message(node, ctx, assigned, unknown, depth)
        return False
    if kind is ast.Call:
        func = node.func
        if type(func) is ast.Attribute:
            if func.attr == "encode":
                inner = func.value
                return not _bulk_call(inner) and (
                    type(inner) is ast.Constant and type(inner.value) is str
                    or _message_of(inner, ctx, assigned, unknown, depth + 1))
            if func.attr == "format":
                target = func.value
                return type(target) is ast.Constant and type(target.value) is str and \
                    template_has_text(target.value.replace("{", "").replace("}", ""), False) \
                    and not any(_bulk_call(a) for a in node.args)
            if func.attr == "join":
                return False
        if node.args and type(node.args[0]) in (ast.Tuple, ast.List, ast.Dict, ast.Set):
            return _display_fields(node.args[0])
    return False


def _display_fields(node):
    """A literal structure with literals of its own (``("QUERY", name)``, not ``[data]``)
    whose items are fields: no ``*spread``, no file contents."""
    shaped = []
    return _display_items(node, shaped, 0) and bool(shaped)


def _display_items(node, shaped, depth):
    if depth > MAX_CONSTANT_DEPTH:
        return False
    kind = type(node)
    if kind is ast.Dict:
        if None in node.keys or len(node.values) > MAX_CONSTANT_ITEMS:
            return False  # {**other}
        items = node.keys + node.values
    elif kind in (ast.Tuple, ast.List, ast.Set):
        items = node.elts
        if len(items) > MAX_CONSTANT_ITEMS:
            return False
    else:
        if kind is ast.Constant and type(node.value) in (str, bytes, int, float):
            shaped.append(node)
        return not (kind is ast.Starred or _bulk_call(node))
    return all(_display_items(item, shaped, depth + 1) for item in items)


def _bytes_field(node, ctx, assigned, unknown, depth):
    """A piece a bytes message may fill in: fixed in size (at most SMALL_MESSAGE bytes), a
    message, or text encoded."""
    if _bulk_call(node):
        return False
    if type(node) is ast.Call and type(node.func) is ast.Attribute and \
            node.func.attr == "encode" and not _bulk_call(node.func.value):
        return True
    return _message_of(node, ctx, assigned, unknown, depth + 1)


def _percent_message(node, ctx, assigned, unknown, depth):
    template = node.left.value
    if not template_has_text(template, True):
        return False
    right = node.right
    operands = right.elts if type(right) is ast.Tuple else [right]
    if any(type(o) is ast.Starred or _bulk_call(o) for o in operands):
        return False
    if type(template) is str:
        return True  # text fields
    conversions = PERCENT_CONVERSION.findall(template.decode("latin-1"))
    conversions = [c for c in conversions if c[3] != "%"]
    if not any(c[3] in BYTES_FIELD_CONVERSIONS for c in conversions):
        return True  # numbers only
    if any(c[0] or c[1] == "*" or c[2] == "*" for c in conversions) or \
            len(conversions) != len(operands):
        return False
    return all(conv[3] not in BYTES_FIELD_CONVERSIONS or
               _bytes_field(operand, ctx, assigned, unknown, depth)
               for conv, operand in zip(conversions, operands))


def _added(node):
    """The operands of a sum ``a + b + c`` (which nests to the left), flattened without
    recursion, last first."""
    pending = [node]
    while pending:
        piece = pending.pop()
        if type(piece) is ast.BinOp and type(piece.op) is ast.Add:
            pending.append(piece.left)
            pending.append(piece.right)
            continue
        yield piece


def _concat_message(node, ctx, assigned, unknown, depth):
    pieces = []
    for piece in _added(node):
        pieces.append(piece)
        if len(pieces) > MAX_FACTS:
            return False
    literals = [p.value for p in pieces if type(p) is ast.Constant
                and type(p.value) in (str, bytes)]
    text = any(type(v) is str for v in literals)
    shaped = any(template_has_text(v, False) for v in literals)
    others = [p for p in pieces if not (type(p) is ast.Constant and
                                        type(p.value) in (str, bytes))]
    if text:
        return shaped and not any(_bulk_call(p) for p in others)
    fixed = [p for p in others if _size_of(p, ctx, assigned, unknown, depth + 1) is not None]
    if not (shaped or fixed):
        return False  # no template: values joined
    return all(_bytes_field(p, ctx, assigned, unknown, depth) for p in others)


def _bound_of(returns, ctx, assigned, unknown):
    bound = 0
    for value in returns:
        size = _size_of(value, ctx, assigned, unknown, 0)
        if size is None:
            return None
        bound = max(bound, size)
    return bound if bound <= MAX_PAYLOAD else None


class _NeedsNames(Exception):
    """A return value's size depends on a name: the function's assignments are needed."""


class _AskNames:
    """Stands for the set of unknown local names before they are known."""

    def __contains__(self, name):
        raise _NeedsNames


_NAMES_NEEDED = _AskNames()


class _NamesNeeded:
    """Stands for the set of unknown local names before they are known, where _size_of
    asks it (a name all of whose plain assignments have a known size, or no plain
    assignment): known without them for a name that no plain assignment binds and that
    is no bytes constant, whose size is None either way."""

    __slots__ = ("assigned", "constants")

    def __init__(self, assigned, ctx):
        self.assigned = assigned
        self.constants = ctx.constants

    def __contains__(self, name):
        if name in self.assigned or type(self.constants.get(name)) is bytes:
            raise _NeedsNames
        return True


def _plain_assignments(func):
    """name -> the values of the ``name = value`` statements in ``func`` (nested functions
    and classes included, as ``ast.walk`` would find them)."""
    return _statement_bindings(func, others=False)[0]


def _statement_bindings(func, others=True):
    """(name -> the values of the ``name = value`` statements in ``func``, the names it
    binds otherwise: ``for``/``with``/``except`` targets, unpacking, ``+=``, annotated
    assignments, imports, definitions, ``global``, ``del``), found in one visit of its
    statements, nested functions and classes included, as ``ast.walk`` would find them;
    the second is None when a ``match`` statement (whose patterns bind names) is among
    them, and empty when ``others`` is false (only the first is wanted). Names bound by
    ``:=`` inside expressions are not seen."""
    assigned = {}
    names = set()
    pending = [func]
    fields = _STATEMENT_FIELDS
    while pending:
        node = pending.pop()
        kind = type(node)
        if kind is ast.Assign:
            for target in node.targets:
                if type(target) is ast.Name:
                    assigned.setdefault(target.id, []).append(node.value)
                elif others:
                    names.update(_target_names(target))
            continue
        if not others:
            for field in fields[kind]:
                children = getattr(node, field)
                if children:
                    pending.extend(children)
            continue
        if kind is ast.Expr or kind is ast.Return or kind is ast.Pass:
            continue
        if kind is ast.AugAssign or kind is ast.AnnAssign:
            names.update(_target_names(node.target))
            continue
        if kind is ast.For or kind is ast.AsyncFor:
            names.update(_target_names(node.target))
        elif kind is ast.With or kind is ast.AsyncWith:
            for item in node.items:
                if item.optional_vars is not None:
                    names.update(_target_names(item.optional_vars))
        elif kind is ast.ExceptHandler:
            if node.name:
                names.add(node.name)
        elif kind is ast.Import or kind is ast.ImportFrom:
            for alias in node.names:
                names.add((alias.asname or alias.name).partition(".")[0])
            continue
        elif kind in _FUNCTIONS or kind is ast.ClassDef:
            if node is not func:
                names.add(node.name)
        elif kind is ast.Global or kind is ast.Nonlocal:
            names.update(node.names)
            continue
        elif kind is ast.Delete:
            for target in node.targets:
                names.update(_target_names(target))
            continue
        elif kind is _MATCH_TYPE:
            return assigned, None
        for field in fields[kind]:
            children = getattr(node, field)
            if children:
                pending.extend(children)
    return assigned, names


_MATCH_TYPE = getattr(ast, "Match", None)


def _target_names(target):
    """The plain names an assignment target binds (``a``, ``a, (b, *c)``)."""
    pending = [target]
    while pending:
        node = pending.pop()
        kind = type(node)
        if kind is ast.Name:
            yield node.id
        elif kind is ast.Tuple or kind is ast.List:
            pending.extend(node.elts)
        elif kind is ast.Starred:
            pending.append(node.value)


class _ArgumentJudge:
    """Whether an argument a call passes is a message (``_message_of``), with the names
    of the function (or module) holding the call worked out from its statements only
    when an argument needs them."""

    __slots__ = ("node", "ctx", "latest", "assigned", "other")

    def __init__(self, node, ctx, latest=None):
        self.node = node
        self.ctx = ctx
        # a function walk's local name -> the value it last saw assigned (``local_nodes``):
        # a name passed whose latest value is no message, or that has none and is no module
        # constant (a parameter, a loop target), is no message, found without a walk
        self.latest = latest
        self.assigned = None
        self.other = None

    def bits(self, value):
        """The CallArguments bits of one argument: MESSAGE or OTHER, LOCAL, LOCAL_IF or
        REMOTE, and ZERO or NONZERO."""
        return (MESSAGE if self.message(value) else OTHER) | \
            (LOCAL if self.loopback(value) else
             LOCAL_IF if self.constant_ref(value) else REMOTE) | \
            (ZERO if self.zero(value) else NONZERO)

    def constant_ref(self, value):
        """The qualified name of the constant of another module that the argument is,
        unless the program is told otherwise: a name the module imports (``from .config
        import HOST``) and does not bind as a constant of its own, or a parameter of the
        function holding the call that it never rebinds, whose default is such a name
        (``def run(self, host=HOST):``); None otherwise."""
        if type(value) is not ast.Name:
            return None
        node = self.node
        if type(node) in (ast.FunctionDef, ast.AsyncFunctionDef):
            if self.assigned is None:
                self.assigned, self.other = _statement_bindings(node)
            name = value.id
            if self.other is None or name in self.other or name in self.assigned:
                return None
            default = _parameter_default(node.args, name)
            if default is not None:
                value = default
            elif _is_parameter(node, name):
                return None
        if type(value) is not ast.Name or value.id in self.ctx.constants:
            return None
        target = self.ctx.imports.get(value.id)
        return target if target and "." in target else None

    def zero(self, value):
        """The argument is the number 0: the literal, or a module constant holding it that
        the function holding the call does not bind."""
        kind = type(value)
        if kind is ast.Constant:
            return type(value.value) is int and value.value == 0
        if kind is not ast.Name:
            return False
        name = value.id
        node = self.node
        if type(node) in (ast.FunctionDef, ast.AsyncFunctionDef):
            if self.assigned is None:
                self.assigned, self.other = _statement_bindings(node)
            if self.other is None or name in self.other or name in self.assigned or \
                    _is_parameter(node, name):
                return False
        constant = self.ctx.constants.get(name)
        return type(constant) is int and constant == 0

    def loopback(self, value, depth=0):
        """The argument is this host's loopback address unless the program is told
        otherwise: a loopback string (``"127.0.0.1"``, ``"localhost"``, ``"::1"``, any
        address of 127.0.0.0/8), a module constant holding one that the function does not
        bind, a lookup with such a default (``config.get("host", "127.0.0.1")``,
        ``os.getenv("HOST", "localhost")``), a local name of the function holding the call
        that it assigns once, to one of these, and binds no other way (``host =
        "127.0.0.1"``), or a parameter of the function holding the
        call that it never rebinds, whose default is one of these or whose
        ``@click.option`` gives one as ``default=``."""
        kind = type(value)
        if kind is ast.Constant:
            return type(value.value) is str and is_loopback_host(value.value)
        if kind is ast.Attribute and type(value.value) is ast.Name and depth == 0:
            return self._option_loopback(value.value.id, value.attr)
        if kind is ast.Call:
            args = value.args
            func = value.func
            if len(args) == 2 and not value.keywords and (
                    (type(func) is ast.Attribute and func.attr == "get") or
                    self.ctx.qualify(dotted_name(func)) == "os.getenv"):
                return depth == 0 and self.loopback(args[1], 1)
            return False
        if kind is not ast.Name:
            return False
        name = value.id
        node = self.node
        function = type(node) in (ast.FunctionDef, ast.AsyncFunctionDef)
        if function:
            if self.assigned is None:
                self.assigned, self.other = _statement_bindings(node)
            if self.other is None or name in self.other:
                return False  # bound in the function otherwise: not followed here
            values = self.assigned.get(name)
            if values is not None:
                # a local name the function assigns once, and binds no other way, holds
                # that value wherever it is read (``host = "127.0.0.1"``, then the call)
                return depth == 0 and len(values) == 1 and \
                    not _is_parameter(node, name) and self.loopback(values[0], 1)
            default = _parameter_default(node.args, name)
            if default is not None:
                return depth == 0 and self.loopback(default, 1)
            if _is_parameter(node, name):
                return self._click_default(node, name)
        constant = self.ctx.constants.get(name)
        return type(constant) is str and is_loopback_host(constant)

    def _option_loopback(self, holder, attr):
        """``holder.attr`` is a command-line option loopback unless given: ``holder`` is a
        local name of the function holding the call that it assigns once, from a
        ``parse_args()`` call, and every ``add_argument()`` of the module storing into
        ``attr`` gives a loopback default (``parser.add_argument("--host",
        default="::1")``, then ``serve(options.host, ...)``)."""
        node = self.node
        if type(node) not in (ast.FunctionDef, ast.AsyncFunctionDef):
            return False
        defaults = self.ctx.options.get(attr)
        if not defaults or any(d is None or not self.loopback(d, 1) for d in defaults):
            return False
        if self.assigned is None:
            self.assigned, self.other = _statement_bindings(node)
        values = self.assigned.get(holder)
        if self.other is None or holder in self.other or values is None or len(values) != 1:
            return False
        value = values[0]
        return type(value) is ast.Call and type(value.func) is ast.Attribute and \
            value.func.attr == "parse_args"

    def _click_default(self, node, name):
        """The parameter ``name`` of ``node`` is filled by a ``@click.option(...)`` (or
        ``click.argument``) whose ``default=`` is a loopback string."""
        for decorator in node.decorator_list:
            if type(decorator) is not ast.Call or self.ctx.qualify(
                    dotted_name(decorator.func)) not in ("click.option", "click.argument"):
                continue
            declared = [a.value for a in decorator.args
                        if type(a) is ast.Constant and type(a.value) is str]
            plain = [d for d in declared if not d.startswith("-")]
            longest = max((d for d in declared if d.startswith("-")), key=len, default="")
            dest = plain[0] if plain else longest.lstrip("-").replace("-", "_").lower()
            if dest != name:
                continue
            for keyword in decorator.keywords:
                if keyword.arg == "default":
                    return self.loopback(keyword.value, 1)
            return False
        return False

    def message(self, value):
        kind = type(value)
        if kind is ast.Constant:
            text = value.value  # a literal command (``"quit\n"``) is a fixed request
            return type(text) in (str, bytes) and len(text) <= SMALL_MESSAGE
        if kind is ast.Name and self.latest is not None:
            seen = self.latest.get(value.id)
            if seen is None:
                if value.id not in self.ctx.constants:
                    return False
            elif type(seen) is not ast.Constant and not _message_shaped(seen):
                return False
        if not _message_shaped(value):
            return False
        ctx = self.ctx
        try:
            return _message_of(value, ctx, {}, _NAMES_NEEDED, 0)
        except _NeedsNames:
            pass
        if self.assigned is None:
            self.assigned, self.other = _statement_bindings(self.node)
        if self.other is None:
            return False
        return _message_of(value, ctx, self.assigned, self.other, 0)


# Callees whose arguments CallArguments does not record: builtins, the methods of str,
# bytes, list, dict and set that projects rarely define for themselves, and log calls.
_UNRECORDED_CALLEES = frozenset(dir(builtins)) | frozenset(
    name for kind in (str, bytes, list, dict, set) for name in dir(kind)
    if not name.startswith("_") and name not in ("count", "index", "copy", "update", "pop",
                                                 "get", "clear", "remove")) | frozenset({
        "debug", "info", "warning", "warn", "error", "exception", "critical", "log"})


def _note_calls(node, judge, callargs):
    """Record the arguments of the call ``node`` is (a statement's value, an ``if`` or
    ``while`` test), of the calls whose result it is called on (``Server(host,
    port).serve_forever()``), and of the calls passed straight to it as arguments; under a
    ``not``, ``and``/``or`` or a comparison, of the calls there."""
    kind = type(node)
    if kind is ast.Await:
        node = node.value
        kind = type(node)
    if kind is ast.UnaryOp:
        node = node.operand
        kind = type(node)
    if kind is ast.BoolOp:
        operands = node.values
    elif kind is ast.Compare:
        operands = [node.left] + node.comparators
    else:
        operands = (node,)
    for operand in operands:
        if type(operand) is ast.Await:
            operand = operand.value
        if type(operand) is not ast.Call:
            continue
        _note_call(operand, judge, callargs)
        receiver = operand.func
        while type(receiver) is ast.Attribute:
            receiver = receiver.value
            if type(receiver) is ast.Call:  # ``Server(host, port).serve_forever()``
                _note_call(receiver, judge, callargs)
                receiver = receiver.func
        for arg in operand.args:
            inner = arg.value if type(arg) is ast.Starred else arg
            if type(inner) is ast.Await:
                inner = inner.value
            if type(inner) is ast.Call:
                _note_call(inner, judge, callargs)
        for keyword in operand.keywords:
            inner = keyword.value
            if type(inner) is ast.Await:
                inner = inner.value
            if type(inner) is ast.Call:
                _note_call(inner, judge, callargs)


def _note_call(call, judge, callargs):
    if not call.args and not call.keywords:
        return
    func = call.func
    kind = type(func)
    if kind is ast.Attribute:
        name = func.attr
        owner = func.value
        if type(owner) is ast.Name and \
                judge.ctx.imports.get(owner.id, "").partition(".")[0] in _STANDARD_MODULES:
            return  # ``os.path.join(a)``, ``struct.pack(fmt, n)``: no project function
    elif kind is ast.Name:
        name = func.id
    else:
        return
    if name in _UNRECORDED_CALLEES or name.startswith("__") or len(name) > MAX_NAME:
        return
    if name == getattr(judge.node, "name", None):
        # in ``def send(self, data)``, ``self.socket.send(data.encode())`` hands the data on
        # to another object's method of the same name (or the function calls itself): it is
        # no caller of the function whose callers are asked about
        return
    for position, arg in enumerate(call.args):
        if type(arg) is ast.Starred:
            callargs.note(name, "*", OTHER)
            break
        if position >= MAX_CALL_POSITION:
            break
        _note_argument(name, str(position), arg, judge, callargs)
    for keyword in call.keywords:
        if keyword.arg is None:
            callargs.note(name, "*", OTHER)
        elif len(keyword.arg) < MAX_NAME:
            _note_argument(name, "=" + keyword.arg, keyword.value, judge, callargs)


def _note_argument(name, key, value, judge, callargs):
    bits = judge.bits(value)
    callargs.note(name, key, bits)
    if bits & LOCAL_IF:
        callargs.note_ref(name, key, judge.constant_ref(value))


def _parameter_default(args, name):
    """The default of the parameter ``name`` of a function with these ``ast.arguments``,
    or None."""
    positional = args.posonlyargs + args.args
    for param, default in zip(positional[len(positional) - len(args.defaults):],
                              args.defaults):
        if param.arg == name:
            return default
    for param, default in zip(args.kwonlyargs, args.kw_defaults):
        if param.arg == name:
            return default
    return None


def _is_parameter(func, name):
    args = func.args
    return any(param.arg == name for param in args.posonlyargs + args.args + args.kwonlyargs)


_NO_LOCALS = MappingProxyType({})
# The expressions _note_calls looks into (anything else holds no call it records).
_CALL_CARRIERS = frozenset({ast.Call, ast.Await, ast.UnaryOp, ast.BoolOp, ast.Compare})


# The standard library of the Python that runs lint-sockets (3.10 and later know it).
_RUNNING_STDLIB = frozenset(getattr(sys, "stdlib_module_names", ()))
# Standard-library modules whose functions are called often (``mod.f(...)`` after ``import
# mod``): such a call is never one of a project function, so it is not recorded.
_STANDARD_MODULES = frozenset({
    "asyncio", "base64", "binascii", "codecs", "collections", "copy", "datetime", "errno",
    "functools", "hashlib", "inspect", "io", "itertools", "json", "logging", "math",
    "operator", "os", "pickle", "queue", "random", "re", "select", "selectors", "shutil",
    "signal", "socket", "ssl", "string", "struct", "subprocess", "sys", "textwrap",
    "threading", "time", "traceback", "types", "typing", "unittest", "warnings", "weakref",
    "zlib"})


def _note_module_calls(stmt, tree, ctx):
    """The calls a module-level statement makes (scripts, ``if __name__ == "__main__":``
    blocks, module-level loops), with the module's own names."""
    judge = None
    pending = [stmt]
    seen = 0
    while pending and seen < MAX_STATEMENTS:
        node = pending.pop()
        seen += 1
        kind = type(node)
        if kind in _FUNCTIONS or kind is ast.ClassDef:
            continue
        value = None
        if kind is ast.Expr or kind is ast.Assign or kind is ast.AugAssign or \
                kind is ast.AnnAssign or kind is ast.Return:
            value = node.value
        elif kind is ast.If or kind is ast.While:
            value = node.test
        if value is not None:
            if judge is None:
                # module-level names: only module constants are told apart (a name bound
                # by anything else is taken for no message), without a walk of the module
                judge = _ArgumentJudge(tree, ctx, _NO_LOCALS)
            _note_calls(value, judge, ctx.callargs)
        for field in _STATEMENT_FIELDS[kind]:
            children = getattr(node, field)
            if children:
                pending.extend(children)


_STATEMENT_LISTS = ("body", "orelse", "finalbody", "handlers", "cases")


class _StatementFields(dict):
    """ast node type -> the fields of _STATEMENT_LISTS it has, in that order (most have
    none), found once per type."""

    def __missing__(self, kind):
        fields = self[kind] = tuple(field for field in _STATEMENT_LISTS
                                    if field in kind._fields)
        return fields


_STATEMENT_FIELDS = _StatementFields()


def _return_values(func):
    """The values of the ``return`` statements in ``func``, nested functions and classes
    included (as ``ast.walk`` would find them), found by visiting statements only."""
    values = []
    pending = [func]
    fields = _STATEMENT_FIELDS
    while pending:
        node = pending.pop()
        kind = type(node)
        if kind is ast.Return:
            value = node.value
            if value is not None and not (type(value) is ast.Constant and value.value is None):
                values.append(value)
            continue
        for field in fields[kind]:
            children = getattr(node, field)
            if children:
                pending.extend(children)
    values.reverse()
    return values


def _size_of(node, ctx, assigned, unknown, depth):
    if depth > MAX_DEPTH:
        return None
    kind = type(node)
    if kind is ast.Constant:
        return len(node.value) if type(node.value) is bytes else None
    if kind is ast.Name:
        name = node.id
        if name in assigned:
            # a value of unknown size settles it, whether or not the name is also bound
            # some other way; only when all are known is that asked (_NamesNeeded)
            bound = 0
            for value in assigned[name]:
                size = _size_of(value, ctx, assigned, unknown, depth + 1)
                if size is None:
                    return None
                bound = max(bound, size)
            return None if name in unknown else bound
        if name in unknown:
            return None
        constant = ctx.constants.get(name)
        return len(constant) if type(constant) is bytes else None
    if kind is ast.BinOp:
        if type(node.op) is ast.Add:
            # ``a + b + c`` nests to the left: flatten it without recursion, at most
            # MAX_FACTS pieces
            total = 0
            pieces = 0
            for piece in _added(node):
                pieces += 1
                size = None if pieces > MAX_FACTS else \
                    _size_of(piece, ctx, assigned, unknown, depth + 1)
                if size is None:
                    return None
                total += size
            return total
        if type(node.op) is ast.Mult:
            for piece, times in ((node.left, node.right), (node.right, node.left)):
                if type(times) is ast.Constant and type(times.value) is int \
                        and 0 <= times.value <= MAX_PAYLOAD:
                    size = _size_of(piece, ctx, assigned, unknown, depth + 1)
                    return None if size is None else size * times.value
        return None
    if kind is ast.Call and not node.keywords:
        func = node.func
        args = node.args
        if type(func) is ast.Attribute and func.attr == "encode" and (
                type(func.value) is ast.Constant and type(func.value.value) is str
                or type(func.value) is ast.Call and dotted_name(func.value.func) == "chr"):
            codec = args[0].value if len(args) == 1 and type(args[0]) is ast.Constant \
                else (None if not args else 0)
            if codec is None or type(codec) is str \
                    and codec.lower().replace("_", "-") in _TEXT_CODECS:
                text = func.value.value if type(func.value) is ast.Constant else "?"
                return 4 * len(text) + 4  # none writes more (UTF-32 with a BOM)
            return None
        if any(type(arg) is ast.Starred for arg in args):
            return None
        dotted = dotted_name(func)
        if dotted == "bytes" and len(args) == 1:
            arg = args[0]
            if type(arg) in (ast.List, ast.Tuple):
                return len(arg.elts)
            if type(arg) is ast.Constant and type(arg.value) is int and arg.value >= 0:
                return arg.value
            return None
        if ctx.qualify(dotted) == "struct.pack" and args and type(args[0]) is ast.Constant \
                and type(args[0].value) in (str, bytes):
            try:
                return struct.calcsize(args[0].value)
            except (struct.error, ValueError, OverflowError):
                return None
    return None


_PLAIN = FunctionSummary()  # a function with nothing to say, kept as a bare name; shared


# ---- summaries as the index keeps them ------------------------------------------------------

# The most modules whose decoded summary one ProjectIndex keeps at once; the others are kept
# packed (PackedSummary) and decoded again when asked.
DECODED = 512
# The longest JSON text a packed summary may unpack to (a summary of a MAX_MODULE file is a
# few hundred KiB at most); a longer one is malformed.
MAX_SUMMARY_TEXT = 64 << 20
# What a function returns that makes its name one the walk records (helper_names)
_HELPER_KINDS = frozenset({ValueKind.READ, ValueKind.FORWARD, ValueKind.METHOD_CALL,
                           ValueKind.CALL})


def summary_text(data) -> bytes:
    """The canonical JSON text of a summary's plain data (``to_json``): what its digest is
    taken of, and what a PackedSummary compresses."""
    return json.dumps(data, sort_keys=True, separators=(",", ":")).encode()


class PackedSummary:
    """One module's summary as a project holds it: ``blob``, its JSON text compressed (about
    a twentieth of the memory its decoded records take), and the little that questions about
    the whole project need of every module, so that none of them decodes every summary:

    - ``helpers``: the names of its functions and methods that return something the walk
      must record calls of (``ProjectIndex.helper_names``), one per line;
    - ``handovers``: its functions' hand-overs of a bound method to another function and
      their decorators (``ProjectIndex.retried_socket_calls``), as
      ``("pass", callee, position, bound method)`` and ``("decorated", decorator, function
      qname)``, in the order of the decoded summary; a name that cannot resolve to anything
      in its module is left out;
    - ``imported`` and ``starred``: the names its imports bind to and the modules it
      star-imports, as far as ``ProjectIndex.imports_socket_code`` looks (which the runner
      asks of every module the pre-filters settle), in the order of the decoded summary,
      one per line.

    ``unpack`` gives the ModuleSummary back (``from_json``, which validates it)."""

    __slots__ = ("blob", "helpers", "handovers", "imported", "starred", "platform_tests",
                 "is_package", "requires", "windows", "path")
    blob: bytes
    helpers: str
    handovers: Tuple[Tuple[str, str, Optional[int], str], ...]
    imported: str
    starred: str
    platform_tests: str
    is_package: bool
    requires: Tuple[str, ...]
    windows: bool

    def __init__(self, blob: bytes, helpers: str, handovers, imported: str = "",
                 starred: str = "", platform_tests: str = "", is_package: bool = False,
                 requires=(), windows: bool = False, path: bool = False):
        self.blob = blob
        self.helpers = helpers
        self.handovers = tuple(handovers)
        self.imported = imported
        self.starred = starred
        self.platform_tests = platform_tests
        self.is_package = is_package
        self.requires = tuple(requires)
        self.windows = windows
        self.path = path

    @classmethod
    def of(cls, summary: ModuleSummary, text: Optional[bytes] = None,
           blob: Optional[bytes] = None) -> PackedSummary:
        """``summary`` (as ``from_json`` gave it, so its records are in the order every
        process decodes them in) packed: its ``summary_text`` ``text`` compressed, or
        ``blob`` when it is already."""
        imported, starred = _imported(summary)
        return cls(blob if blob is not None else zlib.compress(text),
                   "\n".join(sorted(_helper_names(summary))), _handovers(summary),
                   "\n".join(imported), "\n".join(starred),
                   "\n".join(sorted(_platform_test_names(summary))), summary.is_package,
                   summary.requires, summary.windows, summary.path)

    @classmethod
    def load(cls, blob) -> PackedSummary:
        """A packed summary from untrusted bytes (a cache file), unpacked and validated
        once; ``ValueError`` when malformed."""
        if type(blob) is not bytes:
            _fail("packed summary")
        return cls.of(_unpack(blob), blob=blob)

    def unpack(self) -> ModuleSummary:
        return _unpack(self.blob)

    def imports(self) -> Tuple[List[str], List[str]]:
        """``_imported`` of the summary: (``imported``, ``starred``) as lists."""
        return (self.imported.split("\n") if self.imported else [],
                self.starred.split("\n") if self.starred else [])

    def __getstate__(self):
        return (self.blob, self.helpers, self.handovers, self.imported, self.starred,
                self.platform_tests, self.is_package, self.requires, self.windows, self.path)

    def __setstate__(self, state):
        (self.blob, self.helpers, self.handovers, self.imported, self.starred,
         self.platform_tests, self.is_package, self.requires, self.windows, self.path) = state


def _unpack(blob):
    try:
        inflate = zlib.decompressobj()
        text = inflate.decompress(blob, MAX_SUMMARY_TEXT)
        if inflate.unconsumed_tail or not inflate.eof:
            _fail("packed summary")
        data = json.loads(text)
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        _fail("packed summary")
    return ModuleSummary.from_json(data)


def _functions_in_order(summary):
    """(qname, name, FunctionSummary) of a module's functions, then of its classes'
    methods, in the order of its decoded records, those with nothing to say left out."""
    module = summary.module
    for name, function in summary.functions.items():
        if function is not _PLAIN:
            yield f"{module}.{name}", name, function
    for cls_name, cls in summary.classes.items():
        for name, function in cls.methods.items():
            if function is not _PLAIN:
                yield f"{module}.{cls_name}.{name}", name, function


def _helper_names(summary):
    return {name for _, name, function in _functions_in_order(summary)
            if any(v.kind in _HELPER_KINDS for v in function.returns)}


def _platform_test_names(summary):
    return {name for _, name, function in _functions_in_order(summary)
            if function.platforms is not None}


def _may_resolve(summary, dotted):
    """``ProjectIndex.resolve(summary.module, dotted)`` may be other than None."""
    head = dotted.partition(".")[0]
    return bool(dotted) and (summary.defines(head) or head in summary.imports
                             or bool(summary.stars) or summary.is_package)


def _imported(summary):
    """(the import targets, the star-imported modules) of a summary that
    ``ProjectIndex.imports_socket_code`` looks at (names are never empty)."""
    return list(summary.imports.values())[:MAX_EDGES * 4], summary.stars[:MAX_EDGES]


def _handovers(summary):
    found = []
    for qname, _, function in _functions_in_order(summary):
        for callee, position, bound in function.passes:
            if _may_resolve(summary, callee):
                found.append(("pass", callee, position, bound))
        for dotted in function.decorators:
            if _may_resolve(summary, dotted):
                found.append(("decorated", dotted, None, qname))
    return found


class _Summaries:
    """Module name -> ModuleSummary, for a ProjectIndex given ModuleSummary or PackedSummary
    values: a packed one is decoded when asked for, and at most DECODED decoded summaries
    are kept (the least recently used goes), so the memory the index takes grows with the
    number of modules only by their packed size."""

    def __init__(self, summaries):
        self.held = dict(summaries)  # name -> ModuleSummary or PackedSummary
        self._decoded = OrderedDict()

    def __contains__(self, name):
        return name in self.held

    def __iter__(self):
        return iter(self.held)

    def __len__(self):
        return len(self.held)

    def get(self, name, default=None):
        item = self.held.get(name)
        if type(item) is not PackedSummary:
            return default if item is None else item
        decoded = self._decoded.get(name)
        if decoded is None:
            decoded = self._decoded[name] = item.unpack()
            if len(self._decoded) > DECODED:
                self._decoded.popitem(last=False)
        else:
            self._decoded.move_to_end(name)
        return decoded

    def __getitem__(self, name):
        found = self.get(name)
        if found is None:
            raise KeyError(name)
        return found

    def keys(self):
        return self.held.keys()

    def values(self):
        return (self[name] for name in self.held)

    def items(self):
        return ((name, self[name]) for name in self.held)

    def __getstate__(self):
        return self.held

    def __setstate__(self, state):
        self.held = state
        self._decoded = OrderedDict()


# ---- the index ----------------------------------------------------------------------------

class _Located:
    """A function found in the index: where it lives, for resolving its names."""

    __slots__ = ("module", "cls", "qname", "summary")

    def __init__(self, module, cls, qname, summary):
        self.module = module
        self.cls = cls  # qualified class name for methods
        self.qname = qname
        self.summary = summary


# Directories of code that exercises a project rather than uses it: tests (as
# paths.is_test_code reads them), examples, demos and documentation.
_EXERCISE_DIRECTORIES = frozenset({"test", "tests", "testing", "example", "examples", "demo",
                                   "demos", "doc", "docs", "sample", "samples"})


def _exercise_module(module):
    """The module (a dotted name) is test code (``test_x``, ``x_test``, ``conftest``, or in
    a ``test``/``tests``/``testing`` package) or an example, demo or documentation module
    (in such a package, or so named, also as a word of its name: ``echo_example``,
    ``run_demo``, ``contributor_sample_script``)."""
    parts = module.split(".")
    last = parts[-1]
    return last == "conftest" or last.startswith("test_") or last.endswith("_test") or \
        any(part in _EXERCISE_DIRECTORIES for part in parts) or \
        any(word in _EXERCISE_WORDS for word in last.lower().split("_"))


# Words that make a module's name say it is an example or a demo.
_EXERCISE_WORDS = frozenset({"example", "examples", "demo", "demos", "sample", "samples"})


def _hands_out_socket_code(value):
    """A function's return is a socket, or an unchecked socket read or accept."""
    if value.kind is ValueKind.SOCKET:
        return True
    return value.kind in (ValueKind.READ, ValueKind.FORWARD) and \
        value.method in _SOCKET_HANDOUT_METHODS


class ProjectIndex:
    """The summaries of a project's modules, and the questions the analysis asks of them.

    Every query is bounded (see the module docstring) and memoised; none reads a file.
    The summaries (ModuleSummary, or PackedSummary: decoded when asked for, at most DECODED
    at once) are copied at construction and must not change afterwards."""

    def __init__(self, root: str,
                 summaries: Dict[str, Union[ModuleSummary, PackedSummary]]):
        self.root = root
        self.summaries = _Summaries(summaries)
        self._helper_names = None
        self._platform_test_names = None
        self._returns = {}
        self._sets = {}
        self._bases = {}
        self._mros = {}
        self._resolved = {}
        self._prefixes = None
        self._clears = {}
        self._carrying = {}
        self._windows = None
        self._unimportable = None

    # -- names
    def module_of(self, qname):
        """(module, rest) for the longest project module prefixing ``qname``."""
        parts = qname.split(".")
        for cut in range(len(parts), 0, -1):
            module = ".".join(parts[:cut])
            if module in self.summaries:
                return module, ".".join(parts[cut:])
        return None, qname

    def resolve(self, module: str, dotted: str, _hops: int = 0) -> Optional[str]:
        """The qualified name ``dotted`` means in ``module``, or None if unknown there.

        External names come back as imported (``socket.socket``); project names come back
        where they are defined (re-exports followed, at most MAX_HOPS steps)."""
        if _hops == 0:
            key = (module, dotted)
            if key not in self._resolved:
                self._resolved[key] = self.resolve(module, dotted, 1)
            return self._resolved[key]
        summary = self.summaries.get(module)
        if summary is None or not dotted or _hops > MAX_HOPS:
            return None
        head, dot, rest = dotted.partition(".")
        if summary.defines(head):
            return f"{module}.{dotted}"
        target = summary.imports.get(head)
        if target is not None:
            return self.canonical(self._nearby(module, summary, target) + dot + rest,
                                  _hops + 1)
        for star in summary.stars:
            star = self._nearby(module, summary, star)
            if not self._star_exports(star, head):
                continue
            found = self.resolve(star, dotted, _hops + 1)
            if found is not None:
                return found
        if summary.is_package:
            submodule = f"{module}.{head}"
            if submodule in self.summaries:
                return self.canonical(submodule + dot + rest, _hops + 1)
        return None

    def _nearby(self, module, summary, target):
        """Where the absolute import of ``target`` in ``module`` finds it: ``target`` itself
        when it names a module of the project from its root or no module of the project at
        all; else, when a package holding ``module`` (the nearest first) holds a module or
        package named by ``target``'s first part, that one (``from common.settings import
        *`` in ``server/core/main.py``, beside ``server/common/settings.py``). That is where
        the import finds it when the program is run as a script from that directory (the
        script's directory comes first on ``sys.path``), and where Python 2's implicit
        relative import finds it. A name of the standard library is never looked for
        there."""
        head = target.partition(".")[0]
        names = self._module_prefixes()
        if not head or head in STDLIB_MODULES or head in names:
            return target
        parts = module.split(".")
        if not summary.is_package:
            parts = parts[:-1]
        for cut in range(len(parts), 0, -1):
            package = ".".join(parts[:cut])
            if f"{package}.{head}" in names:
                return f"{package}.{target}"
        return target

    def _module_prefixes(self):
        """Every module name of the project and every dotted prefix of one (the
        packages, namespace packages included)."""
        if self._prefixes is None:
            found = set()
            for name in self.summaries:
                parts = name.split(".")
                found.update(".".join(parts[:cut]) for cut in range(1, len(parts) + 1))
            self._prefixes = frozenset(found)
        return self._prefixes

    def _star_exports(self, module, name):
        """``from module import *`` binds ``name``: listed in its ``__all__`` when it has
        one (as a literal), else any name not starting with an underscore."""
        summary = self.summaries.get(module)
        exported = summary.constants.get("__all__") if summary is not None else None
        if isinstance(exported, tuple):
            return name in exported
        return not name.startswith("_")

    def canonical(self, qname: str, _hops: int = 0) -> Optional[str]:
        """A qualified name with project re-exports followed to the definition."""
        module, rest = self.module_of(qname)
        if module is None or not rest:
            return qname
        if _hops > MAX_HOPS:
            return None
        found = self.resolve(module, rest, _hops + 1)
        return found if found is not None else qname

    # -- definitions
    def class_of(self, qname: str) -> Optional[ClassSummary]:
        """The ClassSummary of a project class, or None."""
        located = self._class(qname)
        return located[1] if located else None

    def _class(self, qname):
        if not qname:
            return None
        qname = self.canonical(qname)
        if qname is None:
            return None
        module, rest = self.module_of(qname)
        if module is None or not rest or "." in rest:
            return None
        cls = self.summaries[module].classes.get(rest)
        return (module, cls) if cls is not None else None

    def function_of(self, qname: str) -> Optional[FunctionSummary]:
        """The FunctionSummary of a project function or method (``pkg.mod.Cls.meth``;
        methods are looked up on project base classes too), or None."""
        located = self._function(qname)
        return located.summary if located else None

    def _function(self, qname):
        if not qname:
            return None
        qname = self.canonical(qname)
        if qname is None:
            return None
        module, rest = self.module_of(qname)
        if module is None or not rest:
            return None
        summary = self.summaries[module]
        if "." not in rest:
            function = summary.functions.get(rest)
            return _Located(module, None, qname, function) if function else None
        cls_name, _, method = rest.rpartition(".")
        if "." in cls_name:
            return None
        return self._method(f"{module}.{cls_name}", method)

    def _method(self, class_qname, name, after=None):
        """The method ``name`` of an object of the class, found on it or its ancestors;
        with ``after`` (a class of the order), on the classes after that one only: what
        ``super().<name>()`` in a method of ``after`` calls."""
        order = self._mro(class_qname)
        if after is not None:
            order = order[order.index(after) + 1:] if after in order else ()
        for ancestor in order:
            located = self._class(ancestor)
            if located is None:
                continue
            module, cls = located
            if cls.opaque:
                return None  # its methods are not known: neither are the ones it overrides
            method = cls.methods.get(name)
            if method is not None:
                return _Located(module, ancestor, f"{ancestor}.{name}", method)
        return None

    def _mro(self, class_qname):
        """The class, then its project and external ancestors, breadth first, once each."""
        start = self.canonical(class_qname) or class_qname
        cached = self._mros.get(start)
        if cached is not None:
            return cached
        order = [start]
        seen = {start}
        i = 0
        while i < len(order) and len(order) <= MAX_ANCESTORS:
            located = self._class(order[i])
            i += 1
            if located is None:
                continue
            module, cls = located
            for base in cls.bases:
                qualified = self.resolve(module, base) or base
                if qualified not in seen and len(order) <= MAX_ANCESTORS:
                    seen.add(qualified)
                    order.append(qualified)
        self._mros[start] = order = tuple(order)
        return order

    def bases(self, qname: str) -> Set[str]:
        """Every ancestor of a class (project and external qualified names), itself left
        out; at most MAX_ANCESTORS. Cycles in inheritance end at the first repeat."""
        key = self.canonical(qname) or qname
        cached = self._bases.get(key)
        if cached is None:
            cached = frozenset(self._mro(key)[1:])
            self._bases[key] = cached
        return set(cached)

    def is_socket_class(self, qname: str) -> bool:
        """The class is, or subclasses, socket.socket / ssl.SSLSocket."""
        return qname in _SOCKET_CLASSES or bool(self.bases(qname) & _SOCKET_CLASSES)

    # -- which modules use socket code defined elsewhere
    def imports_socket_code(self, module: str) -> bool:
        """``module`` imports by name (``from pkg.wire import read_some``, or a star import
        of such a module) a project function or class that hands out socket code (see
        ``carries_socket_code``): its own text may show no socket call, yet its loops may
        read a socket through that helper or factory, so the pre-filters must not drop it.
        A plain module import (``from pkg import wire``) does not count: most modules
        import some module that defines socket code, and few of them use it."""
        item = self.summaries.held.get(module)
        if item is None:
            return False
        # a packed summary says what it imports without being decoded
        targets, stars = item.imports() if type(item) is PackedSummary else _imported(item)
        if any(self.canonical(target) not in self.summaries
               and self.carries_socket_code(target) for target in targets):
            return True
        return any(self.carries_socket_code(star) for star in stars)

    def windows_only(self, module: str) -> bool:
        """``module`` can be imported on Windows alone: its own top-level code imports a
        module only Windows has, or uses a part of ctypes only Windows has
        (``ModuleSummary.windows``), or it imports, at its top level, outside any ``try`` or
        test, a project module that is Windows-only in this sense (``from .win import
        Process`` where ``win.py`` does ``from ctypes import windll``), or its package is;
        followed at most MAX_HOPS imports deep. Absolute imports are looked for as
        ``resolve`` does (``_nearby``)."""
        if self._windows is None:
            self._windows = self._windows_only_modules()
        return module in self._windows

    def unimportable(self, module: str) -> bool:
        """``module`` cannot be imported from the project as it ships: its own top-level
        code imports, outside any ``try`` or test, a module by a path whose first part is
        the author's own tree and no part of the project (``from server_part.server_packages
        .common.utils import send`` where the project ships ``server_packages/common/utils
        .py`` but nothing named ``server_part``: ``_leaked_path``), and does not change
        ``sys.path`` (which makes its search path its own); or it imports, so, a project
        module that cannot be imported; followed at most MAX_HOPS imports deep."""
        if self._unimportable is None:
            self._unimportable = self._unimportable_modules()
        return module in self._unimportable

    def _unimportable_modules(self):
        held = self.summaries.held
        found = {name for name, item in held.items() if not item.path and
                 any(self._leaked_path(required) for required in item.requires)}
        return self._with_importers(found, packages=False)

    def _leaked_path(self, required):
        """``required`` (a module a top-level import names) is a path into the author's own
        tree: its first part names no module, package or directory of the project, of the
        standard library, or on the way to the project's root (``myproj`` for a project
        kept in ``myproj/``, which its parent directory on ``sys.path`` would make a
        namespace package), while the rest, two parts or more, is a module the project
        ships (``server_part.server_packages.common.utils`` beside
        ``server_packages/common/utils.py``). No installation has that first part."""
        head, _, rest = required.partition(".")
        if not rest or "." not in rest or rest not in self.summaries.held or \
                head in STDLIB_MODULES or head in _RUNNING_STDLIB:
            return False
        parts = self.__dict__.get("_module_parts")
        if parts is None:
            parts = self.__dict__["_module_parts"] = frozenset(
                part for name in self.summaries.held for part in name.split("."))
        if head in parts:
            return False
        path = os.path.abspath(self.root)
        while True:
            if os.path.basename(path) == head:
                return False
            parent = os.path.dirname(path)
            if parent == path:
                return True
            path = parent

    def _windows_only_modules(self):
        held = self.summaries.held
        return self._with_importers({name for name, item in held.items() if item.windows},
                                    packages=True)

    def _with_importers(self, found, packages):
        """``found`` (project modules) and the modules whose import imports one of them
        first, MAX_HOPS imports deep: through their top-level imports outside any ``try``
        or test (``ModuleSummary.requires``, found as ``_nearby`` does), and, with
        ``packages``, through the packages that hold them (``import a.b`` runs ``a``)."""
        if not found:
            return frozenset()
        held = self.summaries.held
        importers = {}  # module -> the modules whose import imports it first
        for name, item in held.items():
            targets = list(item.requires)
            if packages:
                parts = name.split(".")
                targets += [".".join(parts[:cut]) for cut in range(1, len(parts))]
            for target in targets:
                target = self._nearby(name, item, target)
                if target != name and target in held:
                    importers.setdefault(target, []).append(name)
        found = set(found)
        layer = set(found)
        for _ in range(MAX_HOPS):
            layer = {user for module in layer for user in importers.get(module, ())
                     if user not in found}
            if not layer:
                break
            found |= layer
        return frozenset(found)

    def carries_socket_code(self, qname: str) -> bool:
        """A project function returning a socket, or the unchecked result of a socket read
        or accept (recv*, accept: followed as ``returns`` does); a project class that is a
        socket or has such a method; a project module defining either. External names are
        not: the pre-filters already see them in the importing module's own text."""
        memo = self._carrying
        found = memo.get(qname)
        if found is None:
            memo[qname] = False  # a cycle of re-exports ends here
            found = memo[qname] = self._carries(qname)
        return found

    def _carries(self, qname):
        canonical = self.canonical(qname)
        if canonical is None:
            return False
        if canonical in self.summaries:  # a module: any of its definitions
            summary = self.summaries[canonical]
            names = list(summary.functions) + list(summary.classes)
            return any(self.carries_socket_code(f"{canonical}.{name}")
                       for name in names[:MAX_ENTRIES])
        cls = self.class_of(canonical)
        if cls is not None:
            if self.is_socket_class(canonical):
                return True
            return any(_hands_out_socket_code(self.returns(f"{canonical}.{name}"))
                       for name in list(cls.methods)[:MAX_ENTRIES])
        return _hands_out_socket_code(self.returns(canonical))

    # -- what functions return
    def returns(self, qname: str, _depth: int = 0) -> Value:
        """What a project function or method returns, as one Value: SOCKET (with type and
        ssl when visible), INSTANCE (a class, project or external), READ / FORWARD (an
        unchecked read, or another socket call, of an attribute ``name`` of self or a
        parameter ``param``), PARAM, ATTR (an attribute of self), or UNKNOWN. Factories are
        followed through other functions up to MAX_DEPTH."""
        located = self._function(qname)
        if located is None:
            return UNKNOWN
        return self._returns_of(located, _depth)

    def _returns_of(self, located, depth):
        # Memoised per (function, depth): every step into another summary adds one to the
        # depth, so a cycle cannot re-enter an entry being computed, ends at MAX_DEPTH, and
        # answers never depend on the order of the queries.
        if depth > MAX_DEPTH:
            return UNKNOWN
        key = (located.qname, depth)
        result = self._returns.get(key)
        if result is None:
            values = [self._resolve_value(v, located.module, located.cls, depth + 1)
                      for v in located.summary.returns]
            result = self._returns[key] = _merge(values)
        return result

    def _resolve_value(self, value, module, cls, depth):
        if value.kind is ValueKind.CALL:
            qname = self.resolve(module, value.name)
            if qname is None:
                return UNKNOWN
            return self._called(qname, depth)
        if value.kind is ValueKind.METHOD_CALL:
            if cls is None:
                return UNKNOWN
            located = self._called_method(cls, value.name, depth)
            if located is None or depth > MAX_DEPTH:
                return UNKNOWN
            return self._returns_of(located, depth)
        if value.kind is ValueKind.INSTANCE and value.name:
            qname = self.resolve(module, value.name) or value.name
            return self._instance(qname)
        return value

    def _called(self, qname, depth):
        if qname in _SOCKET_CLASSES:
            return Value(ValueKind.SOCKET, socket=SocketType.UNKNOWN,
                         ssl=qname == "ssl.SSLSocket")
        if qname in NOT_SOCKET_CONNECTIONS:
            # an object of a library's class with socket-like methods that is no socket
            # (pyOpenSSL's ``SSL.Connection``)
            return Value(ValueKind.INSTANCE, name=qname)
        if self._class(qname) is not None:
            return self._instance(qname)
        located = self._function(qname)
        if located is None or depth > MAX_DEPTH:
            return UNKNOWN
        return self._returns_of(located, depth)

    def _instance(self, qname):
        qname = self.canonical(qname) or qname
        if qname in _SOCKET_CLASSES or (self._class(qname) and self.is_socket_class(qname)):
            return Value(ValueKind.SOCKET, name=qname if qname not in _SOCKET_CLASSES else None,
                         socket=SocketType.UNKNOWN, ssl="ssl.SSLSocket" in
                         ({qname} | self.bases(qname)))
        return Value(ValueKind.INSTANCE, name=qname)

    def property_returns(self, class_qname: str, attr: str) -> Optional[Value]:
        """What the property ``attr`` of a class returns (found on bases too), or None when
        ``attr`` is no property there. ``ATTR`` means it returns another attribute of self
        (``return self._sock``): ask ``attribute_kind`` about that one."""
        located = self._method(class_qname, attr)
        if located is None or not located.summary.prop:
            return None
        return self._returns_of(located, 0)

    def attribute_kind(self, class_qname: str, attr: str) -> Value:
        """What ``self.<attr>`` holds in instances of a class, following inheritance:
        an annotation decides (INSTANCE of its class, or SOCKET for socket classes; unions
        give one value only when all members agree); otherwise the values assigned to it in
        the class's methods (SOCKET, INSTANCE, PARAM of a method, ...), merged. UNKNOWN
        when nothing is known."""
        return self._attribute_kind(class_qname, attr, 1)

    def _attribute_kind(self, class_qname, attr, depth):
        if depth > MAX_DEPTH:
            return UNKNOWN
        for ancestor in self._mro(class_qname):
            located = self._class(ancestor)
            if located is None:
                continue
            module, cls = located
            if cls.opaque:
                return UNKNOWN
            names = cls.annotations.get(attr)
            values = cls.assigned.get(attr)
            if names:
                annotated = _merge([self._instance(self.resolve(module, n) or n)
                                    for n in names])
                if annotated.kind is ValueKind.SOCKET and \
                        annotated.socket is SocketType.UNKNOWN and values:
                    # ``socket.socket`` says a socket, not which kind: the values the class
                    # assigns say that (all made by ``SOCK_RAW``/``SOCK_DGRAM`` factories)
                    assigned = _merge([self._resolve_value(v, module, ancestor, depth)
                                       for v in values])
                    if assigned.kind is ValueKind.SOCKET and \
                            assigned.socket is not SocketType.UNKNOWN:
                        return Value(ValueKind.SOCKET, socket=assigned.socket,
                                     ssl=annotated.ssl or assigned.ssl)
                return annotated
            if values:
                return _merge([self._resolve_value(v, module, ancestor, depth)
                               for v in values])
        return UNKNOWN

    def class_default(self, class_qname: str, attr: str) -> object:
        """The value the class body gives ``attr`` (``host: str = "127.0.0.1"`` in a
        dataclass or a plain class), found on project bases too, when nothing in the
        project's classes of that line may set it otherwise: no class on the way defines
        ``__init__`` (whose assignments of values the index does not know are not
        recorded) or assigns ``self.<attr>`` in a method; ``NOT_FOUND`` otherwise, and for
        a class out of the project or one summarised only by name (``opaque``)."""
        for ancestor in self._mro(class_qname):
            located = self._class(ancestor)
            if located is None:
                continue  # a base out of the project (``BaseModel``): its fields are data
            module, cls = located
            if cls.opaque or "__init__" in cls.methods or attr in cls.assigned:
                return NOT_FOUND
            owner, rest = self.module_of(self.canonical(ancestor) or ancestor)
            value = self.summaries[owner].constants.get(f"{rest}.{attr}", NOT_FOUND) \
                if owner is not None else NOT_FOUND
            if value is not NOT_FOUND:
                return value
        return NOT_FOUND

    def _called_method(self, class_qname, name, depth=1):
        """The method a METHOD_CALL value of a method of the class calls: ``self.<name>()``,
        or, for ``"<attr>.<method>"``, the method of the project class whose instance
        ``self.<attr>`` holds (``self._config.make_socket()``, the attribute's class known
        from its annotation or assignments); None when not a project method."""
        attr, dot, method = name.partition(".")
        if not dot:
            return self._method(class_qname, name)
        held = self._attribute_kind(class_qname, attr, depth + 1)
        if held.kind is not ValueKind.INSTANCE or not held.name or "." in method:
            return None
        return self._method(held.name, method)

    def returns_new_socket(self, func_qname: str) -> bool:
        """Every ``return`` of a project function or method gives a socket it makes there
        (``socket.socket()``, ``create_connection()``, ``accept()[0]``, a wrapped one), or
        the result of a project factory that does, ``MAX_DEPTH`` calls deep: each call hands
        out a new socket. False when some ``return`` gives anything else (an attribute, a
        cached socket, an unknown value)."""
        return self._returns_new(self._function(func_qname), 0)

    def _returns_new(self, located, depth):
        if located is None or depth > MAX_DEPTH or not located.summary.returns or \
                located.summary.other_returns:
            return False
        for value in located.summary.returns:
            if value.kind is ValueKind.SOCKET:
                continue
            if value.kind is ValueKind.CALL:
                qname = self.resolve(located.module, value.name)
                if qname is not None and self._returns_new(self._function(qname), depth + 1):
                    continue
            elif value.kind is ValueKind.METHOD_CALL and located.cls is not None:
                if self._returns_new(self._called_method(located.cls, value.name), depth + 1):
                    continue
            return False
        return True

    def attribute_method(self, class_qname: str, attr: str, method: str) -> Optional[str]:
        """The qualified name of the method ``self.<attr>.<method>()`` calls in a method of
        the class, when ``self.<attr>`` holds an instance of a project class that has it
        (found on its bases too); None otherwise."""
        located = self._called_method(class_qname, f"{attr}.{method}")
        return located.qname if located is not None else None

    # -- methods of wrapper classes
    def sends_everything(self, class_qname: str, method: str) -> bool:
        """A ``send``/``sendall``/``write`` method (found on bases too) writes every byte:
        it loops on a send of a wrapped socket using the count, or calls its sendall."""
        located = self._method(class_qname, method)
        return bool(located and located.summary.sends_all)

    def reads_on_eof(self, qname: str) -> Optional[EofAction]:
        """EofAction of a read helper (it raises / returns when a read gives b""), or None."""
        located = self._function(qname)
        return located.summary.eof if located else None

    # -- settings
    def sets_on(self, func_qname: str, _depth: int = 0) -> Dict[str, FrozenSet[Setting]]:
        """{target: frozenset[Setting]} a function sets: targets are parameter names,
        ``self.<attr>`` and ``<return>`` (the socket it returns). Settings made by project
        helpers it passes the target to are included, MAX_DEPTH calls deep."""
        located = self._function(func_qname)
        if located is None:
            return {}
        return {t: frozenset(s) for t, s in self._sets_of(located, _depth).items()}

    def _sets_of(self, located, depth):
        # Memoised per (function, depth), like ``_returns_of``.
        key = (located.qname, depth)
        if key in self._sets:
            return self._sets[key]
        result = {t: set(s) for t, s in located.summary.sets.items()}
        self._sets[key] = result
        if depth < MAX_DEPTH:
            for edge in located.summary.calls:
                callee, bound = self._callee(edge.callee, located)
                if callee is None:
                    continue
                callee_sets = self._sets_of(callee, depth + 1)
                if not callee_sets:
                    continue
                params = callee.summary.params
                offset = 1 if bound else 0
                for where, target in edge.args:
                    if type(where) is int:
                        index = where + offset
                        name = params[index] if index < len(params) else None
                    else:
                        name = where
                    if name and name in callee_sets:
                        result.setdefault(target, set()).update(callee_sets[name])
                if bound and callee.cls is not None:
                    for target, settings in callee_sets.items():
                        if target.startswith(SELF):
                            result.setdefault(target, set()).update(settings)
        return result

    def attribute_settings(self, class_qname: str, attr: str,
                           skip: Optional[str] = None) -> FrozenSet[Setting]:
        """Everything any method of a class (or of its project bases) sets on
        ``self.<attr>``, directly or through helpers, plus what the factory it is assigned
        from sets on the socket it returns (``self.sock = make_socket()``). ``skip``: the
        name of one method of the class whose own settings are left out (a rule that looks
        at that method's calls in order)."""
        found = set()
        target = SELF + attr
        for ancestor in self._mro(class_qname):
            located = self._class(ancestor)
            if located is None:
                continue
            module, cls = located
            if cls.opaque:
                break
            for name in cls.methods:
                if ancestor == class_qname and name == skip:
                    continue
                method = self._method(ancestor, name)
                if method is not None and method.cls == ancestor:
                    found |= self._sets_of(method, 0).get(target, set())
            for value in cls.assigned.get(attr, ()):
                if value.kind is ValueKind.CALL:
                    qname = self.resolve(module, value.name)
                    factory = self._function(qname) if qname else None
                    if factory is not None:
                        found |= self._sets_of(factory, 1).get(RETURNED, set())
                elif value.kind is ValueKind.METHOD_CALL:
                    factory = self._called_method(ancestor, value.name)
                    if factory is not None:
                        found |= self._sets_of(factory, 1).get(RETURNED, set())
        return frozenset(found)

    def _callee(self, callee, located):
        """(_Located, bound method) for a call edge's callee."""
        if callee.startswith(SELF):
            if located.cls is None:
                return None, False
            return self._method(located.cls, callee[len(SELF):]), True
        qname = self.resolve(located.module, callee)
        if qname is None:
            return None, False
        if self._class(qname) is not None:
            return self._method(qname, "__init__"), True
        return self._function(qname), False

    # -- flags
    def method_clears(self, class_qname: str, method: str) -> Dict[str, bool]:
        """{attr: truth}: the attributes of the instance that a call of ``method`` on an
        object of the class (found on its bases too) sets to a literal on every path that
        returns, through the methods it calls on the instance (``self.close()`` looked up
        on the class again, ``super().stop()`` on the classes after the one that calls it),
        MAX_DEPTH calls deep. A stop() that says ``self.running = False`` ends a
        ``while self.running:`` loop that calls it."""
        key = (class_qname, method)
        cached = self._clears.get(key)
        if cached is None:
            cached = self._clears[key] = self._clears_of(
                class_qname, self._method(class_qname, method), 0)
        return dict(cached)

    def _clears_of(self, class_qname, located, depth):
        if located is None:
            return {}
        parts = [located.summary.clears]
        for callee in located.summary.clear_calls if depth < MAX_DEPTH else ():
            how, _, name = callee.partition(".")
            if how == "self":
                callee = self._method(class_qname, name)
            else:
                callee = self._method(class_qname, name, after=located.cls)
            parts.append(self._clears_of(class_qname, callee, depth + 1))
        found, mixed = {}, set()
        for part in parts:  # in no order: an attribute set both ways is left out
            for attr, truth in part.items():
                if found.setdefault(attr, truth) is not truth:
                    mixed.add(attr)
        for attr in mixed:
            del found[attr]
        return found

    # -- retries
    def payload_size(self, func_qname: str) -> Optional[int]:
        """An upper bound on the length of the bytes a project function or method returns,
        when its own code fixes it (``FunctionSummary.size``), else None. Not followed into
        functions it calls."""
        summary = self.function_of(func_qname)
        return summary.size if summary is not None else None

    def retry_helper(self, func_qname: str) -> Optional[Tuple[FrozenSet[str], Optional[int]]]:
        """(errnos, index of the parameter it calls) when a function loops retrying a call
        of one of its parameters on EINTR/EAGAIN (``until_concludes(f, *args)``), or when it
        is a decorator wrapping its parameter in such a loop; else None."""
        located = self._function(func_qname)
        if located is None or located.summary.retry is None:
            return None
        retry = located.summary.retry
        return retry.errnos, retry.param

    def is_retry_decorator(self, func_qname: str) -> bool:
        located = self._function(func_qname)
        return bool(located and located.summary.retry and located.summary.retry.decorator)

    def retry_decorators(self, func_qname: str) -> List[Tuple[str, FrozenSet[str]]]:
        """The decorators of a function that retry it: [(decorator qname, errnos)]."""
        located = self._function(func_qname)
        if located is None:
            return []
        found = []
        for dotted in located.summary.decorators:
            qname = self.resolve(located.module, dotted)
            decorator = self._function(qname) if qname else None
            if decorator and decorator.summary.retry and decorator.summary.retry.decorator:
                found.append((decorator.qname, decorator.summary.retry.errnos))
        return found

    def retried_socket_calls(self, func_qname: str) -> List[Tuple[str, str]]:
        """What a retry helper or decorator retries, from the places that use it: for
        ``until_concludes(self.sock.send, data)`` anywhere in the project, ("send",
        "self.sock"); for a function it decorates that returns a socket call's result
        (``return self.sock.recv(n)``), ("recv", "self.<attr>" or the parameter's name).
        It reads the hand-overs and decorators gathered from every summary as it was
        packed (PackedSummary.handovers), once
        (memoised), never source."""
        qname = self.canonical(func_qname) or func_qname
        users = self._retry_users().get(qname, ())
        retry = self.retry_helper(qname)
        found = []
        for kind, position, what in users:
            if kind == "pass":
                if retry is None or retry[1] != position:
                    continue
                receiver, _, method = what.rpartition(".")
                found.append((method, receiver))
            else:  # a decorated function: what it returns
                value = self.returns(what)
                if value.kind in (ValueKind.READ, ValueKind.FORWARD) and value.method:
                    found.append((value.method, "self." + value.name if value.name
                                  else f"parameter {value.param}"))
        return found

    def _retry_users(self):
        users = self.__dict__.get("_users")
        if users is not None:
            return users
        users = self.__dict__["_users"] = {}
        for module, item in self.summaries.held.items():
            handovers = item.handovers if type(item) is PackedSummary else _handovers(item)
            for kind, dotted, position, what in handovers:
                target = self.resolve(module, dotted)
                if target is not None:
                    entries = users.setdefault(self.canonical(target) or target, [])
                    if len(entries) < MAX_ENTRIES:
                        entries.append((kind, position, what))
        return users

    def callers_pass_messages(self, name: str, position: Optional[int],
                              keyword: Optional[str]) -> bool:
        """Every call the project makes of a function or method named ``name`` passes, as
        the argument at ``position`` (``self`` not counted) or as ``keyword=``, a message
        the code composes from a literal template or structure, and there is at least one
        such call. Calls are matched by name alone (any receiver), which can only add
        callers; a ``*args``/``**kwargs`` call of the name, or a module whose calls are not
        all recorded (``partial``, ``CallArguments.full``), makes the answer False. Reads
        the CallArguments of every summary once (memoised), never source."""
        merged, complete = self._call_arguments()
        where = merged.get(name)
        if not complete or not where or "*" in where:
            return False
        keys = []
        if position is not None and position < MAX_CALL_POSITION:
            keys.append(str(position))
        elif position is not None:
            return False
        if keyword is not None:
            keys.append("=" + keyword)
        bits = 0
        for key in keys:
            bits |= where.get(key, 0)
        return bits & (MESSAGE | OTHER) == MESSAGE

    def callers_pass_other_host(self, name: str, position: Optional[int],
                                keyword: Optional[str], besides: str) -> bool:
        """Some call that the project's own code outside the module ``besides`` makes of
        a function, method or class named ``name`` (``callers_pass_loopback``'s reading:
        by name alone, tests, examples and documentation left out) passes, at
        ``position`` or as ``keyword=``, something that is not loopback unless told
        otherwise, or may (``*args``). The module's own calls are its own analysis's."""
        by_module = self.__dict__.get("_callargs_by_module")
        if by_module is None:
            by_module = {}
            for module, item in self.summaries.held.items():
                if _exercise_module(module):
                    continue
                summary = item.unpack() if type(item) is PackedSummary else item
                by_module[module] = (summary.callargs.names, summary.callargs.refs)
            self.__dict__["_callargs_by_module"] = by_module
        bits = 0
        keys = []
        if position is not None:
            keys.append(str(position))
        if keyword is not None:
            keys.append("=" + keyword)
        for module, (names, refs) in by_module.items():
            where = names.get(name) if module != besides else None
            if not where:
                continue
            if "*" in where or (position is not None and position >= MAX_CALL_POSITION):
                return True
            for key in keys:
                found = where.get(key, 0)
                bits |= found
                if found & LOCAL_IF and \
                        not self._loopback_refs(refs.get(name, {}).get(key, ())):
                    return True  # an imported constant that is no loopback address
        return bool(bits & REMOTE)

    def callers_pass_loopback(self, name: str, position: Optional[int],
                              keyword: Optional[str]) -> bool:
        """Every call the project makes of a function, method or class named ``name`` that
        passes the argument at ``position`` (``self`` not counted) or ``keyword=`` passes
        this host's loopback address unless the program is told otherwise
        (``_ArgumentJudge.loopback``; or a constant of another project module that is:
        LOCAL_IF), and at least one passes it. Only the project's own
        use counts: calls in test code and in examples, demos and documentation
        (``_exercise_module``) show how a library is exercised on one machine, not what its
        users pass. Calls are matched by
        name alone (any receiver), which can only add callers; a ``*args``/``**kwargs``
        call of the name, a position past those recorded, or a module whose calls are not
        all recorded makes the answer False. Calls deeper in an expression than
        CallArguments records are not seen."""
        merged, complete = self._call_arguments(users_only=True)
        where = merged.get(name)
        if not complete or not where or "*" in where:
            return False
        keys = []
        if position is not None:
            if position >= MAX_CALL_POSITION:
                return False
            keys.append(str(position))
        if keyword is not None:
            keys.append("=" + keyword)
        bits = 0
        for key in keys:
            bits |= where.get(key, 0)
        if not bits & (LOCAL | LOCAL_IF) or bits & REMOTE:
            return False
        refs = self.__dict__["_callargs_users_refs"]
        return all(self._loopback_refs(refs.get((name, key), ())) for key in keys)

    def callers_pass_zero(self, name: str, position: Optional[int],
                          keyword: Optional[str]) -> bool:
        """Every call the project makes (in any module, tests included) of a function,
        method or class named ``name`` that passes the argument at ``position`` (``self``
        not counted) or ``keyword=`` passes the number 0 (``_ArgumentJudge.zero``), and at
        least one passes it. Calls are matched by name alone (any receiver), which can only
        add callers; a ``*args``/``**kwargs`` call of the name, a position past those
        recorded, or a module whose calls are not all recorded makes the answer False."""
        merged, complete = self._call_arguments()
        where = merged.get(name)
        if not complete or not where or "*" in where:
            return False
        bits = 0
        if position is not None:
            if position >= MAX_CALL_POSITION:
                return False
            bits |= where.get(str(position), 0)
        if keyword is not None:
            bits |= where.get("=" + keyword, 0)
        return bool(bits & ZERO) and not bits & NONZERO

    def argument_passed(self, name: str, position: Optional[int],
                        keyword: Optional[str]) -> bool:
        """Some call the project makes (in any module, tests included) of a function,
        method or class named ``name`` may pass the argument at ``position`` (``self`` not
        counted) or ``keyword=``: one that the index records does, or one may that it
        cannot tell about (a ``*args``/``**kwargs`` call, a position past those recorded, a
        module whose calls are not all recorded). Calls deeper in an expression than
        CallArguments records are not seen."""
        merged, complete = self._call_arguments()
        where = merged.get(name)
        if not complete or (where and "*" in where):
            return True
        if not where:
            return False
        if position is not None and (position >= MAX_CALL_POSITION or str(position) in where):
            return True
        return keyword is not None and "=" + keyword in where

    def _call_arguments(self, users_only=False):
        memo = "_callargs_users" if users_only else "_callargs"
        found = self.__dict__.get(memo)
        if found is not None:
            return found
        merged = {}
        refs = {}
        complete = True
        for module, item in self.summaries.held.items():
            if users_only and _exercise_module(module):
                continue
            # decoded here and dropped: the scan leaves the decoded summaries as they were
            summary = item.unpack() if type(item) is PackedSummary else item
            if summary.partial or summary.callargs.full:
                complete = False
                continue
            for name, keys in summary.callargs.names.items():
                where = merged.get(name)
                if where is None:
                    merged[name] = dict(keys)
                else:
                    for key, bits in keys.items():
                        where[key] = where.get(key, 0) | bits
            for name, keys in summary.callargs.refs.items():
                for key, names in keys.items():
                    refs.setdefault((name, key), set()).update(names)
        self.__dict__[memo + "_refs"] = refs
        found = self.__dict__[memo] = (merged, complete)
        return found

    def _loopback_refs(self, refs) -> bool:
        """Every constant of the project that ``refs`` names (qualified names: CallArguments'
        LOCAL_IF) is a loopback address (imports and aliases followed)."""
        for ref in refs:
            module, _, name = ref.rpartition(".")
            value = self.constant(module, name) if module else NOT_FOUND
            if type(value) is EnvDefault:
                value = value.value  # ``HOST = os.getenv("HOST", "127.0.0.1")``
            if type(value) is not str or not is_loopback_host(value):
                return False
        return True

    # -- the walk
    def helper_names(self) -> FrozenSet[str]:
        """The last names of project functions and methods that return something (a read,
        a forwarded call, another function's or method's result): the calls the walk
        records so that the analysis can ask what they do."""
        names = self._helper_names
        if names is None:
            names = self._helper_names = self._function_names("helpers", _helper_names)
        return names

    def platform_test_names(self) -> FrozenSet[str]:
        """The last names of project functions and methods that are platform tests
        (``FunctionSummary.platforms``): a module that calls none of them and mentions no
        platform source has no platform test."""
        names = self._platform_test_names
        if names is None:
            names = self._platform_test_names = self._function_names(
                "platform_tests", _platform_test_names)
        return names

    def _function_names(self, packed, unpacked):
        """The names every module's summary lists: a PackedSummary's field ``packed`` (one
        name a line), or ``unpacked(summary)`` of a summary held as it is."""
        found = set()
        for item in self.summaries.held.values():
            if type(item) is PackedSummary:
                text = getattr(item, packed)
                if text:
                    found.update(text.split("\n"))
            else:
                found |= unpacked(item)
        return frozenset(found)

    def platform_test(self, qname: str) -> Optional[FrozenSet[str]]:
        """The families of operating systems where the project function or method
        ``qname`` returns true, when it is a platform test; else None."""
        located = self._function(qname)
        return located.summary.platforms if located else None

    # -- constants
    def constant(self, module: str, name: str, _hops: int = 0) -> object:
        """The value of a constant as ``module`` sees ``name`` (imports followed), or
        ``NOT_FOUND``. Values: int, float, str, bytes, bool, None, tuple, frozenset,
        ErrnoName."""
        qname = self.resolve(module, name)
        if qname is None or _hops > MAX_HOPS:
            return NOT_FOUND
        owner, rest = self.module_of(qname)
        if owner is None:
            return NOT_FOUND
        value = self.summaries[owner].constants.get(rest, NOT_FOUND)  # ``Cls.NAME`` too
        if isinstance(value, NameRef):
            return self.constant(owner, value.dotted, _hops + 1)
        return value

    def external_name(self, module: str, name: str, _hops: int = 0) -> Optional[str]:
        """The qualified name outside the project that a constant of the project stands
        for, as ``module`` sees ``name``: ``socket.SOCK_DGRAM`` for ``UDP`` after ``from
        .defs import UDP`` where ``defs`` says ``UDP = socket.SOCK_DGRAM`` (imports and
        aliases followed ``MAX_HOPS`` steps); None when the name is a project value that
        is no such alias, or unknown."""
        qname = self.resolve(module, name)
        if qname is None or _hops > MAX_HOPS:
            return None
        owner, rest = self.module_of(qname)
        if owner is None:
            return qname if _hops else None  # left the project through an alias
        value = self.summaries[owner].constants.get(rest, NOT_FOUND)
        if isinstance(value, NameRef):
            return self.external_name(owner, value.dotted, _hops + 1)
        return None


NOT_FOUND = type("NotFound", (), {"__repr__": lambda self: "NOT_FOUND",
                                  "__bool__": lambda self: False, "__slots__": ()})()


def _merge(values):
    """One Value for several (all returns of a function, all assignments of an attribute):
    equal values merge; sockets of different types give a socket of unknown type; anything
    else mixed is UNKNOWN."""
    values = [v for v in values if v.kind is not ValueKind.UNKNOWN]
    if not values:
        return UNKNOWN
    first = values[0]
    if all(v == first for v in values):
        return first
    if all(v.kind is ValueKind.SOCKET for v in values):
        kinds = {v.socket for v in values}
        return Value(ValueKind.SOCKET, socket=kinds.pop() if len(kinds) == 1
                     else SocketType.UNKNOWN, ssl=any(v.ssl for v in values))
    return UNKNOWN

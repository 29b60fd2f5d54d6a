"""Socket identity: is this expression a socket (known / likely / not), stream or datagram,
plain or SSL, and what a module's ``ast`` allows that to be concluded for (``Evidence``)."""

from __future__ import annotations

import enum
import sys
from typing import TYPE_CHECKING

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.index import SocketType, ValueKind
from lint_sockets.analysis.nodes import (
    call_arg, contains, ends_pass, int_value, iter_children, key_of, mentions, strip_await,
    thread_call)

if TYPE_CHECKING:
    from lint_sockets.analysis.walk import Binding


def _other_class(imports, node):
    """``node`` names a class of a module whose objects are not sockets (a tuple of such
    classes too)."""
    if isinstance(node, cst.Tuple):
        return bool(node.elements) and all(_other_class(imports, e.value)
                                           for e in node.elements)
    name = imports.qualify(node) or ""
    return "." in name and name.partition(".")[0] in tables.NOT_SOCKET_MODULES


def _isinstance_of_other(imports, test):
    """(key, True) for ``isinstance(x, C)`` (or an ``and`` whose first operand is one),
    (key, False) for ``not isinstance(x, C)``, with ``C`` a class of a module whose objects
    are not sockets (``_other_class``); None otherwise."""
    positive = True
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        positive, test = False, test.expression
    elif isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        test = test.left
    if not (isinstance(test, cst.Call) and isinstance(test.func, cst.Name)
            and test.func.value == "isinstance" and len(test.args) == 2):
        return None
    key = key_of(test.args[0].value)
    if key is None or not _other_class(imports, test.args[1].value):
        return None
    return key, positive


def _isinstance_tests(function, imports):
    """{id(if statement): (key, positive)} for the ``if`` statements of the function whose
    test is an ``isinstance`` of a non-socket class (``_isinstance_of_other``)."""
    found = {}
    stack = [function.body]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, cst.If):
            test = _isinstance_of_other(imports, node.test)
            if test is not None:
                found[id(node)] = test
        stack.extend(iter_children(node))
    return found


class Confidence(enum.Enum):
    """How sure the analysis is that an expression is a socket."""

    KNOWN = "known"  # made by a socket constructor, annotated as one, ...
    LIKELY = "likely"  # named like one, in a socket-shaped call
    NOT = "not"  # known to be something else
    UNKNOWN = "unknown"


KNOWN = Confidence.KNOWN
LIKELY = Confidence.LIKELY
NOT_SOCKET = Confidence.NOT
UNKNOWN = Confidence.UNKNOWN

DEFAULT_SOCKET_NAMES = r"(?i)sock|(^|_)conn(ection)?s?(_|\d*$)"

SOCKET_ANNOTATIONS = {"socket.socket", "socket.SocketType", "_socket.socket"}
SSL_ANNOTATIONS = {"ssl.SSLSocket"}
READER_ANNOTATIONS = {"asyncio.StreamReader", "asyncio.streams.StreamReader"}
STREAM_HANDLERS = {"socketserver.StreamRequestHandler", "socketserver.BaseRequestHandler",
                    "http.server.BaseHTTPRequestHandler",
                    "http.server.SimpleHTTPRequestHandler"}
_STREAM_ONLY_HANDLERS = {"socketserver.StreamRequestHandler",
                         "http.server.BaseHTTPRequestHandler",
                         "http.server.SimpleHTTPRequestHandler"}
_BYTES_FUNCS = {"bytes", "bytearray", "memoryview", "struct.pack", "pack", "zlib.compress"}


def _timeout_argument(node):
    """The first argument of a read is a timeout, not a byte count: a float literal (a
    socket's ``recv(0.5)`` raises TypeError) or a name or attribute called ``timeout`` or
    ending in ``_timeout`` (``bus.recv(timeout)``, ``ws.recv(self.read_timeout)``): some
    other API's receive (python-can's ``Bus.recv``, a WebSocket client's)."""
    if type(node) is cst.Float:
        return True
    key = key_of(node) if type(node) in (cst.Name, cst.Attribute) else None
    last = key.rpartition(".")[2].lower() if key else ""
    return last == "timeout" or last.endswith("_timeout")


class SocketInfo:
    __slots__ = ("confidence", "datagram", "ssl", "reader", "plain", "cls")

    def __init__(self, confidence: Confidence, datagram: bool = False, ssl: bool = False,
                 reader: bool = False, plain: bool | None = None,
                 cls: str | None = None) -> None:
        self.confidence = confidence
        self.datagram = datagram
        self.ssl = ssl  # some binding makes an SSL socket
        self.reader = reader  # an asyncio StreamReader (not a socket)
        self.plain = not ssl if plain is None else plain  # some binding makes a plain one
        # NOT a socket but an instance of this project class (its methods may forward to one)
        self.cls = cls

    def as_datagram(self) -> SocketInfo:
        return SocketInfo(self.confidence, True, self.ssl, self.reader, self.plain, self.cls)


# Async libraries whose sockets have awaited ``send()``/``recv()`` methods.
_ASYNC_SOCKET_LIBRARIES = frozenset({"trio", "curio", "anyio"})

_UNKNOWN_INFO = SocketInfo(UNKNOWN)
_NOT_INFO = SocketInfo(NOT_SOCKET)
# The ``patch`` of the mock libraries: a test's stand-in for a name it replaces.
_PATCHES = frozenset({"unittest.mock.patch", "mock.patch"})
_READER_INFO = SocketInfo(NOT_SOCKET, reader=True)
# pyOpenSSL's ``SSL.Connection`` (tables.NOT_SOCKET_CONNECTIONS), whose ``accept()`` hands out
# connections of its own kind: what it accepts is no socket either
_CONNECTION_INFO = SocketInfo(NOT_SOCKET)


# Top-level modules of the standard library (tables.STDLIB_MODULES, and the private ones
# the running Python names): the project index reads no constant of theirs.
_STANDARD_MODULES = frozenset(getattr(sys, "stdlib_module_names", ())) | \
    tables.STDLIB_MODULES


class IdentityFacts:
    """The socket-identity questions of ``Facts``."""

    def info(self, scope, key, depth=0):
        """SocketInfo for a key (``sock``, ``self.sock``) as seen from ``scope``."""
        if key is None:
            return _UNKNOWN_INFO
        cache_key = (id(scope), key)
        cached = self._info_cache.get(cache_key)
        if cached is not None:
            return cached
        self._info_cache[cache_key] = _UNKNOWN_INFO  # cycles resolve to unknown
        info = self._compute_info(scope, key, depth)
        if info.confidence != NOT_SOCKET and not info.datagram:
            if self._used_as_datagram(scope, key):
                info = info.as_datagram()
        self._info_cache[cache_key] = info
        return info

    def _compute_info(self, scope, key, depth):
        head, _, rest = key.partition(".")
        if "." in rest and scope.cls is not None and head == scope.self_name:
            # ``self.link.sock``: what the class itself assigns to the chain comes first
            own = scope.cls.attr_bindings.get(rest)
            if own:
                info = self._combine(own, depth)
                if info.confidence != UNKNOWN:
                    return info
        if rest and self.project is not None and depth < 5:
            owner, _, attr = key.rpartition(".")
            if owner != scope.self_name:
                # ``self.client.sock``, ``conn.sock``: an attribute of a project object
                holder = self.info(scope, owner, depth + 1)
                if holder.cls is not None:
                    return self._project_attribute(holder.cls, attr)
        if rest:
            cls = scope.cls
            if head != scope.self_name and scope.kind == "function" and scope.bindings.get(key):
                # what this function itself assigns to ``obj.sock``, or to ``self.sock`` when
                # it is defined inside a method (``self`` is the method's)
                return self._combine(scope.bindings[key], depth)
            if cls is None or head != scope.self_name or "." in rest:
                return _UNKNOWN_INFO
            special = self._handler_attribute(cls, rest)
            if special is not None:
                return special
            info = self._combine(cls.attr_bindings.get(rest, ()), depth)
            if info.confidence == UNKNOWN:
                # a property, or an attribute set by a base class (in another module)
                return self._project_attribute(self._class_qname(cls), rest)
            return info
        owner = scope
        while owner is not None:
            bindings = owner.bindings.get(key)
            if bindings and owner.kind != "class":
                return self._combine(bindings, depth)
            owner = owner.parent
        return _UNKNOWN_INFO

    def _handler_attribute(self, cls, attr):
        """``self.request`` / ``self.connection`` in socketserver request handlers."""
        if attr not in ("request", "connection"):
            return None
        bases = self._all_bases(cls)
        if attr == "request" and bases & STREAM_HANDLERS:
            if "socketserver.DatagramRequestHandler" in bases:
                return _NOT_INFO
            return SocketInfo(KNOWN)
        if attr == "connection" and bases & _STREAM_ONLY_HANDLERS:
            return SocketInfo(KNOWN)
        return None

    def _all_bases(self, cls, depth=0):
        bases = set(cls.bases)
        if depth < 5:
            for base in cls.bases:
                local = self._local_classes.get(base)
                if local is not None and local is not cls:
                    bases |= self._all_bases(local, depth + 1)
        return bases

    def _combine(self, bindings, depth):
        known = None
        not_socket = False
        readers = 0
        connections = 0
        classes = set()
        for binding in bindings:
            verdict = self._classify_binding(binding, depth)
            if verdict is None:
                continue
            connections += verdict is _CONNECTION_INFO
            if verdict.confidence == KNOWN:
                if known is None:
                    known = verdict
                else:
                    known = SocketInfo(KNOWN, known.datagram or verdict.datagram,
                                       known.ssl or verdict.ssl, known.reader or verdict.reader,
                                       known.plain or verdict.plain)
            elif verdict.confidence == NOT_SOCKET:
                not_socket = True
                readers += 1 if verdict.reader else 0
                classes.add(verdict.cls)
            elif verdict.confidence == UNKNOWN:
                pass
        if known is not None and not not_socket:
            return known
        if not_socket and known is None:
            if readers and readers == sum(
                1 for b in bindings if (v := self._classify_binding(b, depth)) is not None
                and v.confidence == NOT_SOCKET
            ):
                return _READER_INFO
            if len(classes) == 1 and None not in classes:
                return SocketInfo(NOT_SOCKET, cls=classes.pop())
            if connections and connections == sum(
                    1 for b in bindings if self._classify_binding(b, depth) is not None):
                return _CONNECTION_INFO
            return _NOT_INFO
        return _UNKNOWN_INFO

    def _classify_annotation(self, annotation, depth=0):
        node = annotation
        if isinstance(node, cst.SimpleString):
            text = node.evaluated_value if isinstance(node.evaluated_value, str) else ""
            text = text.strip()
            if depth == 0 and text and len(text) < 200 and not text.replace(".", "").replace(
                    "_", "").isalnum():
                # ``"Channel | None"``, ``"Optional[socket.socket]"``: read the expression
                try:
                    inner = cst.parse_expression(text)
                except Exception:  # noqa: BLE001 - libcst raises several kinds
                    return None
                return self._classify_annotation(inner, depth + 1)
            qname = self.imports.qualify_key(text) if text else None
        else:
            wrappers = ("Optional", "typing.Optional")
            if self.project is not None:
                wrappers += ("Union", "typing.Union")
            if isinstance(node, cst.Subscript) and key_of(node.value) in wrappers \
                    and node.slice and isinstance(node.slice[0].slice, cst.Index):
                # ``Optional[Conn]``, ``Union[Conn, None]``: the first member that is not None
                for element in node.slice:
                    inner = element.slice
                    if isinstance(inner, cst.Index) and not (
                            isinstance(inner.value, cst.Name) and inner.value.value == "None"):
                        node = inner.value
                        break
            if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr):
                for side in (node.left, node.right):
                    if not (isinstance(side, cst.Name) and side.value == "None"):
                        node = side
                        break
            qname = self.imports.qualify(node)
        if qname is None:
            return None
        project_class = self._project_class(key_of(node) if not isinstance(
            node, cst.SimpleString) else text)
        if project_class is not None:
            return project_class
        if qname in SOCKET_ANNOTATIONS:
            return SocketInfo(KNOWN)
        if qname in SSL_ANNOTATIONS:
            return SocketInfo(KNOWN, ssl=True)
        if qname in READER_ANNOTATIONS:
            return SocketInfo(NOT_SOCKET, reader=True)
        if qname in ("Any", "typing.Any", "object"):
            return None
        return _NOT_INFO

    def _classify_binding(self, binding, depth):
        how = binding.how
        if how in ("import", "def", "class", "except"):
            return _NOT_INFO
        if binding.annotation is not None:
            verdict = self._classify_annotation(binding.annotation)
            if verdict is not None:
                if how == "param" and verdict.confidence is KNOWN and not verdict.datagram:
                    # ``listener: socket.socket`` says a socket, not which kind: every
                    # caller passing a datagram socket says that
                    passed = self._param_from_callers(binding, depth)
                    if passed is not None and passed.datagram:
                        return verdict.as_datagram()
                return verdict
        if how == "param":
            verdict = self._param_from_callers(binding, depth)
            return verdict if verdict is not None else _UNKNOWN_INFO
        if how == "for":
            return _UNKNOWN_INFO
        value = binding.value
        if value is None:
            return None
        value = _entered(strip_await(value))
        if isinstance(value, cst.Name) and value.value == "None":
            return None
        if isinstance(value, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString,
                              cst.Integer, cst.Float, cst.List, cst.Dict, cst.Set,
                              cst.ListComp, cst.DictComp, cst.SetComp, cst.Lambda)):
            return _NOT_INFO
        if isinstance(value, cst.Tuple) and binding.index is None:
            return _NOT_INFO
        if isinstance(value, cst.Subscript):
            inner = strip_await(value.value)
            if (isinstance(inner, cst.Call) and isinstance(inner.func, cst.Attribute)
                    and inner.func.attr.value in ("accept", "sock_accept")
                    and len(value.slice) == 1
                    and isinstance(value.slice[0].slice, cst.Index)
                    and int_value(value.slice[0].slice.value) == 0):
                return SocketInfo(KNOWN)
            return _UNKNOWN_INFO
        if isinstance(value, (cst.Name, cst.Attribute)):
            key = key_of(value)
            if key is None or depth > 4 or binding.index is not None:
                return _UNKNOWN_INFO
            return self.info(binding.scope, key, depth + 1)
        if isinstance(value, cst.Call):
            return self._classify_call(value, binding, depth)
        if isinstance(value, cst.IfExp) and binding.index is None and depth < 4:
            # ``sock = open_raw() if raw else open_isotp()``: one arm or the other
            from lint_sockets.analysis.walk import Binding as _Binding

            return self._combine([
                _Binding(arm, binding.how, binding.scope, annotation=binding.annotation,
                         node=binding.node, loops=getattr(binding, "loops", ()),
                         line=getattr(binding, "line", None))
                for arm in (value.body, value.orelse)], depth + 1)
        return _UNKNOWN_INFO

    def function_calls(self, scope, threads=False):
        """[(caller scope, call)] for every call in the module of the function ``scope``:
        of a method, the calls ``self.m(...)`` from the methods of its class; of a class's
        ``__init__``, the calls of the class's name (``Server("127.0.0.1", 8000)``); of a
        function of the module, the calls of its name. None when the function is neither,
        or when its name (the class's, for ``__init__``) is used some other way (a callback,
        a base of another class, ``Base.__init__(self, ...)``) or bound elsewhere, since
        those calls are out of sight; [] when nothing calls it. With ``threads``, a thread
        started on it with its arguments written out (``threading.Thread(target=serve,
        args=(srv, stop))``, ``target=self._loop``) counts as a call passing them (for
        what the arguments are; an exception in the thread never reaches the code that
        started it, so questions about the callers' handlers leave ``threads`` off, and
        such a use keeps the calls out of sight)."""
        function = scope.node
        if scope.kind != "function" or not isinstance(function, cst.FunctionDef):
            return None
        uses = self.memo("identity.name_uses", lambda: _name_uses(self.model))
        name = function.name.value
        if name == "__init__" and _is_method(scope):
            return self._constructor_calls(uses, scope)
        if _is_method(scope):
            return _method_calls_of(uses, name, scope.cls, threads)
        if scope.parent is self.model.module_scope:
            return _calls_of(uses, name, threads)
        return None

    def _constructor_calls(self, uses, scope):
        """The calls of the class's name, for the ``__init__`` method ``scope`` of a class
        defined at the module's top level (``_calls_of``; the class statement does not
        count as a use of its name)."""
        cls_scope = scope.parent
        if cls_scope.parent is not self.model.module_scope or \
                not isinstance(cls_scope.node, cst.ClassDef):
            return None
        name = cls_scope.node.name.value
        if len(self.model.module_scope.bindings.get(name, ())) != 1:
            return None
        return _calls_of(uses, name, defined=False)

    def _param_from_callers(self, binding, depth):
        """A parameter of a private function of the module (``def _read(sock):`` at module
        level, not a dunder, not decorated) that every use of the function's name in the
        module calls, each passing a known socket for the parameter: a socket, a datagram
        one when every caller passes a datagram socket; a pyOpenSSL Connection when every
        caller passes one. A private method of a class
        (``def _loop(self, sock):``) is the same when every use of its name in the module is
        a call ``self._loop(...)`` from a method of that class. None otherwise."""
        scope, param = binding.scope, binding.node
        function = scope.node
        if depth > 3 or not isinstance(function, cst.FunctionDef) or function.decorators \
                or not isinstance(param, cst.Param):
            return None
        method = _is_method(scope)
        if scope.parent is not self.model.module_scope and not method:
            return None
        name = function.name.value
        if not name.startswith("_") or name.startswith("__"):
            return None
        if not method and len(self.model.module_scope.bindings.get(name, ())) != 1:
            return None
        if method and argument_position(scope, param.name.value) == -1:
            return None  # ``self``
        calls = self.function_calls(scope, threads=True)
        if not calls:
            return None
        verdicts = []
        for caller, call in calls:
            arg = argument_for(scope, call, param.name.value)
            key = key_of(arg) if isinstance(arg, (cst.Name, cst.Attribute)) else None
            if key is None:
                return None
            info = self.info(caller, key, depth + 1)
            if info.confidence is not KNOWN and info is not _CONNECTION_INFO:
                return None
            verdicts.append(info)
        if all(v is _CONNECTION_INFO for v in verdicts):
            return _CONNECTION_INFO  # every caller passes a pyOpenSSL Connection
        if any(v is _CONNECTION_INFO for v in verdicts):
            return None
        return SocketInfo(KNOWN, datagram=all(v.datagram for v in verdicts),
                          ssl=any(v.ssl for v in verdicts))

    def _patched(self, qname, call, scope):
        """``call`` (of ``qname``, a socket constructor) runs where a test has replaced that
        name with a mock: inside ``with mock.patch("socket.socket"):`` (``patch`` of
        ``unittest.mock`` or ``mock``, the target written as the constructor's qualified
        name) in its function, or in a function decorated with such a ``patch``."""
        function = scope.node if scope.kind == "function" else None
        if function is None or not any(
                target.partition(".")[0] in ("unittest", "mock")
                for target in self.imports.aliases.values()):
            return False
        for decorator in function.decorators:
            if self._patch_of(decorator.decorator) == qname:
                return True
        stack = [function.body]
        while stack:
            node = stack.pop()
            if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
                continue
            if isinstance(node, cst.With) and any(
                    self._patch_of(item.item) == qname for item in node.items) and \
                    contains(node.body, call):
                return True
            stack.extend(iter_children(node))
        return False

    def _patch_of(self, node):
        """The target a ``patch("module.name")`` call names, or None."""
        if not isinstance(node, cst.Call) or not node.args or node.args[0].keyword is not None:
            return None
        if self.imports.qualify(node.func) not in _PATCHES:
            return None
        target = node.args[0].value
        if isinstance(target, cst.SimpleString) and isinstance(target.evaluated_value, str):
            return target.evaluated_value
        return None

    def _classify_call(self, call, binding, depth):
        qname = self.imports.qualify(call.func)
        index = binding.index
        if qname == "typing.cast" and call.args and index is None:
            # ``cast("Channel", x)`` states the type of what it returns
            verdict = self._classify_annotation(call.args[0].value)
            return verdict if verdict is not None else _UNKNOWN_INFO
        if qname == "contextlib.closing" and index is None and len(call.args) == 1 and \
                isinstance(call.args[0].value, cst.Call) and call.args[0].keyword is None:
            # ``with contextlib.closing(socket.socket(...)) as s:`` holds that socket
            return self._classify_call(call.args[0].value, binding, depth + 1)
        if qname in tables.SOCKET_CONSTRUCTORS:
            if index is not None:
                return _UNKNOWN_INFO
            if self._patched(qname, call, binding.scope):
                return _NOT_INFO  # ``with mock.patch("socket.socket"):``: it gives the mock
            return SocketInfo(KNOWN, datagram=self._datagram_ctor(call, binding.scope))
        if qname in tables.SOCKET_PAIR_CONSTRUCTORS:
            if index is None:
                return _NOT_INFO
            return SocketInfo(KNOWN, datagram=self._datagram_ctor(call, binding.scope))
        if qname in tables.SSL_WRAPPERS:
            return SocketInfo(KNOWN, ssl=True) if index is None else _UNKNOWN_INFO
        if qname in tables.NOT_SOCKET_CONNECTIONS:
            # pyOpenSSL's Connection: its recv() raises at end of file
            return _CONNECTION_INFO if index is None else _NOT_INFO
        if qname in ("asyncio.open_connection", "asyncio.open_unix_connection"):
            if index is not None and index[0] == 0:
                return SocketInfo(NOT_SOCKET, reader=True)
            return _NOT_INFO
        if index is None and self.project is not None:
            verdict = self._project_call(call, binding.scope)
            if verdict is not None:
                return verdict
        func = call.func
        if index is None and isinstance(func, cst.Name) and depth < 4:
            nested = self._nested_def(binding.scope, func.value)
            returns = self._returns_of(nested) if nested is not None else None
            if returns:
                # what a function defined in the enclosing function returns
                verdict = self._combine(returns, depth + 1)
                if verdict.confidence != UNKNOWN:
                    return verdict
        if isinstance(func, cst.Attribute):
            method = func.attr.value
            if method in ("accept", "sock_accept"):
                if method == "accept" and depth < 4 and self.info(
                        binding.scope, key_of(func.value), depth + 1) is _CONNECTION_INFO:
                    # a pyOpenSSL Connection accepts Connections (and gives their addresses)
                    return _CONNECTION_INFO if index is not None and index[0] == 0 \
                        else _NOT_INFO
                if index is not None and index[0] == 0 and index[1] == 2:
                    return SocketInfo(KNOWN)
                return _NOT_INFO if index is None else _UNKNOWN_INFO
            if method == "wrap_socket":
                if not call.args:
                    # ``ssl.SSLContext.wrap_socket()`` takes the socket to wrap: one called
                    # with nothing is some other library's (a TLS stack of the project's own)
                    return _UNKNOWN_INFO
                return SocketInfo(KNOWN, ssl=True) if index is None else _UNKNOWN_INFO
            if method == "dup":
                receiver = self.info(binding.scope, key_of(func.value), depth + 1)
                if receiver.confidence == KNOWN:
                    return receiver
                return _UNKNOWN_INFO
            if method == "socket":
                # ``ctx.socket(zmq.REQ)`` and friends: a socket() method of something else.
                return _NOT_INFO
        if qname is not None:
            top = qname.split(".")[0]
            if top in tables.NOT_SOCKET_MODULES and qname != key_of(call.func) or (
                top in tables.NOT_SOCKET_MODULES and top in self.imports.aliases
            ):
                return _NOT_INFO
            last = qname.rpartition(".")[2]
            local = self._local_classes.get(qname)
            if local is not None:
                if self._all_bases(local) & SOCKET_ANNOTATIONS:
                    return SocketInfo(KNOWN)
                return _NOT_INFO
            if last[:1].isupper() and not last.isupper():
                # Instantiating a class that is not a socket class (SSL.Connection(...),
                # Channel(...)); socket classes were recognised above.
                return _NOT_INFO
        return _UNKNOWN_INFO

    def _used_as_datagram(self, scope, key):
        usage = self._usage_index()
        return key in usage.get(self._usage_owner(scope, key), ())

    def _usage_owner(self, scope, key):
        head, _, rest = key.partition(".")
        if rest and scope.cls is not None and head == scope.self_name:
            return id(scope.cls)
        return id(scope)

    def _usage_index(self):
        if self._usage is None:
            usage = {}
            for site in self.model.calls:
                if site.receiver_key is None:
                    continue
                datagram = site.method in tables.DATAGRAM_METHODS
                if not datagram and site.method == "setsockopt":
                    option = site.positional(1)
                    datagram = option is not None and mentions(option,
                                                               tables.DATAGRAM_OPTIONS)
                if datagram:
                    owner = self._usage_owner(site.scope, site.receiver_key)
                    usage.setdefault(owner, set()).add(site.receiver_key)
            self._usage = usage
        return self._usage

    def site_info(self, site):
        """SocketInfo of a call's receiver from the bindings that reach the call."""
        key = site.receiver_key
        if site.reaching is None or key is None:
            return self.info(site.scope, key)
        bindings = set(site.reaching)
        if site.loops:
            # A binding later in the same loop reaches the call on the next iteration.
            loop = site.loops[-1]
            for binding in site.scope.bindings.get(key, ()):
                if loop in binding.loops:
                    bindings.add(binding)
        info = self._combine(bindings, 0)
        if info.confidence == UNKNOWN and self._declared_other(site.scope, key):
            return _NOT_INFO
        if info.confidence != NOT_SOCKET and not info.datagram:
            if self._used_as_datagram(site.scope, key):
                info = info.as_datagram()
        return info

    def _declared_other(self, scope, key):
        """``self.x: "Channel | None" = None`` somewhere in the class: the attribute is
        declared to be something other than a socket, whatever a later assignment whose kind
        cannot be seen (``self.x = cast("Channel", self.x)``) holds."""
        head, _, rest = key.partition(".")
        cls = scope.cls
        if not rest or "." in rest or cls is None or head != scope.self_name:
            return False
        verdicts = [self._classify_annotation(b.annotation)
                    for b in cls.attr_bindings.get(rest, ()) if b.annotation is not None]
        verdicts = [v for v in verdicts if v is not None]
        return bool(verdicts) and all(v.confidence == NOT_SOCKET for v in verdicts)

    def socket_confidence(self, site, key=None, scope=None):
        """known / likely / not / unknown for the receiver (or ``key``) of a call site.

        ``likely`` needs a socket-shaped call; the caller checks the shape with
        ``socket_shaped``.
        """
        if key is None:
            key = site.receiver_key
            info = self.site_info(site)
        else:
            info = self.info(scope or site.scope, key)
        if key is not None and key == site.receiver_key and site.scope.kind == "function" and \
                self._narrowed_to_other(site, key):
            return _NOT_INFO
        if info.cls is not None and site.method is not None:
            return self._forwarded(info, site.method)
        if info.confidence != UNKNOWN:
            return info
        if key is None:
            return info
        if key == site.receiver_key and id(site.node) in self.model.awaited and \
                not self._imports_async_sockets():
            # ``await self.conn.send(data)``: a standard-library socket's methods return
            # plain values, and nothing in this module uses an async library whose socket
            # methods are awaited, so the object named like a socket is some other
            # connection (a websocket, a protocol session, a queue-backed sender).
            return info
        last = key.rpartition(".")[2]
        if self.name_pattern.search(last) and self.socket_shaped(site) and \
                "websocket" not in last.lower() and last not in self._names_of_other_things() \
                and key not in self.memo("identity.memoryview_readers", self._memoryview_readers):
            return SocketInfo(LIKELY, info.datagram, info.ssl, plain=info.plain)
        return info

    def _memoryview_readers(self):
        """The keys of objects whose read's result the module turns into bytes with
        ``.tobytes()`` (``self._sock.recv(n).tobytes()``): a buffered reader that hands out
        memoryviews. A socket's reads return bytes, which have no ``tobytes()``, so such an
        object is no socket, whatever its name says."""
        source = self.source
        if source is not None and (b"tobytes" if isinstance(source, bytes) else "tobytes") \
                not in source:
            return frozenset()
        found = set()
        stack = [self.model.module]
        while stack:
            node = stack.pop()
            if type(node) is cst.Attribute and node.attr.value == "tobytes" and \
                    type(node.value) is cst.Call and type(node.value.func) is cst.Attribute \
                    and node.value.func.attr.value in _MEMORYVIEW_READS:
                key = key_of(node.value.func.value)
                if key is not None:
                    found.add(key)
            stack.extend(iter_children(node))
        return frozenset(found)

    def _narrowed_to_other(self, site, key):
        """The call ``site`` on ``key`` runs only where ``isinstance(key, C)`` holds for a
        class ``C`` of a module whose objects are not sockets (``NOT_SOCKET_MODULES``:
        ``zmq.Socket``, ``multiprocessing.connection.Connection``): in the body of ``if
        isinstance(key, C):`` (also as the first operand of an ``and``), or after ``if not
        isinstance(key, C): raise ...`` (a block that leaves) earlier in a block around the
        call. There the object is a ``C``, whatever else the name may hold elsewhere."""
        if not self.memo("identity.mentions_isinstance", self._mentions_isinstance):
            return False
        tests = self.memo(f"identity.narrowing:{id(site.scope)}",
                          lambda: _isinstance_tests(site.scope.node, self.imports))
        if not tests:
            return False
        parents = self.scope_parents(site.scope)
        child = site.node
        parent = parents.get(id(child))
        while parent is not None:
            if isinstance(parent, cst.If) and child is parent.body and \
                    tests.get(id(parent)) == (key, True):
                return True
            if isinstance(parent, cst.IndentedBlock):
                for stmt in parent.body:
                    if stmt is child:
                        break
                    if isinstance(stmt, cst.If) and stmt.orelse is None and \
                            tests.get(id(stmt)) == (key, False) and ends_pass(stmt.body):
                        return True
            child, parent = parent, parents.get(id(parent))
        return False

    def module_function(self, name):
        """The scope of the function the module defines at its top level as ``name``, when
        that ``def`` is the name's only binding there; None otherwise."""
        bindings = self.model.module_scope.bindings.get(name, ())
        if len(bindings) != 1 or bindings[0].how != "def":
            return None
        node = bindings[0].node
        return next((scope for scope in self.model.scopes
                     if scope.kind == "function" and scope.node is node), None)

    def identical_name(self, site, key):
        """The key of the object that ``key`` is at the call ``site`` by an identity test
        around it: the call is in the body of ``if key is other:`` (or ``other is key``, or
        with ``==``; also an ``elif``), so the name holds that very object there
        (``for s in readable: if s is self.server: s.accept()``); None otherwise."""
        if site.scope.kind != "function":
            return None
        parents = self.scope_parents(site.scope)
        child = site.node
        parent = parents.get(id(child))
        while parent is not None:
            if type(parent) is cst.If and child is parent.body:
                test = parent.test
                if type(test) is cst.Comparison and len(test.comparisons) == 1 and \
                        type(test.comparisons[0].operator) in (cst.Is, cst.Equal):
                    left, right = key_of(test.left), key_of(test.comparisons[0].comparator)
                    if left == key and right is not None and right != key:
                        return right
                    if right == key and left is not None and left != key:
                        return left
            child, parent = parent, parents.get(id(parent))
        return None

    def _mentions_isinstance(self):
        source = self.source
        if source is None:
            return True
        return ("isinstance" in source) if isinstance(source, str) else \
            (b"isinstance" in source)

    def _imports_async_sockets(self):
        """The module imports an async library whose low-level socket methods are awaited
        (trio, curio, anyio)."""
        return any(target.partition(".")[0] in _ASYNC_SOCKET_LIBRARIES
                   for target in self.imports.aliases.values()) or any(
            module.partition(".")[0] in _ASYNC_SOCKET_LIBRARIES for module in self.imports.star)

    def _names_of_other_things(self):
        """Names (last components) that this module binds to objects made by a call that
        is not a socket (``conn = SocketConnection(sock)``, ``sock = ctx.socket(zmq.REQ)``)
        and never to a socket: in this module's vocabulary they name something else, so a
        parameter of that name is not taken for a socket on its name alone."""
        if self._other_names is None:
            other, sockets = set(), set()
            groups = [scope.bindings for scope in self.model.scopes]
            groups.extend(cls.attr_bindings for cls in self.model.classes)
            for group in groups:
                for name, bindings in group.items():
                    last = name.rpartition(".")[2]
                    if not self.name_pattern.search(last):
                        continue
                    for binding in bindings:
                        verdict = self._classify_binding(binding, 0)
                        if verdict is None:
                            continue
                        if verdict.confidence == KNOWN:
                            sockets.add(last)
                        elif verdict.confidence == NOT_SOCKET and isinstance(
                                strip_await(binding.value), cst.Call):
                            other.add(last)
            self._other_names = other - sockets
        return self._other_names

    # ---- the project index: asked before any guess from a name ----------------------

    def _project_name(self, dotted):
        """The qualified name ``dotted`` (as written in this module) means in the project:
        a project definition, or an external name as imported; None without an index."""
        if self.project is None or self.module_name is None or not dotted:
            return None
        return self.project.resolve(self.module_name, dotted)

    def _class_qname(self, cls):
        """The index's name of a class this module defines: ``module.Class`` for classes
        defined at module level (the index keeps no nested classes), else None."""
        if self.project is None or self.module_name is None or cls is None:
            return None
        if not any(b.how == "class" and b.node is cls.node
                   for b in self.model.module_scope.bindings.get(cls.name, ())):
            return None
        qname = f"{self.module_name}.{cls.name}"
        return qname if self.project.class_of(qname) is not None else None

    def _project_class(self, dotted):
        """SocketInfo for a name that is a project class (a call of it, an annotation):
        KNOWN for a subclass of socket.socket / ssl.SSLSocket, else NOT (an instance of
        that class, remembered in ``cls``); None when ``dotted`` is no project class."""
        qname = self._project_name(dotted)
        if qname is None or self.project.class_of(qname) is None:
            return None
        return self._instance_info(qname)

    def _instance_info(self, qname):
        """An instance of the project class ``qname``."""
        project = self.project
        if project.is_socket_class(qname):
            return SocketInfo(KNOWN, ssl="ssl.SSLSocket" in project.bases(qname))
        return SocketInfo(NOT_SOCKET, cls=project.canonical(qname) or qname)

    def _project_callee(self, call, scope):
        """(qualified name, the class of ``self`` or None) of what ``call`` calls in the
        project index: a method of ``self``'s class (``self.make()``), or a project function
        or class (or an external name as imported); None when it cannot be named."""
        dotted = key_of(call.func)
        if dotted is None:
            return None
        head, _, rest = dotted.partition(".")
        if scope is not None and scope.cls is not None and head == scope.self_name:
            cls_qname = self._class_qname(scope.cls)
            if cls_qname is None or not rest or "." in rest:
                return None
            return f"{cls_qname}.{rest}", cls_qname
        qname = self._project_name(dotted)
        return (qname, None) if qname is not None else None

    def _project_call(self, call, scope):
        """SocketInfo for the result of a call of a project function, method of ``self``'s
        class, or class; None when the index does not know (the heuristics decide)."""
        project = self.project
        callee = self._project_callee(call, scope)
        if callee is None:
            return None
        qname, cls_qname = callee
        if cls_qname is None and project.class_of(qname) is not None:
            return self._instance_info(qname)
        if project.function_of(qname) is None:
            return None
        # a method of self's class may return another attribute of self
        info = self._value_info(project.returns(qname), cls_qname)
        return None if info.confidence == UNKNOWN else info

    def new_socket_each_call(self, call, scope) -> bool:
        """``call`` is a call of a project function, or of a method of ``self``'s class,
        every ``return`` of which gives a socket it makes there (``index.returns_new_socket``):
        each call gives a new socket. False without an index."""
        if self.project is None or not isinstance(call, cst.Call):
            return False
        callee = self._project_callee(call, scope)
        if callee is None or (callee[1] is None and self.project.class_of(callee[0])):
            return False
        return self.project.returns_new_socket(callee[0])

    def _project_attribute(self, cls_qname, attr):
        """SocketInfo of ``self.<attr>`` in instances of a project class: the property's
        return, else what the class or its project bases assign or annotate."""
        if cls_qname is None:
            return _UNKNOWN_INFO
        project = self.project
        value = project.property_returns(cls_qname, attr)
        if value is None:
            value = project.attribute_kind(cls_qname, attr)
        return self._value_info(value, cls_qname)

    def _value_info(self, value, cls_qname=None, depth=0):
        """SocketInfo for a value the index gives (``index.Value``)."""
        kind = value.kind
        if kind is ValueKind.SOCKET:
            return SocketInfo(KNOWN, datagram=value.socket is SocketType.DATAGRAM,
                              ssl=value.ssl)
        if kind is ValueKind.INSTANCE:
            name = value.name or ""
            if self.project.class_of(name) is not None:
                return self._instance_info(name)
            if name in READER_ANNOTATIONS:
                return _READER_INFO
            if name in ("Any", "typing.Any", "object", "builtins.object"):
                return _UNKNOWN_INFO
            return _NOT_INFO
        if kind is ValueKind.ATTR and cls_qname is not None and value.name and depth < 3:
            return self._value_info(self.project.attribute_kind(cls_qname, value.name),
                                    cls_qname, depth + 1)
        return _UNKNOWN_INFO

    def _forwarded(self, info, method):
        """An instance of a project class whose ``method`` hands back the same call on a
        socket it holds (``def recv(self, n): return self._sock.recv(n)``) is, for that
        call, the socket: what its caller does with the result is what it does with the
        socket's. Otherwise it is what ``info`` says (not a socket)."""
        value = self.project.returns(f"{info.cls}.{method}") if self.project else None
        if value is None or value.kind not in (ValueKind.READ, ValueKind.FORWARD) or \
                value.method != method or value.name is None:
            return info
        inner = self._project_attribute(info.cls, value.name)
        if inner.confidence != KNOWN:
            return info
        return SocketInfo(KNOWN, inner.datagram, inner.ssl, plain=inner.plain)

    # ---- family and type, from the constructor calls that make a socket ------------------

    def constructed_kind(self, site, key=None):
        """``(family, type)`` of the receiver of ``site`` (or of its first argument,
        ``key=site.arg_key``) read from the ``socket.socket(...)`` calls that make it, when
        every binding that reaches the call is one seen in this module: directly, through
        another name or ``self`` attribute, or returned by a function of this module or a
        method of ``self``'s class. family: ``"unix"`` (AF_UNIX), ``"ip"`` (AF_INET,
        AF_INET6, or none given), ``"other"`` (another ``AF_`` constant); type:
        ``"stream"``, ``"dgram"``, ``"other"``. Each is None when some constructor does not
        say it plainly (a variable, a conditional expression) or the constructors disagree;
        both are None when a binding is not such a constructor (a parameter, a call into
        another module, ``fromfd()``): the family of a socket is never guessed."""
        if key is None:
            key, reaching = site.receiver_key, site.reaching
        elif key == site.arg_key:
            reaching = site.arg_reaching
        else:
            return _NO_KIND
        if key is None:
            return _NO_KIND
        bindings = self._kind_bindings(site.scope, key, reaching)
        return self._kinds_of(bindings, 0)

    def constructed_protocols(self, site):
        """The protocols (``"IPPROTO_ICMP"``, the last part of the constant) that the
        ``socket.socket(family, type, proto)`` calls making the receiver of ``site`` name,
        when every binding that reaches the call (``constructed_kind``'s) is such a call
        written with a protocol constant of the socket module; None otherwise."""
        key = site.receiver_key
        if key is None:
            return None
        bindings = self._kind_bindings(site.scope, key, site.reaching)
        found = set()
        for binding in bindings:
            value = strip_await(binding.value) if binding.value is not None else None
            if binding.how not in ("assign", "with") or binding.index is not None or \
                    type(value) is not cst.Call or \
                    self.imports.qualify(value.func) not in tables.PLAIN_SOCKET_CLASSES:
                return None
            positional = [a.value for a in value.args if a.keyword is None]
            proto = positional[2] if len(positional) > 2 else call_keyword(value, "proto")
            dotted = self.imports.qualify(proto) if proto is not None else None
            if not dotted or not dotted.startswith("socket.IPPROTO_"):
                return None
            found.add(dotted.rpartition(".")[2])
        return found or None

    def listener_family(self, site):
        """The family of the socket ``site`` (an ``accept()``) is called on: what its
        constructors in sight say (``constructed_kind``), or, for a listener the function
        takes as a parameter, what every call of the function in the module passes for it,
        threads started on it included (``family_from_callers``); None when unknown."""
        family = self.constructed_kind(site)[0]
        key = site.receiver_key
        if family is None and key is not None and "." not in key and \
                site.scope is not None and site.scope.kind == "function":
            family = self.family_from_callers(site.scope, key)
        return family

    def family_from_callers(self, scope, name):
        """The family every call of the function ``scope`` in the module passes for its
        parameter ``name``, read as ``constructed_kind`` reads a name of the caller
        (``with socket.socket(AF_UNIX) as server: serve(server)``); None when one call
        passes something else, another family or nothing in sight, when no call is in
        sight, or when the function's callers are out of sight (``function_calls``)."""
        passed = self.arguments_from_callers(scope, name)
        if not passed:
            return None
        families = set()
        for caller, arg in passed:
            key = key_of(arg) if isinstance(arg, (cst.Name, cst.Attribute)) else None
            if key is None:
                return None
            families.add(self._kinds_of(self._kind_bindings(caller, key), 1)[0])
        return families.pop() if len(families) == 1 else None

    def arguments_from_callers(self, scope, name):
        """[(caller scope, what it passes)] for the parameter ``name`` of the function
        ``scope`` (a plain parameter, bound nowhere else, not ``self``), from every call of
        the function in the module, threads started on it with their arguments written out
        included (``function_calls``); what a call passes is None when it passes nothing
        there. None when ``name`` is no such parameter or the callers are out of sight; []
        when nothing calls the function."""
        bindings = scope.bindings.get(name, ()) if scope.kind == "function" else ()
        if len(bindings) != 1 or bindings[0].how != "param" or \
                argument_position(scope, name) == -1:
            return None
        calls = self.function_calls(scope, threads=True)
        if calls is None:
            return None
        return [(caller, argument_for(scope, call, name)) for caller, call in calls]

    def class_assignments(self, scope, key):
        """For ``self.x`` seen in a method: the assignments of the class to ``x`` in any
        of its methods, ``None`` left out; [] for any other key."""
        head, _, rest = key.partition(".")
        cls = scope.cls
        if cls is None or head != scope.self_name or not rest or "." in rest:
            return []
        return _assignments(cls, rest)

    def base_assignments(self, scope, key):
        """For ``self.x`` that its own class never assigns: the assignments to ``x`` of the
        one base class of this module that does (``NatSocket.__init__`` making the socket a
        subclass sends on), followed up a chain of bases defined in this module; [] when
        the class has several bases or a base out of sight assigns it first."""
        head, _, rest = key.partition(".")
        cls = scope.cls
        if cls is None or head != scope.self_name or not rest or "." in rest:
            return []
        local = {info.name: info for info in self.model.classes}
        seen = set()
        while cls is not None and len(cls.bases) == 1 and id(cls) not in seen:
            seen.add(id(cls))
            base = local.get(cls.bases[0])
            if base is None:
                return []
            found = _assignments(base, rest)
            if found:
                return found
            cls = base
        return []

    def _kind_bindings(self, scope, key, reaching=None):
        """The bindings that give ``key`` its value at a point of ``scope``: those that reach
        it, or for ``self.attr`` with none in the function, the class's assignments (None
        left out); for a plain name with no reaching set, the nearest scope's."""
        if reaching:
            return list(reaching)
        head, _, rest = key.partition(".")
        if rest:
            own = scope.bindings.get(key) \
                if scope.kind == "function" and head != scope.self_name else None
            if own:
                # what this function itself assigns to ``obj.sock`` (or to ``self._sock`` in
                # a function defined inside a method)
                return list(own)
            return self.class_assignments(scope, key) or self.base_assignments(scope, key)
        owner = scope
        while owner is not None:
            found = owner.bindings.get(key)
            if found and owner.kind != "class":
                return list(found)
            owner = owner.parent
        return []

    def _kinds_of(self, bindings, depth):
        if not bindings or depth > 4:
            return _NO_KIND
        families, types = set(), set()
        for binding in bindings:
            kind = self._binding_kind(binding, depth)
            if kind is None:
                return _NO_KIND
            families.add(kind[0])
            types.add(kind[1])
        return (families.pop() if len(families) == 1 else None,
                types.pop() if len(types) == 1 else None)

    def _binding_kind(self, binding, depth):
        """(family, type) one binding gives, or None if it is not a visible constructor.
        The connection of an ``accept()`` (``conn, addr = listener.accept()``) is a stream
        socket (accept works on stream and seqpacket sockets only) of its listener's family
        when that is in sight."""
        if binding.how not in ("assign", "with") or binding.value is None:
            return None
        value = _entered(strip_await(binding.value))
        if binding.index is not None:
            if binding.index[0] != 0 or not isinstance(value, cst.Call) or \
                    not isinstance(value.func, cst.Attribute) or \
                    value.func.attr.value != "accept" or value.args:
                return None
            listener = key_of(value.func.value)
            family = None
            if listener is not None:
                family = self._kinds_of(self._kind_bindings(binding.scope, listener),
                                        depth + 1)[0]
            return (family, "stream")
        if isinstance(value, (cst.Name, cst.Attribute)):
            key = key_of(value)
            if key is None:
                return None
            kind = self._kinds_of(self._kind_bindings(binding.scope, key), depth + 1)
            return None if kind == _NO_KIND else kind
        if not isinstance(value, cst.Call):
            return None
        qname = self.imports.qualify(value.func)
        if qname in tables.PLAIN_SOCKET_CLASSES or qname == "_socket.socket":
            kind = _ctor_kind(self.imports, value)
            if kind[0] is None and kind != _NO_KIND:
                family = self._family_through_name(value, binding.scope)
                if family is not None:
                    kind = (family, kind[1])
            return kind
        if qname == "socket.create_server":
            family = call_keyword(value, "family")
            return (_family_of(self.imports, family) if family is not None else "ip", "stream")
        if qname == "socket.create_connection":
            return ("ip", "stream")
        returns = self._factory_returns(value, binding.scope)
        if returns is None:
            return None
        kind = self._kinds_of(returns, depth + 1)
        return None if kind == _NO_KIND else kind

    def _datagram_ctor(self, call, scope):
        """``socket.socket(...)`` makes a datagram (or raw) socket: its type is written
        as ``SOCK_DGRAM``/``SOCK_RAW`` (``is_datagram_ctor``) or as a constant standing for
        one (``_socket_constant``)."""
        if is_datagram_ctor(call):
            return True
        positional = [a.value for a in call.args if a.keyword is None]
        type_ = positional[1] if len(positional) > 1 else call_keyword(call, "type")
        return self._socket_constant(type_, scope) in ("SOCK_DGRAM", "SOCK_RAW")

    def _socket_constant(self, node, scope):
        """The socket constant (``SOCK_DGRAM``, ``AF_UNIX``) that a constant of the project
        names: a module constant bound once (``UDP = socket.SOCK_DGRAM``) or one imported
        from another project module (``from .defs import UDP``, followed by the index's
        ``external_name``), when no local of the function hides the name; else None."""
        key = key_of(node) if isinstance(node, (cst.Name, cst.Attribute)) else None
        if key is None:
            return None
        head = key.partition(".")[0]
        owner = scope
        while owner is not None and owner.kind != "module":
            if head in owner.bindings:
                return None  # a parameter or local of that name
            owner = owner.parent
        dotted = self.imports.qualify(node)  # ``from socket import SOCK_DGRAM as UDP``
        if dotted and dotted.startswith(("socket.", "_socket.")):
            return dotted.rpartition(".")[2]
        dotted = None
        if "." not in key and key in self.model.constants and \
                len(self.model.module_scope.bindings.get(key, ())) == 1:
            value = self.model.constants[key]
            if isinstance(value, (cst.Name, cst.Attribute)):
                dotted = self.imports.qualify(value)
        elif self.project is not None and self.module_name is not None:
            dotted = self.project.external_name(self.module_name, key)
        if not dotted or not dotted.startswith(("socket.", "_socket.")):
            return None
        return dotted.rpartition(".")[2]

    def _family_through_name(self, call, scope):
        """The family of ``socket.socket(family, ...)`` given as a name the function binds
        once (``family = socket.AF_INET6 if ":" in host else socket.AF_INET``): the family
        the value says, where both arms of a conditional expression say the same one."""
        family = _family_argument(call)
        if not isinstance(family, cst.Name) or scope is None:
            return None
        bindings = scope.bindings.get(family.value, ())
        if len(bindings) != 1 or bindings[0].how != "assign" or bindings[0].index is not None \
                or bindings[0].value is None:
            return None
        return _family_of(self.imports, bindings[0].value)

    def _factory_returns(self, call, scope):
        """Bindings standing for what a function of this module or of an enclosing function
        (``make_listener()``) or a method of ``self``'s class (``self.make_listener()``)
        returns: each ``return``
        statement of its body as a binding in the function's scope. None when the callee is
        not such a function or some return is not a plain value."""
        dotted = key_of(call.func)
        if dotted is None:
            return None
        head, _, rest = dotted.partition(".")
        target = None
        if rest and "." not in rest and scope is not None and scope.cls is not None \
                and head == scope.self_name:
            target = next((m for m in scope.cls.methods
                           if isinstance(m.node, cst.FunctionDef)
                           and m.node.name.value == rest), None)
        elif not rest:
            target = self._nested_def(scope, head)
            if target is None:
                target = next((s for s in self.model.scopes
                               if s.kind == "function" and s.parent is self.model.module_scope
                               and s.node.name.value == head), None)
        if target is None:
            return None
        return self._returns_of(target)

    def _returns_of(self, target):
        memo_key = f"kind.returns:{id(target)}"
        found = self._memo.get(memo_key)
        if found is None:
            found = self._memo[memo_key] = _return_bindings(target)
        return found or None

    def _nested_def(self, scope, name):
        """The scope of the function ``name`` defined in ``scope`` or an enclosing
        function (``def make(): ...`` inside the method that calls ``make()``), when that
        definition is the only binding of the name there; None otherwise."""
        binding = nested_def(scope, name)
        if binding is None:
            return None
        return next((s for s in self.model.scopes if s.node is binding.node), None)

    def is_socket(self, site):
        """The receiver is a socket, known or likely."""
        return self.socket_confidence(site).confidence in (KNOWN, LIKELY)

    def socket_shaped(self, site):
        method = site.method
        if method not in tables.SOCKET_SHAPED_METHODS:
            return False
        args = [a for a in site.node.args]
        positional = [a for a in args if a.keyword is None and not a.star]
        if method in tables.READ_METHODS:
            return 1 <= len(args) <= 3 and not _timeout_argument(args[0].value)
        if method in ("send", "sendall"):
            if len(positional) not in (1, 2) or len(args) != len(positional):
                return False
            return self.bytes_like(positional[0].value, site.scope)
        if method == "sendto":
            return len(positional) in (2, 3)
        if method in ("accept", "listen", "getpeername", "setblocking", "fileno", "shutdown"):
            return True
        if method in ("connect", "connect_ex", "bind"):
            return len(positional) == 1 and not args[0].keyword
        if method in ("settimeout", "setsockopt", "getsockopt", "makefile", "do_handshake",
                      "close", "sendmsg", "sendfile"):
            return True
        return False

    def makes_socket(self, value: cst.BaseExpression | None) -> bool:
        """``value`` calls a socket constructor: ``socket()``, ``create_connection()``,
        ``fromfd()``, ``socketpair()``..."""
        value = strip_await(value) if value is not None else None
        return isinstance(value, cst.Call) and self.imports.qualify(value.func) in (
            tables.SOCKET_CONSTRUCTORS | tables.SOCKET_PAIR_CONSTRUCTORS)

    def makes_plain_socket(self, value: cst.BaseExpression | None) -> bool:
        """``value`` calls ``socket.socket(...)`` itself (family and type are its arguments)."""
        value = strip_await(value) if value is not None else None
        return isinstance(value, cst.Call) and \
            self.imports.qualify(value.func) in tables.PLAIN_SOCKET_CLASSES

    def binding_creates_socket(self, binding: Binding) -> bool:
        """The binding creates a plain (blocking unless told otherwise) socket: a socket
        constructor, one end of a socketpair(), the connection of a plain accept()."""
        if binding.how not in ("assign", "with") or binding.value is None:
            return False
        value = strip_await(binding.value)
        if not isinstance(value, cst.Call):
            return False
        qname = self.imports.qualify(value.func)
        if qname in tables.SOCKET_CONSTRUCTORS:
            return binding.index is None
        if qname in tables.SOCKET_PAIR_CONSTRUCTORS:
            return binding.index is not None
        func = value.func
        # a plain accept(); asyncio's sock_accept() returns non-blocking sockets
        return (isinstance(func, cst.Attribute) and func.attr.value == "accept"
                and binding.index is not None and binding.index[0] == 0)

    def bytes_like(self, node, scope, depth=0):
        node = strip_await(node)
        if isinstance(node, cst.SimpleString):
            return "b" in node.prefix.lower()
        if isinstance(node, cst.ConcatenatedString):
            return self.bytes_like(node.left, scope, depth)
        if isinstance(node, cst.Subscript):
            return True
        if isinstance(node, cst.BinaryOperation):
            return (self.bytes_like(node.left, scope, depth)
                    or self.bytes_like(node.right, scope, depth))
        if isinstance(node, cst.Call):
            func = node.func
            if isinstance(func, cst.Attribute):
                if func.attr.value in ("encode", "tobytes", "pack", "to_bytes", "compress",
                                       "getvalue", "serialize", "SerializeToString"):
                    return True
                if func.attr.value == "join" and self.bytes_like(func.value, scope, depth):
                    return True
            qname = self.imports.qualify(func)
            return qname in _BYTES_FUNCS or (qname or "").endswith(".pack")
        if isinstance(node, cst.Name) and depth < 3:
            owner = scope
            while owner is not None:
                bindings = owner.bindings.get(node.value)
                if bindings:
                    return any(
                        b.value is not None and b.index is None
                        and self.bytes_like(b.value, b.scope, depth + 1)
                        for b in bindings
                    )
                owner = owner.parent
        return False


_NO_KIND = (None, None)


def call_keyword(call, name):
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg.value
    return None


def _family_of(imports, node):
    """"unix", "ip", "other" for a family written as a socket constant (``AF_X``, or
    ``PF_X`` for the same family; or a conditional expression whose two arms give the same
    one), else None."""
    if isinstance(node, cst.IfExp):
        body = _family_of(imports, node.body)
        return body if body == _family_of(imports, node.orelse) else None
    dotted = imports.qualify(node) if isinstance(node, (cst.Name, cst.Attribute)) else None
    last = (dotted or "").rpartition(".")[2]
    if isinstance(node, cst.Call):
        # ``getattr(socket, "AF_UNIX", None)``: the constant where the platform has it (a
        # socket made with the default None fails at once)
        last = _socket_getattr(imports, node) or ""
    if last.startswith("PF_"):  # the protocol family of the same number: PF_CAN is AF_CAN
        last = "AF_" + last[3:]
    if last in ("AF_UNIX", "AF_LOCAL"):
        return "unix"
    if last in ("AF_INET", "AF_INET6"):
        return "ip"
    if last.startswith("AF_") and last.isupper():
        return "other"
    return None


def _socket_getattr(imports, call):
    """The name ``getattr(socket, "NAME"[, default])`` reads from the socket module, or
    None for any other call."""
    args = call.args
    if key_of(call.func) != "getattr" or not 2 <= len(args) <= 3 or \
            any(a.keyword is not None or a.star for a in args):
        return None
    module = imports.qualify(args[0].value) if isinstance(args[0].value, cst.Name) else None
    name = args[1].value
    if module not in ("socket", "_socket") or not isinstance(name, cst.SimpleString):
        return None
    text = name.evaluated_value
    return text if isinstance(text, str) else None


def _type_of(imports, node):
    dotted = imports.qualify(node) if isinstance(node, (cst.Name, cst.Attribute)) else None
    last = (dotted or "").rpartition(".")[2]
    if last == "SOCK_STREAM":
        return "stream"
    if last == "SOCK_DGRAM":
        return "dgram"
    if last in ("SOCK_NONBLOCK", "SOCK_CLOEXEC"):
        return "flag"
    if last.startswith("SOCK_") and last.isupper():
        return "other"
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr):
        # SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC: the type among the flags
        kinds = {_type_of(imports, node.left), _type_of(imports, node.right)} - {"flag"}
        return kinds.pop() if len(kinds) == 1 and None not in kinds else None
    return None


def _family_argument(call):
    """The family argument of ``socket.socket(family, ...)``, or None when not given."""
    positional = [a.value for a in call.args if a.keyword is None]
    return positional[0] if positional else call_keyword(call, "family")


def _ctor_kind(imports, call):
    """(family, type) of ``socket.socket(family, type, ...)``: the defaults (AF_INET,
    SOCK_STREAM) where an argument is absent; None for an argument not written as a socket
    constant; None, None when ``fileno=`` is given (the socket is whatever that fd is)."""
    positional = [a.value for a in call.args if a.keyword is None]
    if any(a.star for a in call.args) or len(positional) > 3 or \
            call_keyword(call, "fileno") is not None:
        return _NO_KIND
    family = _family_argument(call)
    type_ = positional[1] if len(positional) > 1 else call_keyword(call, "type")
    found_type = "stream" if type_ is None else _type_of(imports, type_)
    return ("ip" if family is None else _family_of(imports, family),
            None if found_type == "flag" else found_type)


def _return_bindings(scope):
    """Each ``return X`` of a function's own body (nested functions and classes left out)
    as a Binding of ``X`` in ``scope``; [] when a return has no value or there is none."""
    found = []
    stack = list(scope.node.body.body) if isinstance(scope.node, cst.FunctionDef) else []
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, cst.Return):
            if node.value is None:
                return []
            found.append(_ReturnBinding(node.value, scope))
            continue
        stack.extend(node.children)
    return found


def return_values(scope):
    """The values of the ``return`` statements of the function ``scope``'s own body
    (``_return_bindings``); [] when a return has no value or there is none."""
    return [binding.value for binding in _return_bindings(scope)]


def nested_def(scope, name):
    """The ``def`` binding of ``name`` in ``scope`` or an enclosing function (the function
    defined inside the one that calls it), when that definition is the name's only binding
    there; None otherwise (module-level functions are not looked for)."""
    owner = scope
    while owner is not None and owner.kind == "function":
        bindings = owner.bindings.get(name)
        if bindings:
            if len(bindings) != 1 or bindings[0].how != "def":
                return None
            return bindings[0]
        owner = owner.parent
    return None


class _ReturnBinding:
    """What ``return X`` hands out, read like an assignment in the function's scope."""

    __slots__ = ("value", "scope")
    how = "assign"
    index = None
    annotation = None
    node = None
    loops = ()
    line = None

    def __init__(self, value, scope):
        self.value = value
        self.scope = scope


def is_plain_ctor(imports, value):
    value = strip_await(value)
    return isinstance(value, cst.Call) and imports.qualify(value.func) in tables.SOCKET_CONSTRUCTORS


# Families whose sockets are all SOCK_RAW or SOCK_DGRAM (netlink(7), packet(7), the
# kernel's CAN protocols): one message per call, whatever type argument the code writes
# (``socket.fromfd(fd, AF_NETLINK, SOCK_STREAM)`` is the netlink socket the fd is).
MESSAGE_FAMILIES = ("AF_NETLINK", "PF_NETLINK", "AF_PACKET", "PF_PACKET", "AF_CAN", "PF_CAN")


def is_datagram_ctor(call):
    for arg in call.args:
        if mentions(arg.value, ("SOCK_DGRAM", "SOCK_RAW") + MESSAGE_FAMILIES):
            return True
    return False


# ---- what a rule needs before it can fire ------------------------------------------------

# Modules a known socket comes from: its constructor, annotation or base class is named
# through one of them (``_classify_call``, ``_classify_annotation``, ``_handler_attribute``).
SOCKET_MODULES = frozenset(
    name.split(".")[0] for name in (
        *tables.SOCKET_CONSTRUCTORS, *tables.SOCKET_PAIR_CONSTRUCTORS, *tables.SSL_WRAPPERS,
        *SOCKET_ANNOTATIONS, *SSL_ANNOTATIONS, *STREAM_HANDLERS))
_READER_MODULES = frozenset(name.split(".")[0] for name in (
    *READER_ANNOTATIONS, "asyncio.open_connection", "asyncio.open_unix_connection"))


class Evidence:
    """What a module's ``ast`` (its ``prefilter.Usage``) allows the analysis to conclude:
    the questions rules' gates ask before libcst parses the module. Each answer is False
    only when the analysis of the libcst tree could never conclude it, so a gate built
    from them is a necessary condition of its rule's findings."""

    def __init__(self, usage, settings):
        from lint_sockets.settings import compile_socket_names

        self.usage = usage
        self.settings = settings
        self.pattern = compile_socket_names(settings.socket_names or DEFAULT_SOCKET_NAMES)
        self._known = None

    def known_sockets(self):
        """Some binding can be a known socket (or SSL socket, or request handler's socket):
        a name from a socket module, or a call that makes one."""
        if self._known is None:
            usage = self.usage
            self._known = usage.mentions(*SOCKET_MODULES) or usage.calls(
                *tables.SOCKET_MAKING_METHODS)
        return self._known

    def readers(self):
        """Some name can be an asyncio StreamReader."""
        return self.usage.mentions(*_READER_MODULES)

    def socket_call(self, methods):
        """``x.m(...)`` with m in ``methods`` where x can be a known or likely socket."""
        usage = self.usage
        if self.known_sockets() and usage.calls(*methods):
            return True
        return usage.on_likely_socket(tables.SOCKET_SHAPED_METHODS.intersection(methods),
                                      self.pattern)

    def calls(self, *methods):
        return self.usage.calls(*methods)

    def called(self, *functions):
        return self.usage.called(*functions)

    def mentions(self, *words):
        return self.usage.mentions(*words)

    def errno_expressions(self):
        """Something ``ErrnoFacts.is_errno_expression`` or a handler's errno test can accept:
        ``e.errno`` / ``e.winerror`` / ``e.args[0]`` / ``e[0]`` / a local bound to one
        (``err, msg = e.args``), a helper with "errno" in its name, ``getattr(e, "errno", ...)``,
        or a connect_ex() / getsockopt() result."""
        usage = self.usage
        return (bool(usage.attributes & {"errno", "winerror", "args"})
                or bool(usage.handler_names & usage.subscripted)
                or "errno" in usage.getattr_strings
                or any("errno" in name.lower() for name in usage.names | usage.attributes)
                or self.calls("connect_ex", "getsockopt"))

    def imported_errno_refs(self):
        """A name compared for equality or membership that may hold another module's
        errnos: imported (``from .errors import RETRY``, ``errors.RETRY``), or a module
        constant made of such names (``RETRY = errors.RETRY``, ``(errors.A, errors.B)``).
        The project index reads what it holds (``ErrnoFacts.errno_set``), which the
        module's own text does not show."""
        usage = self.usage
        for ref in usage.compared_refs:
            for name in usage.module_aliases.get(ref, (ref,)):
                source = usage.imported.get(name.partition(".")[0])
                if source is not None and source not in _STANDARD_MODULES:
                    return True
        return False

    def qualified_call(self, qnames):
        """A call that can resolve to one of the qualified names ``qnames`` (``os.read``):
        its last part is called (or imported under another name) and its first part is
        named in the module."""
        return any(self.called(q.rpartition(".")[2]) and self.mentions(q.split(".")[0])
                   for q in qnames)


def _assignments(cls, attr):
    """A class's assignments to ``self.<attr>`` in any of its methods, ``None`` left out,
    and so is a declaration that assigns nothing (``sock: socket.socket`` in the class
    body: it says what the methods' assignments hold, it makes nothing)."""
    return [b for b in cls.attr_bindings.get(attr, ())
            if not (isinstance(b.value, cst.Name) and b.value.value == "None")
            and not (b.value is None and b.how == "assign" and b.annotation is not None)]


def _calls_of(uses, name, threads=False, defined=True):
    """[(scope, call)] for every use of the module-level name ``name`` (``uses``:
    ``_name_uses``), with ``threads`` the threads started on it too (as calls): None when
    one is not the function of a call (``callback=_read``, a thread unless ``threads``) or
    the name is bound anywhere but at module level, since another name's call is out of
    sight. ``defined``: the name is a function's, whose ``def`` the walk counts as one use
    (a class statement's name is not counted)."""
    calls, _, local, _, started, _, _, bare = uses
    if name in local:
        return None
    found = calls.get(name, [])
    if threads:
        found = found + started.get(name, [])
    # the ``def`` name is counted once (in the function's own walk), and each call's
    # function once: any other plain Name is another use (an attribute of that name is
    # another object's)
    return found if bare.get(name, 0) == int(defined) + len(found) else None


def _method_calls_of(uses, name, cls, threads=False):
    """[(scope, call)] for every use of the method name ``name`` of the class ``cls``, each
    a call ``self.name(...)`` in a method of that class (``uses``: ``_name_uses``), with
    ``threads`` a thread started on ``self.name`` there too; None when the name is used any
    other way (``callback=self._loop``, another object's method of the same name), since
    that call is out of sight."""
    calls, names, _, method_calls, _, method_started, plain, _ = uses
    found = method_calls.get(name, [])
    if threads:
        found = found + method_started.get(name, [])
    if any(scope.cls is not cls for scope, _ in found) or name in calls:
        return None
    # the ``def`` name is counted once, and each call's attribute name once; a plain name
    # outside a class body (a parameter ``inbox`` of another method) is not the method
    return found if names.get(name, 0) - plain.get(name, 0) == 1 + len(found) else None


def _name_uses(model):
    """In one walk of the module: the calls of each plain name, with the scope they are
    in; how many times each name occurs (attribute names included; a name in an
    annotation is a type, not a use, and is not counted); the names some
    function or class binds; the calls ``self.name(...)`` in methods, by name; the
    threads started on a plain name and on ``self.name`` (``thread_call``), as calls; how
    many of those occurrences are plain names outside any class body (a ``def``'s own
    name aside), which never name a method: a method is reached as an attribute, or by
    its bare name only in its class's body; and how many are plain names anywhere, which
    alone can name a function of the module (``transport.start_server()`` is another
    object's method)."""
    calls, names, local, method_calls, started, method_started = {}, {}, set(), {}, {}, {}
    plain, bare = {}, {}
    for scope in model.scopes:
        if scope is not model.module_scope:
            local.update(scope.bindings)
    scopes = [model.module_scope] + [s for s in model.scopes if s is not model.module_scope]
    for scope in scopes:
        if scope.kind == "class":
            continue
        node = scope.node
        own = None if scope is model.module_scope else node.name
        stack = [(child, False) for child in
                 (node.body if scope is model.module_scope else [node.name, node.body])]
        while stack:
            node, in_class = stack.pop()
            if type(node) is cst.Annotation:
                continue  # ``conn: Server = ...`` names a type: no call out of sight
            if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
                if isinstance(node, cst.ClassDef):
                    # a class body runs in its scope's sight
                    stack.extend((child, True) for child in node.body.body)
                    stack.extend((child, in_class) for child in node.decorators)
                    stack.extend((a.value, in_class) for a in node.bases)
                    stack.extend((a.value, in_class) for a in node.keywords)
                else:
                    # run where the function is defined
                    stack.extend((child, in_class) for child in node.decorators)
                    stack.extend((p.default, in_class) for p in _params(node)
                                 if p.default is not None)
                continue
            thread = thread_call(model.imports, node) if type(node) is cst.Call else None
            if thread is not None:
                target, call = thread
                if type(target) is cst.Name:
                    started.setdefault(target.value, []).append((scope, call))
                elif type(target) is cst.Attribute and scope.self_name is not None and \
                        type(target.value) is cst.Name and \
                        target.value.value == scope.self_name:
                    method_started.setdefault(target.attr.value, []).append((scope, call))
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Name):
                calls.setdefault(node.func.value, []).append((scope, node))
            elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and \
                    scope.self_name is not None and isinstance(node.func.value, cst.Name) \
                    and node.func.value.value == scope.self_name:
                method_calls.setdefault(node.func.attr.value, []).append((scope, node))
            elif isinstance(node, cst.Attribute):
                names[node.attr.value] = names.get(node.attr.value, 0) + 1
                stack.append((node.value, in_class))
                continue
            elif isinstance(node, cst.Name):
                names[node.value] = names.get(node.value, 0) + 1
                bare[node.value] = bare.get(node.value, 0) + 1
                if not in_class and node is not own:
                    plain[node.value] = plain.get(node.value, 0) + 1
            stack.extend((child, in_class) for child in iter_children(node))
    return calls, names, local, method_calls, started, method_started, plain, bare


def _params(function):
    params = function.params
    return [*params.posonly_params, *params.params, *params.kwonly_params]


def _is_method(scope):
    """``scope`` is a function defined in a class body."""
    return scope.cls is not None and scope.parent is not None and scope.parent.kind == "class"


def plain_decorators(function):
    """The function's decorators are at most ``@staticmethod`` and ``@classmethod``, which
    change nothing about who calls it or what a call passes."""
    return all(_decorator_name(d) in _PLAIN_DECORATORS for d in function.decorators)


_PLAIN_DECORATORS = frozenset({"staticmethod", "classmethod"})


def _decorator_name(decorator):
    return decorator.decorator.value if type(decorator.decorator) is cst.Name else None


def argument_position(scope, name):
    """The position of the parameter ``name`` of the function ``scope`` among the
    arguments a call passes (``self`` or ``cls`` left out for a method that is not a
    ``@staticmethod``: -1 for it), or None when it is keyword-only or no such
    parameter."""
    function = scope.node
    positional = [*function.params.posonly_params, *function.params.params]
    position = next((i for i, p in enumerate(positional) if p.name.value == name), None)
    if position is not None and _is_method(scope) and not any(
            _decorator_name(d) == "staticmethod" for d in function.decorators):
        position -= 1
    return position


def argument_for(scope, call, name):
    """What the call ``call`` of the function ``scope`` passes for its parameter ``name``
    (by position or keyword), or None."""
    position = argument_position(scope, name)
    return call_arg(call, -1 if position is None else position, name)


# Reads whose result a buffered reader may hand out as a memoryview (``.tobytes()``).
_MEMORYVIEW_READS = tables.READ_METHODS | tables.FILE_READ_METHODS


def _entered(value):
    """For ``stack.enter_context(cm)`` (``contextlib.ExitStack``'s): ``cm``, whose
    ``__enter__()`` result it gives, as ``with cm as v:`` binds it (a socket's is the
    socket itself); ``value`` otherwise."""
    if type(value) is cst.Call and type(value.func) is cst.Attribute and \
            value.func.attr.value == "enter_context" and len(value.args) == 1 and \
            value.args[0].keyword is None and not value.args[0].star:
        return value.args[0].value
    return value


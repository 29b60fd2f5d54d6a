"""The questions rules ask, answered from one ModuleModel.

- Is the receiver of this call a socket (known / likely / not)? Stream or datagram? SSL?
- What is its blocking state at this call?
- Which handler catches exception X raised by this call, and what does that handler do when
  the error is errno E (raise, return, break, continue, fall through, close, sleep)?
"""

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.model import (
    BLOCKING, CTOR, ENTRY, NONBLOCKING, SNDTIMEO, TIMEOUT, UNKNOWN, Handler, SuppressFrame,
    TryFrame, key_of, int_value, mentions, strip_await, iter_children,
)

KNOWN = "known"
LIKELY = "likely"
NOT_SOCKET = "not"

DEFAULT_SOCKET_NAMES = r"(?i)sock|(^|_)conn(ection)?s?(_|\d*$)"

_SOCKET_ANNOTATIONS = {"socket.socket", "socket.SocketType", "_socket.socket"}
_SSL_ANNOTATIONS = {"ssl.SSLSocket"}
_READER_ANNOTATIONS = {"asyncio.StreamReader", "asyncio.streams.StreamReader"}
_STREAM_HANDLERS = {"socketserver.StreamRequestHandler", "socketserver.BaseRequestHandler",
                    "http.server.BaseHTTPRequestHandler",
                    "http.server.SimpleHTTPRequestHandler"}
_STREAM_ONLY_HANDLERS = {"socketserver.StreamRequestHandler",
                         "http.server.BaseHTTPRequestHandler",
                         "http.server.SimpleHTTPRequestHandler"}
_NOT_HANDLERS = {"signal.SIG_IGN", "signal.SIG_DFL", "signal.Handlers.SIG_IGN",
                 "signal.Handlers.SIG_DFL", "signal.default_int_handler"}
SIGNAL = "signal"  # a partial-write cause: a signal handler interrupting a blocking send
_BYTES_FUNCS = {"bytes", "bytearray", "memoryview", "struct.pack", "pack", "zlib.compress"}
# Methods whose result is a socket whatever their receiver (``_classify_call``).
SOCKET_MAKING_METHODS = frozenset({"accept", "sock_accept", "wrap_socket"})
# The only methods ``socket_shaped`` accepts: a receiver is a likely socket on its name
# alone only in a call of one of these.
SOCKET_SHAPED_METHODS = frozenset({
    "recv", "recv_into", "recvfrom", "recvfrom_into", "recvmsg", "send", "sendall", "sendto",
    "accept", "listen", "getpeername", "setblocking", "fileno", "shutdown", "connect",
    "connect_ex", "bind", "settimeout", "setsockopt", "getsockopt", "makefile",
    "do_handshake", "close", "sendmsg", "sendfile",
})


class SocketInfo:
    __slots__ = ("confidence", "datagram", "ssl", "reader", "plain")

    def __init__(self, confidence, datagram=False, ssl=False, reader=False, plain=None):
        self.confidence = confidence
        self.datagram = datagram
        self.ssl = ssl  # some binding makes an SSL socket
        self.reader = reader  # an asyncio StreamReader (not a socket)
        self.plain = not ssl if plain is None else plain  # some binding makes a plain one

    def as_datagram(self):
        return SocketInfo(self.confidence, True, self.ssl, self.reader, self.plain)


_UNKNOWN_INFO = SocketInfo(UNKNOWN)
_NOT_INFO = SocketInfo(NOT_SOCKET)
_READER_INFO = SocketInfo(NOT_SOCKET, reader=True)


class Facts:
    def __init__(self, model, settings, source=None, project=None, module=None):
        self.model = model
        self.project = project  # the project's ProjectIndex, or None (the file alone)
        self.module_name = module  # this file's module name in ``project``
        self.source = source  # the file's text (str or bytes), for cheap "does it mention X"
        self.imports = model.imports
        self.settings = settings
        from lint_sockets.settings import compile_socket_names  # linear-time matching

        self.name_pattern = compile_socket_names(settings.socket_names or DEFAULT_SOCKET_NAMES)
        self._info_cache = {}
        self._aliases = {}
        self._errno_names = {}
        self._usage = None
        self._local_classes = {c.name: c for c in model.classes}
        self._other_names = None
        self._signal_handler = None

    # ---- which expressions are sockets ----------------------------------------------

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
        if rest:
            cls = scope.cls
            if cls is None or head != scope.self_name or "." in rest:
                return _UNKNOWN_INFO
            special = self._handler_attribute(cls, rest)
            if special is not None:
                return special
            return self._combine(cls.attr_bindings.get(rest, ()), depth)
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
        if attr == "request" and bases & _STREAM_HANDLERS:
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
        for binding in bindings:
            verdict = self._classify_binding(binding, depth)
            if verdict is None:
                continue
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
            if isinstance(node, cst.Subscript) and key_of(node.value) in (
                "Optional", "typing.Optional"
            ):
                node = node.slice[0].slice.value if node.slice else node
            if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr):
                for side in (node.left, node.right):
                    if not (isinstance(side, cst.Name) and side.value == "None"):
                        node = side
                        break
            qname = self.imports.qualify(node)
        if qname is None:
            return None
        if qname in _SOCKET_ANNOTATIONS:
            return SocketInfo(KNOWN)
        if qname in _SSL_ANNOTATIONS:
            return SocketInfo(KNOWN, ssl=True)
        if qname in _READER_ANNOTATIONS:
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
                return verdict
        if how in ("param", "for"):
            return _UNKNOWN_INFO
        value = binding.value
        if value is None:
            return None
        value = strip_await(value)
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
        return _UNKNOWN_INFO

    def _classify_call(self, call, binding, depth):
        qname = self.imports.qualify(call.func)
        index = binding.index
        if qname == "typing.cast" and call.args and index is None:
            # ``cast("Channel", x)`` states the type of what it returns
            verdict = self._classify_annotation(call.args[0].value)
            return verdict if verdict is not None else _UNKNOWN_INFO
        if qname in tables.SOCKET_CONSTRUCTORS:
            if index is not None:
                return _UNKNOWN_INFO
            return SocketInfo(KNOWN, datagram=_is_datagram_ctor(call))
        if qname in tables.SOCKET_PAIR_CONSTRUCTORS:
            if index is None:
                return _NOT_INFO
            return SocketInfo(KNOWN, datagram=_is_datagram_ctor(call))
        if qname in tables.SSL_WRAPPERS:
            return SocketInfo(KNOWN, ssl=True) if index is None else _UNKNOWN_INFO
        if qname in ("asyncio.open_connection", "asyncio.open_unix_connection"):
            if index is not None and index[0] == 0:
                return SocketInfo(NOT_SOCKET, reader=True)
            return _NOT_INFO
        func = call.func
        if isinstance(func, cst.Attribute):
            method = func.attr.value
            if method in ("accept", "sock_accept"):
                if index is not None and index[0] == 0 and index[1] == 2:
                    return SocketInfo(KNOWN)
                return _NOT_INFO if index is None else _UNKNOWN_INFO
            if method == "wrap_socket":
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
                if self._all_bases(local) & _SOCKET_ANNOTATIONS:
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
        if info.confidence != UNKNOWN:
            return info
        if key is None:
            return info
        last = key.rpartition(".")[2]
        if self.name_pattern.search(last) and self.socket_shaped(site) and \
                last not in self._names_of_other_things():
            return SocketInfo(LIKELY, info.datagram, info.ssl, plain=info.plain)
        return info

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

    def is_socket(self, site):
        """The receiver is a socket, known or likely."""
        return self.socket_confidence(site).confidence in (KNOWN, LIKELY)

    def socket_shaped(self, site):
        method = site.method
        if method not in SOCKET_SHAPED_METHODS:
            return False
        args = [a for a in site.node.args]
        positional = [a for a in args if a.keyword is None and not a.star]
        if method in ("recv", "recv_into", "recvfrom", "recvfrom_into", "recvmsg"):
            return 1 <= len(args) <= 3
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

    # ---- blocking state ----------------------------------------------------------------

    def state(self, site, key=None):
        """Blocking state of the receiver (or of the first argument, ``key=site.arg_key``)
        at this call."""
        if key is None:
            state, key = site.state, site.receiver_key
        elif key == site.arg_key:
            state = site.arg_state
        else:
            return UNKNOWN
        if state == ENTRY:
            state = self._entry_state(site.scope, key)
        if state == CTOR:
            state = self.model.default_timeout or BLOCKING
        return state or UNKNOWN

    def _entry_state(self, scope, key):
        head, _, rest = key.partition(".")
        if rest and scope.cls is not None and head == scope.self_name and "." not in rest:
            states = self._creation_states(scope.cls, rest)
            if states and len(states) == 1:
                return next(iter(states))
            if not scope.cls.attr_states.get(rest):
                bindings = scope.cls.attr_bindings.get(rest, ())
                created = [b for b in bindings if b.value is not None]
                if created and all(_is_plain_ctor(self.imports, b.value) for b in created):
                    return self.model.default_timeout or BLOCKING
            return UNKNOWN
        if not rest and scope.kind == "function":
            owner = scope.parent
            while owner is not None and owner.kind == "class":
                owner = owner.parent
            if owner is not None and owner.kind == "module" and key not in scope.bindings:
                value = self.model.module_state.get(key)
                if value is not None and value != ENTRY:
                    return CTOR if value == CTOR else value
        return UNKNOWN

    @staticmethod
    def _creation_states(cls, attr):
        """States set on ``self.attr`` where the class sets the socket up: in the method that
        creates it, or in ``__init__``/``setUp``. A switch made in one other method says
        nothing about the socket's state in the rest of the class."""
        states = set()
        key_suffix = "." + attr
        for state, method in cls.attr_states.get(attr, ()):
            name = method.node.name.value
            binds = any(k.endswith(key_suffix) and k.count(".") == 1 for k in method.bindings)
            if binds or name in ("__init__", "setUp", "setup", "__enter__"):
                states.add(state)
        return states

    def partial_write_modes(self, site):
        """How a ``send()`` on the receiver of ``site`` can return a short count, as far as
        the module shows: a set of TIMEOUT / NONBLOCKING / SNDTIMEO (the socket may be in
        that mode on some path to the call) and SIGNAL (the module installs a Python signal
        handler, which can interrupt a blocking send part-way). Empty when the socket is
        blocking on every path the analysis can see, or its mode cannot be seen at all."""
        modes = set()
        key = site.receiver_key
        if key is None:
            return modes
        if self.signal_handler_installed():
            modes.add(SIGNAL)
        if site.state == BLOCKING:
            return modes  # setblocking(True) / settimeout(None) on this path, in this function
        state = self.state(site)
        if state in (TIMEOUT, NONBLOCKING):
            modes.add(state)
        modes.update(site.partial or ())
        if site.timeo in ("send", "both"):
            modes.add(SNDTIMEO)
        head, _, rest = key.partition(".")
        cls = site.scope.cls
        if site.state == ENTRY:
            if rest and "." not in rest and cls is not None and head == site.scope.self_name:
                # a socket kept on self: some method of the class sets its mode
                modes.update(cls.attr_partial.get(rest, ()))
            elif not rest:
                modes.update(self._module_partial(site.scope, key))
        elif not rest and cls is not None and site.reaching:
            # ``sock = self.sock`` in a method: the class's modes for the attribute
            for binding in site.reaching:
                value = strip_await(binding.value) if binding.value is not None else None
                source = key_of(value) if value is not None and binding.index is None else None
                head, _, attr = (source or "").partition(".")
                if attr and "." not in attr and head == site.scope.self_name:
                    modes.update(cls.attr_partial.get(attr, ()))
        if state in (UNKNOWN, CTOR) and self.model.default_timeout in (TIMEOUT, NONBLOCKING):
            # socket.setdefaulttimeout() holds for every socket the process makes afterwards
            modes.add(self.model.default_timeout)
        return modes

    def _module_partial(self, scope, key):
        """Partial-write modes of a module-level socket a function uses without binding it."""
        owner = scope.parent
        while owner is not None and owner.kind == "class":
            owner = owner.parent
        if scope.kind != "function" or owner is None or owner.kind != "module" or \
                key in scope.bindings:
            return ()
        return self.model.module_state.get(key + "#p", ())

    def signal_handler_installed(self):
        """The module installs a Python-level signal handler: ``signal.signal(SIG, func)``
        with a callable, not ``SIG_IGN``, ``SIG_DFL``, ``None``, ``default_int_handler`` (it
        raises, so nothing goes on after the interrupted call) or a handler saved from
        ``getsignal()``/an earlier ``signal.signal()`` (restoring what was there)."""
        cached = self._signal_handler
        if cached is None:
            cached = any(self._installs_handler(site) for site in self.model.signal_calls)
            self._signal_handler = cached
        return cached

    def _installs_handler(self, site):
        handler = site.argument(1, "handler")
        if handler is None:
            return False
        handler = strip_await(handler)
        if isinstance(handler, cst.Lambda):
            return True
        key = key_of(handler)
        if key is None:
            return False
        if self.imports.qualify_key(key) in _NOT_HANDLERS or key == "None":
            return False
        if "." in key:
            head, _, rest = key.partition(".")
            # ``self._on_signal``: a method of this class
            return head == site.scope.self_name and "." not in rest
        owner = site.scope
        while owner is not None:
            bindings = owner.bindings.get(key)
            if bindings:
                return all(b.how == "def" for b in bindings)
            owner = owner.parent
        return False

    def is_nonblocking(self, site, key=None):
        return self.state(site, key) == NONBLOCKING

    def is_blocking_or_timeout(self, site, key=None):
        return self.state(site, key) in (BLOCKING, TIMEOUT)

    # ---- guards ----------------------------------------------------------------------

    def catching_frame(self, site, exc):
        """(frame, handler) of the innermost guard that catches ``exc``, else (None, None)."""
        for frame in reversed(site.guards):
            if isinstance(frame, SuppressFrame):
                if frame.catches(exc):
                    return frame, None
            else:
                handler = frame.handler_for(exc)
                if handler is not None:
                    return frame, handler
        return None, None

    def handler_outcome(self, handler, exc, errno):
        return HandlerEval(self, handler, exc, errno).outcome()

    # ---- module-wide facts -----------------------------------------------------------

    def mentions(self, word):
        """True if the module's code contains ``word`` outside comments (as a name, an
        attribute or in a string)."""
        source = self.source
        if source is None:
            return True  # unknown: assume it does, so no rule fires on a guess
        if isinstance(source, bytes):
            source = source.decode("latin-1")  # byte-for-byte: enough to find ASCII names
        start = source.find(word)
        while start != -1:
            line_start = source.rfind("\n", 0, start) + 1
            if "#" not in source[line_start:start]:
                return True
            start = source.find(word, start + 1)
        return False

    def handler_aliases(self, handler):
        """Local names an except handler binds to its exception's errno."""
        cached = self._aliases.get(id(handler))
        if cached is None:
            evaluation = HandlerEval(self, handler, "OSError", None)
            evaluation.outcome()
            cached = frozenset(evaluation.aliases)
            self._aliases[id(handler)] = cached
        return cached

    def is_errno_expression(self, node, scope, handler):
        """``e.errno`` / ``e.args[0]`` / a local holding them (inside ``handler``), the result
        of ``connect_ex()`` or of ``getsockopt(SOL_SOCKET, SO_ERROR)``, direct or bound to a
        name in the same function."""
        node = strip_await(node)
        if handler is not None and handler.name is not None:
            evaluation = HandlerEval(self, handler, "OSError", None)
            evaluation.aliases = set(self.handler_aliases(handler))
            if evaluation.is_errno_expr(node):
                return True
        if isinstance(node, cst.Call):
            return _errno_call(node)
        key = key_of(node)
        if key is None or "." in key:
            return False
        return key in self._errno_result_names(scope)

    def _errno_result_names(self, scope):
        names = self._errno_names.get(id(scope))
        if names is None:
            names = set()
            for site in self.model.calls_in(scope):
                if site.role == "assign" and site.direct and _errno_call(site.node):
                    names.update(site.targets)
            self._errno_names[id(scope)] = names
        return names

    def errno_comparisons(self, root, wanted):
        """Comparisons under ``root`` (not inside nested functions) with a side whose errno set
        contains ``wanted``."""
        found = []
        stack = [root]
        while stack:
            node = stack.pop()
            if isinstance(node, cst.Comparison):
                for side in [node.left] + [t.comparator for t in node.comparisons]:
                    values = self.errno_set(side)
                    if values and wanted in values:
                        found.append(node)
                        break
            if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
                continue
            stack.extend(reversed(list(iter_children(node))))
        return found

    def module_checks_so_error(self):
        for site in self.model.calls:
            if site.method == "getpeername":
                return True
            if site.method == "getsockopt":
                for arg in site.node.args:
                    if mentions(arg.value, "SO_ERROR"):
                        return True
        return False

    def errno_set(self, node, depth=0):
        """Canonical errno names an expression stands for, or None when it cannot be known."""
        node = strip_await(node)
        if isinstance(node, (cst.Tuple, cst.List, cst.Set)):
            result = set()
            for element in node.elements:
                inner = self.errno_set(element.value, depth)
                if inner is None:
                    return None
                result |= inner
            return result
        number = int_value(node)
        if number is not None:
            name = tables.errno_for_number(number)
            return {name} if name else set()
        if isinstance(node, cst.Call) and len(node.args) == 1 and key_of(node.func) in (
            "frozenset", "set", "tuple", "list"
        ):
            return self.errno_set(node.args[0].value, depth)
        if isinstance(node, cst.BinaryOperation) and isinstance(
            node.operator, (cst.Add, cst.BitOr)
        ):
            left = self.errno_set(node.left, depth)
            right = self.errno_set(node.right, depth)
            if left is None or right is None:
                return None
            return left | right
        key = key_of(node)
        if key is None:
            return None
        qname = self.imports.qualify_key(key)
        last = qname.rpartition(".")[2]
        if last.startswith("SSL_ERROR_"):
            return {last}
        if last.isupper() and (last.startswith("E") or last.startswith("WSAE")):
            canonical = tables.canonical_errno(last)
            return {canonical}
        if "." not in key and key in self.model.constants and depth < 3:
            return self.errno_set(self.model.constants[key], depth + 1)
        return None


def _errno_call(node):
    """``x.connect_ex(addr)`` or ``x.getsockopt(SOL_SOCKET, SO_ERROR)``: calls that return an
    errno number."""
    if not isinstance(node, cst.Call) or not isinstance(node.func, cst.Attribute):
        return False
    method = node.func.attr.value
    if method == "connect_ex":
        return True
    return method == "getsockopt" and any(mentions(a.value, "SO_ERROR") for a in node.args)


def _is_plain_ctor(imports, value):
    value = strip_await(value)
    return isinstance(value, cst.Call) and imports.qualify(value.func) in tables.SOCKET_CONSTRUCTORS


def _is_datagram_ctor(call):
    for arg in call.args:
        if mentions(arg.value, ("SOCK_DGRAM", "SOCK_RAW")):
            return True
    return False


# ---- what a rule needs before it can fire ------------------------------------------------

# Modules a known socket comes from: its constructor, annotation or base class is named
# through one of them (``_classify_call``, ``_classify_annotation``, ``_handler_attribute``).
SOCKET_MODULES = frozenset(
    name.split(".")[0] for name in (
        *tables.SOCKET_CONSTRUCTORS, *tables.SOCKET_PAIR_CONSTRUCTORS, *tables.SSL_WRAPPERS,
        *_SOCKET_ANNOTATIONS, *_SSL_ANNOTATIONS, *_STREAM_HANDLERS))
_READER_MODULES = frozenset(name.split(".")[0] for name in (
    *_READER_ANNOTATIONS, "asyncio.open_connection", "asyncio.open_unix_connection"))


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
                *SOCKET_MAKING_METHODS)
        return self._known

    def readers(self):
        """Some name can be an asyncio StreamReader."""
        return self.usage.mentions(*_READER_MODULES)

    def socket_call(self, methods):
        """``x.m(...)`` with m in ``methods`` where x can be a known or likely socket."""
        usage = self.usage
        if self.known_sockets() and usage.calls(*methods):
            return True
        return usage.on_likely_socket(SOCKET_SHAPED_METHODS.intersection(methods),
                                      self.pattern)

    def calls(self, *methods):
        return self.usage.calls(*methods)

    def called(self, *functions):
        return self.usage.called(*functions)

    def mentions(self, *words):
        return self.usage.mentions(*words)

    def qualified_call(self, qnames):
        """A call that can resolve to one of the qualified names ``qnames`` (``os.read``):
        its last part is called (or imported under another name) and its first part is
        named in the module."""
        return any(self.called(q.rpartition(".")[2]) and self.mentions(q.split(".")[0])
                   for q in qnames)


# ---- handler evaluation ------------------------------------------------------------------

RAISE = "raise"
RETURN = "return"
BREAK = "break"
CONTINUE = "continue"
FALL = "fall"
CLOSE = "close"
SLEEP = "sleep"
TERMINAL = (RAISE, RETURN, BREAK, CONTINUE)


class Outcome:
    """What a handler does for one exception/errno: the set of paths, and its errno tests."""

    __slots__ = ("paths", "tests_errno", "errnos_tested")

    def __init__(self, paths, tests_errno, errnos_tested):
        self.paths = paths  # set of frozensets of flags; each path has one terminal flag
        self.tests_errno = tests_errno  # any errno / isinstance test at all
        self.errnos_tested = errnos_tested  # canonical errno names the tests mention

    def all_paths(self, predicate):
        return bool(self.paths) and all(predicate(p) for p in self.paths)

    def any_path(self, predicate):
        return any(predicate(p) for p in self.paths)


class HandlerEval:
    def __init__(self, facts, handler, exc, errno):
        self.facts = facts
        self.handler = handler
        self.exc = tables.canonical_exception(exc)
        self.errno = errno
        self.exc_name = handler.name
        self.aliases = set()  # local names holding the errno
        self.tests_errno = False
        self.errnos_tested = set()
        # the class really raised for this errno (OSError(EMFILE) is a plain OSError)
        self.raised = tables.EXCEPTION_FOR_ERRNO.get(errno, self.exc) if errno else self.exc

    def outcome(self):
        body = self.handler.node.body
        paths = self.block(_statements(body), {frozenset()})
        return Outcome(paths, self.tests_errno, self.errnos_tested)

    def block(self, statements, open_paths):
        """Run statements over the open paths; returns the set of finished paths."""
        finished = set()
        for stmt in statements:
            if not open_paths:
                break
            done, open_paths = self.statement(stmt, open_paths)
            finished |= done
        return finished | {p | {FALL} for p in open_paths}

    def statement(self, stmt, open_paths):
        """Returns (finished paths, open paths) after one statement."""
        if isinstance(stmt, cst.SimpleStatementLine) or isinstance(stmt, cst.SimpleStatementSuite):
            for small in stmt.body:
                done, open_paths = self.small(small, open_paths)
                if done:
                    return done, set()
            return set(), open_paths
        if isinstance(stmt, cst.If):
            return self.if_statement(stmt, open_paths)
        if isinstance(stmt, (cst.Try, cst.TryStar)):
            paths = self.block(_statements(stmt.body), open_paths)
            for handler in stmt.handlers:
                paths |= self.block(_statements(handler.body), open_paths)
            return _split(paths)
        if isinstance(stmt, cst.With):
            self.scan_expressions([item.item for item in stmt.items], open_paths)
            return _split(self.block(_statements(stmt.body), open_paths))
        if isinstance(stmt, (cst.For, cst.While)):
            inner = self.block(_statements(stmt.body), open_paths)
            done = set()
            still_open = set(open_paths)
            for path in inner:
                if BREAK in path or CONTINUE in path or FALL in path:
                    still_open.add(path - {BREAK, CONTINUE, FALL})
                else:
                    done.add(path)
            return done, still_open
        if isinstance(stmt, cst.Match):
            paths = set()
            for case in stmt.cases:
                paths |= self.block(_statements(case.body), open_paths)
            return _split(paths)
        return set(), open_paths  # def, class: nothing runs now

    def if_statement(self, stmt, open_paths):
        verdict = self.test(stmt.test)
        self.scan_expressions([stmt.test], open_paths)
        paths = set()
        if verdict is not False:
            paths |= self.block(_statements(stmt.body), open_paths)
        if verdict is not True:
            orelse = stmt.orelse
            if isinstance(orelse, cst.If):
                done, still_open = self.if_statement(orelse, open_paths)
                paths |= done | {p | {FALL} for p in still_open}
            elif isinstance(orelse, cst.Else):
                paths |= self.block(_statements(orelse.body), open_paths)
            else:
                paths |= {p | {FALL} for p in open_paths}
        return _split(paths)

    def small(self, small, open_paths):
        if isinstance(small, cst.Raise):
            return {p | {RAISE} for p in open_paths}, set()
        if isinstance(small, cst.Return):
            if small.value is not None:
                open_paths = self.scan_expressions([small.value], open_paths)
            return {p | {RETURN} for p in open_paths}, set()
        if isinstance(small, cst.Break):
            return {p | {BREAK} for p in open_paths}, set()
        if isinstance(small, cst.Continue):
            return {p | {CONTINUE} for p in open_paths}, set()
        if isinstance(small, cst.Assign):
            if self.is_errno_expr(small.value):
                # ``err = e.errno``
                for target in small.targets:
                    if isinstance(target.target, cst.Name):
                        self.aliases.add(target.target.value)
            elif len(small.targets) == 1 and self._is_args(small.value):
                # ``err, msg = e.args``
                target = small.targets[0].target
                if (isinstance(target, (cst.Tuple, cst.List)) and target.elements
                        and isinstance(target.elements[0].value, cst.Name)):
                    self.aliases.add(target.elements[0].value.value)
        exprs = [child for child in iter_children(small) if isinstance(child, cst.BaseExpression)]
        open_paths = self.scan_expressions(exprs, open_paths)
        for expr in exprs:
            if self.is_exit_call(expr):
                return {p | {RAISE} for p in open_paths}, set()
        return set(), open_paths

    def _is_args(self, node):
        return (isinstance(node, cst.Attribute) and node.attr.value == "args"
                and isinstance(node.value, cst.Name) and node.value.value == self.exc_name)

    def is_exit_call(self, expr):
        expr = strip_await(expr)
        if isinstance(expr, cst.Call):
            qname = self.facts.imports.qualify(expr.func)
            return qname in ("sys.exit", "os._exit", "exit", "quit", "os.abort")
        return False

    def scan_expressions(self, exprs, open_paths):
        """Add close/sleep flags for calls inside the expressions."""
        flags = set()
        stack = list(exprs)
        while stack:
            node = stack.pop()
            if isinstance(node, cst.Lambda):
                continue
            if isinstance(node, cst.Call):
                func = node.func
                if isinstance(func, cst.Attribute) and func.attr.value in tables.CLOSE_METHODS:
                    flags.add(CLOSE)
                qname = self.facts.imports.qualify(func)
                if qname in tables.SLEEP_CALLS or qname == "os.close":
                    flags.add(SLEEP if qname != "os.close" else CLOSE)
                if isinstance(func, cst.Name) and func.value == "isinstance":
                    self.tests_errno = True
            if isinstance(node, cst.Comparison):
                self.test(node)
            stack.extend(iter_children(node))
        if not flags:
            return open_paths
        return {p | flags for p in open_paths}

    # ---- tests -----------------------------------------------------------------------

    def is_errno_expr(self, node):
        node = strip_await(node)
        if isinstance(node, cst.Name):
            return node.value in self.aliases
        if isinstance(node, cst.Attribute):
            if node.attr.value in ("errno", "winerror") and self._is_exc(node.value):
                return True
            return False
        if isinstance(node, cst.Subscript) and len(node.slice) == 1:
            index = node.slice[0].slice
            if isinstance(index, cst.Index) and int_value(index.value) == 0:
                target = node.value
                if isinstance(target, cst.Attribute) and target.attr.value == "args":
                    return self._is_exc(target.value)
                return self._is_exc(target)
        if isinstance(node, cst.Call) and len(node.args) == 1 and self._is_exc(node.args[0].value):
            # ``errno_from_exception(e)`` and similar helpers
            name = key_of(node.func) or ""
            if "errno" in name.rpartition(".")[2].lower():
                return True
        if isinstance(node, cst.Call) and key_of(node.func) == "getattr" and node.args:
            first = node.args[0].value
            second = node.args[1].value if len(node.args) > 1 else None
            return (self._is_exc(first) and isinstance(second, cst.SimpleString)
                    and second.evaluated_value == "errno")
        return False

    def _is_exc(self, node):
        if self.exc_name is not None and isinstance(node, cst.Name):
            return node.value == self.exc_name
        # ``sys.exc_info()[1].errno`` and other spellings: accept any attribute chain
        return False

    def test(self, node):
        """True / False / None (unknown) for a condition under this handler's assumption."""
        node = strip_await(node)
        if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Not):
            inner = self.test(node.expression)
            return None if inner is None else not inner
        if isinstance(node, cst.BooleanOperation):
            left = self.test(node.left)
            right = self.test(node.right)
            if isinstance(node.operator, cst.And):
                if left is False or right is False:
                    return False
                if left is True and right is True:
                    return True
                return None
            if left is True or right is True:
                return True
            if left is False and right is False:
                return False
            return None
        if isinstance(node, cst.Call) and key_of(node.func) == "isinstance" and len(node.args) == 2:
            if not self._is_exc(node.args[0].value):
                return None
            self.tests_errno = True
            classes = []
            for element in _flat_elements(node.args[1].value):
                qname = self.facts.imports.qualify(element)
                if qname is None:
                    return None
                classes.append(tables.canonical_exception(qname))
            ancestors = tables.exception_ancestors(self.raised)
            if not ancestors:
                return None
            return any(c in ancestors for c in classes)
        if isinstance(node, cst.Comparison) and len(node.comparisons) == 1:
            left = node.left
            target = node.comparisons[0]
            right = target.comparator
            if self.is_errno_expr(right) and not self.is_errno_expr(left):
                left, right = right, left
            if not self.is_errno_expr(left):
                return None
            self.tests_errno = True
            values = self.facts.errno_set(right)
            if values is None:
                return None
            self.errnos_tested |= values
            if self.errno is None:
                return None
            hit = self.errno in values
            operator = target.operator
            if isinstance(operator, (cst.Equal, cst.Is, cst.In)):
                return hit
            if isinstance(operator, (cst.NotEqual, cst.IsNot, cst.NotIn)):
                return not hit
            return None
        return None


def _flat_elements(node):
    if isinstance(node, (cst.Tuple, cst.List)):
        result = []
        for element in node.elements:
            result.extend(_flat_elements(element.value))
        return result
    return [node]


def _statements(suite):
    if isinstance(suite, cst.IndentedBlock):
        return list(suite.body)
    return [suite]


def _split(paths):
    """Finished paths and, from the fall-through ones, the still-open paths."""
    done = set()
    still_open = set()
    for path in paths:
        if FALL in path:
            still_open.add(path - {FALL})
        else:
            done.add(path)
    return done, still_open


__all__ = [
    "Facts", "SocketInfo", "KNOWN", "LIKELY", "NOT_SOCKET", "UNKNOWN", "NONBLOCKING",
    "BLOCKING", "TIMEOUT", "SNDTIMEO", "SIGNAL", "RAISE", "RETURN", "BREAK", "CONTINUE",
    "FALL", "CLOSE", "SLEEP",
    "Handler", "TryFrame", "SuppressFrame", "Outcome",
]

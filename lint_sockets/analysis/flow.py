"""Blocking state of a socket at a point in the code: the states, how settimeout() and
friends set them, how branches merge, and the facts rules ask (``Facts.state``, how a
``send()`` can write part of its data)."""

from __future__ import annotations

import enum

import libcst as cst

from lint_sockets.analysis.identity import (
    KNOWN, LIKELY, argument_position, is_plain_ctor, plain_decorators,
)
from lint_sockets.analysis.eof import none_test
from lint_sockets.analysis.index import RETURNED, EnvDefault, Setting, ValueKind
from lint_sockets.analysis.nodes import (
    PROGRAM_EXIT_CALLS, collect_ids, declared_names, first_item, int_value, is_docstring,
    iter_children, key_of, number_value, strip_await, struct_size, target_keys, walk,
)
from lint_sockets.analysis.tables import (
    SLEEP_CALLS, SOCKET_CONSTRUCTORS, UNSPECIFIED_HOSTS, is_loopback_host,
)


def _empty_literal(node):
    """``node`` is a literal that is false: ``None``, ``False``, ``""``, ``0``."""
    if type(node) is cst.Name:
        return node.value in ("None", "False")
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        return node.evaluated_value in ("", b"")
    return type(node) is cst.Integer and node.evaluated_value == 0


class Blocking(enum.Enum):
    """Blocking state of a socket at a point in the code."""

    NONBLOCKING = "non-blocking"
    BLOCKING = "blocking"
    TIMEOUT = "timeout"
    UNKNOWN = "unknown"
    ENTRY = "entry"  # whatever it was when the function was entered; resolved after the walk
    CTOR = "ctor"  # as created by socket.socket(); depends on setdefaulttimeout in the module
    SNDTIMEO = "sndtimeo"  # SO_SNDTIMEO set with setsockopt (a partial mode, not a flow state)


NONBLOCKING = Blocking.NONBLOCKING
BLOCKING = Blocking.BLOCKING
TIMEOUT = Blocking.TIMEOUT
UNKNOWN = Blocking.UNKNOWN
ENTRY = Blocking.ENTRY
CTOR = Blocking.CTOR
SNDTIMEO = Blocking.SNDTIMEO
PARTIAL_MODES = (TIMEOUT, NONBLOCKING)


def timeout_state(value: cst.BaseExpression) -> Blocking:
    """State after settimeout(value). A variable is taken as a real timeout: code that
    wants a non-blocking socket says setblocking(False) or settimeout(0)."""
    if isinstance(value, cst.Name) and value.value == "None":
        return BLOCKING
    number = number_value(value)
    if number is None:
        return TIMEOUT
    return NONBLOCKING if number == 0 else TIMEOUT


def mode_set_by(site) -> Blocking:
    """The state a ``setblocking(flag)`` or ``settimeout(value)`` call leaves its socket
    in: BLOCKING for ``setblocking(True)`` and ``settimeout(None)``, NONBLOCKING for
    ``setblocking(False)`` and ``settimeout(0)``, TIMEOUT for another timeout; UNKNOWN when
    the argument cannot be read."""
    if site.method == "setblocking":
        flag = site.positional(0)
        value = number_value(flag) if flag is not None else None
        if isinstance(flag, cst.Name) and flag.value in ("True", "False"):
            value = 1 if flag.value == "True" else 0
        if value is None:
            return UNKNOWN
        return BLOCKING if value else NONBLOCKING
    value = site.argument(0, "value")
    return timeout_state(value) if value is not None else UNKNOWN


def merge_states(branches, touched):
    """Join the flow states of branches that left one common state, where only the keys in
    ``touched`` can differ: a key keeps its blocking state only if every branch agrees."""
    merged = dict(branches[0])
    for key in touched:
        if key.endswith("#p"):
            # Partial-write modes: those of any branch (a "may" fact, unlike the state).
            modes = frozenset().union(*[s.get(key, frozenset()) for s in branches])
            if modes:
                merged[key] = modes
            else:
                merged.pop(key, None)
            continue
        if key.endswith("#b"):
            # Bindings that may reach: the union; none when some path has none of its own.
            sets = [s.get(key) for s in branches]
            if all(v is not None for v in sets):
                merged[key] = frozenset().union(*sets)
            else:
                merged.pop(key, None)
            continue
        values = {s.get(key, ENTRY) for s in branches}
        if len(values) == 1:
            value = values.pop()
            if value != ENTRY:
                merged[key] = value
            else:
                merged.pop(key, None)
        else:
            merged[key] = UNKNOWN
    return merged


_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)
_NESTED = (cst.FunctionDef, cst.ClassDef, cst.Lambda)


def _ids_in_comprehensions(root):
    """ids of the nodes of a function's own body that sit inside a comprehension or a
    generator expression (nested functions and classes are other scopes)."""
    found = set()
    body = getattr(root, "body", None)
    if body is None:
        return found
    children = body if isinstance(body, (list, tuple)) else body.children
    stack = [(child, False) for child in children]
    while stack:
        node, inside = stack.pop()
        if isinstance(node, _NESTED):
            continue
        if inside:
            found.add(id(node))
        inside = inside or isinstance(node, _COMPREHENSIONS)
        stack.extend((child, inside) for child in node.children)
    return found


_NOT_HANDLERS = {"signal.SIG_IGN", "signal.SIG_DFL", "signal.Handlers.SIG_IGN",
                 "signal.Handlers.SIG_DFL", "signal.default_int_handler"}

SIGNAL = "signal"  # a partial-write cause: a signal handler interrupting a blocking send


class FlowFacts:
    """The blocking-state questions of ``Facts``."""

    def stored_on_self(self, scope, key):
        """The attributes (``sock`` for ``self.sock = key``) a local socket is stored in by
        the function ``scope``."""
        return _stored_on_self(scope, key)

    def repeated(self, site):
        """The call can run more than once per call of its function: it is inside a loop of
        the function, a comprehension or generator expression, or a lambda."""
        return bool(site.loops) or site.in_lambda or self._in_comprehension(site)

    def _in_comprehension(self, site):
        memo_key = f"flow.comprehensions:{id(site.scope)}"
        inside = self._memo.get(memo_key)
        if inside is None:
            inside = self._memo[memo_key] = _ids_in_comprehensions(site.scope.node)
        return id(site.node) in inside

    def repeated_on_same_socket(self, site):
        """The call can run more than once on the same socket object per call of its
        function: ``repeated``, except for a call in loops that also make its receiver
        afresh on every pass (every binding that reaches the call is inside each loop around
        the call), where each socket sees the call once."""
        if not self.repeated(site):
            return False
        if site.in_lambda or not site.reaching or self._in_comprehension(site):
            return True
        loops = set(site.loops)
        return not all(loops <= set(binding.loops) for binding in site.reaching)

    def left_after_first_pass(self, site):
        """The call is in one loop of its function (no comprehension, generator expression
        or lambda around it), and the loop is always left after it (``leaves_loop``: a
        ``return``, ``break`` or ``raise`` later in its block or the blocks around it inside
        the loop): it completes at most once per call of its function, whatever the loop
        goes over (``for addr in addresses: sock.sendto(data, addr); return``)."""
        return len(site.loops) == 1 and site.leaves_loop and not site.in_lambda and \
            not self._in_comprehension(site)

    def set_in_function(self, site):
        """The receiver's blocking state at the call comes from the call's own function
        (it made the socket there, or switched its mode there), not from its caller or
        from another method of the class."""
        return site.state is not None and site.state != ENTRY

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
            states = self._creation_states(scope.cls, rest, scope)
            if states and len(states) == 1:
                return next(iter(states))
            if not scope.cls.attr_states.get(rest):
                bindings = scope.cls.attr_bindings.get(rest, ())
                created = [b for b in bindings if b.value is not None]
                if created and all(is_plain_ctor(self.imports, b.value) for b in created):
                    return self.model.default_timeout or BLOCKING
                if created and all(isinstance(b.value, (cst.Call, cst.Name))
                                   for b in created) and \
                        self.project is not None and self.module_name is not None:
                    # ``self.sock = net.make_listener()`` (also through a local name) in
                    # the class itself, a factory that makes it non-blocking, and no
                    # method of the class switches it
                    modes = (self._project_settings(scope, key) or frozenset()) & \
                        _MODE_SETTINGS
                    if modes == {Setting.NONBLOCKING}:
                        return NONBLOCKING
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
    def _creation_states(cls, attr, at=None):
        """States set on ``self.attr`` where the class sets the socket up: in the method that
        creates it, or in ``__init__``/``setUp``. A switch made in one other method says
        nothing about the socket's state in the rest of the class. Asked for the entry of
        the method ``at``: when ``at`` binds ``self.attr`` itself, its own switches are of
        the socket it binds, not of the one it finds there (``self.sock, _ =
        self.sock.accept()`` then ``self.sock.setblocking(False)``: the listener accepted on
        is not made non-blocking)."""
        states = set()
        key_suffix = "." + attr
        for state, method in cls.attr_states.get(attr, ()):
            name = method.node.name.value
            binds = any(k.endswith(key_suffix) and k.count(".") == 1 for k in method.bindings)
            if binds and method is at:
                continue
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
        state = self.state(site) if site.state != BLOCKING else BLOCKING
        if state not in (TIMEOUT, NONBLOCKING) and self.signal_handler_installed():
            # a signal cuts short only a send(2) that blocks; in timeout mode CPython waits
            # in poll() (retried after a handler returns, PEP 475), then makes one
            # non-blocking send(2), which no signal interrupts part-way
            modes.add(SIGNAL)
        if site.state == BLOCKING:
            return modes  # setblocking(True) / settimeout(None) on this path, in this function
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
            # ``self._on_signal``: a method of this class, unless it always ends the
            # program or raises
            if head != site.scope.self_name or "." in rest:
                return False
            cls = site.scope.cls
            methods = [m.node for m in cls.methods if isinstance(m.node, cst.FunctionDef)
                       and m.node.name.value == rest] if cls is not None else []
            return not (methods and all(self._always_exits(m.body) for m in methods))
        owner = site.scope
        while owner is not None:
            bindings = owner.bindings.get(key)
            if bindings:
                # a handler that always ends the program or raises (``sys.exit()``,
                # ``os._exit(0)``) is like ``default_int_handler``: nothing goes on after
                # the interrupted call
                return all(b.how == "def" for b in bindings) and not all(
                    isinstance(b.node, cst.FunctionDef) and self._always_exits(b.node.body)
                    for b in bindings)
            owner = owner.parent
        return False

    def _always_exits(self, block):
        """Every path through the block ends in ``raise`` or a call that ends the program
        (``sys.exit()``, ``os._exit()``, ``exit()``, ``quit()``, ``os.abort()``)."""
        body = block.body if isinstance(block, cst.IndentedBlock) else None
        if not body:
            return isinstance(block, cst.SimpleStatementSuite) and bool(block.body) and \
                self._exits_small(block.body[-1])
        last = body[-1]
        if isinstance(last, cst.SimpleStatementLine):
            return bool(last.body) and self._exits_small(last.body[-1])
        if isinstance(last, cst.Try):
            if last.finalbody is not None and self._always_exits(last.finalbody.body):
                return True
            return self._always_exits(last.body) and all(
                self._always_exits(handler.body) for handler in last.handlers)
        if isinstance(last, cst.If):
            branch = last
            while isinstance(branch, cst.If):
                if not self._always_exits(branch.body):
                    return False
                branch = branch.orelse
            return branch is not None and self._always_exits(branch.body)
        return False

    def paced_by_sleep(self, site):
        """A sleep follows the call (``sock.sendto(msg, addr)`` then ``time.sleep(0.02)``), in
        the block that holds it or in a block around it, and nothing between them can leave
        (no ``return``, ``raise``, ``break`` or ``continue``, nor ``yield`` or ``await``) or
        go round a loop: every time the call runs, a pause follows, however often its
        function is called or its loop goes round; or, in the innermost loop around it, a
        sleep precedes it in every pass (``_paused_before_in_pass``). A sleep of a literal
        zero is no pause."""
        scope = site.scope
        if site.stmt is None or site.in_lambda or scope.kind not in ("function", "module"):
            return False
        body = scope.node.body
        path = _path_to(body if isinstance(body, (list, tuple)) else _lines(body), site.stmt)
        if path is None:
            return False
        lines, index, _, _ = path[-1]
        line = lines[index]
        rest = line.body[[id(s) for s in line.body].index(id(site.stmt)) + 1:]
        for small in rest:  # ``sock.sendto(msg, addr); time.sleep(1)``
            if self.is_pause(small):
                return True
            if _may_leave(small):
                return False
        if _first_after(path, lambda stmt: isinstance(
                stmt, cst.SimpleStatementLine) and any(self.is_pause(s) for s in stmt.body)):
            return True
        return self._paused_before_in_pass(site)

    def _paused_before_in_pass(self, site):
        """In the innermost loop around the call, a sleep comes before it in every pass that
        reaches it: a statement of its own, earlier in the block that holds the call or in a
        block around it inside the loop's body (``while True: time.sleep(0.2); data, addr =
        sock.recvfrom(n); ... sock.sendto(reply, addr)``). Each call then follows a pause."""
        loop = site.loops[-1] if site.loops else None
        if loop is None or site.stmt is None or site.in_lambda:
            return False
        path = _path_to(_lines(loop.node.body), site.stmt)
        if path is None:
            return False
        for lines, index, _, _ in path:
            for stmt in lines[:index]:
                if isinstance(stmt, cst.SimpleStatementLine) and \
                        any(self.is_pause(s) for s in stmt.body):
                    return True
        lines, index, _, _ = path[-1]
        line = lines[index]
        before = line.body[:[id(s) for s in line.body].index(id(site.stmt))]
        return any(self.is_pause(small) for small in before)

    def closed_in_same_pass(self, site, key, loop):
        """The object ``key`` (the connection ``site`` accepted) is closed before ``loop``
        goes round again: after the statement holding the call, in its block or in a block
        around it inside the loop, comes ``with key:``, ``key.close()``, or a ``try`` whose
        ``finally`` closes it, and nothing between can leave that block (``continue``,
        ``break``, ``return``, ``raise``, ``yield``, ``await``). The loop then holds one
        such object at a time."""
        if site.stmt is None or site.in_lambda:
            return False
        path = _path_to(_lines(loop.node.body), site.stmt)
        if path is None:
            return False
        return _first_after(path, lambda stmt: _closes(stmt, key),
                            lambda compound: _finally_closes(compound, key))

    def sent_in_pass(self, site, loop):
        """The calls that send on the socket ``site`` reads (``send``/``sendall`` on the same
        receiver; or, for a call before the read in its own block of a method of the class
        that does nothing but send on it, ``_writer_methods``, the read itself, which shares
        that call's guards) in statements of the block holding the read, inside ``loop``,
        that run in
        every pass reaching the read: those before it, and those after it with nothing in
        between that may leave the pass (``_may_leave``: no ``continue``, ``return``,
        ``break``, ``raise``, ``yield`` or ``await``), in its block or, past its end, in the
        blocks around it up to the loop's body (a read in a ``try`` or an ``if``, the send
        after that statement). None when there is none."""
        key = site.receiver_key
        if key is None or site.stmt is None or site.in_lambda:
            return None
        path = _path_to(_lines(loop.node.body), site.stmt)
        if path is None:
            return None
        lines, index, _, _ = path[-1]
        earlier = []
        for stmt in lines[:index]:
            if isinstance(stmt, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
                earlier.extend(id(small) for small in stmt.body)
        line = lines[index]
        smalls = list(line.body)
        position = next(i for i, small in enumerate(smalls) if small is site.stmt)
        earlier.extend(id(small) for small in smalls[:position])
        # after the read: up to the first statement that may leave the pass (the read's
        # own statement may not: ``return sock.recv(n)`` never reaches a later send)
        later = []
        if not _may_leave(site.stmt):
            for small in smalls[position + 1:]:
                later.append(small)
                if _may_leave(small):
                    break
            else:
                _later_in_pass(path, later)
        wanted = set(earlier)
        after = {id(small) for small in later}
        if not wanted and not after:
            return None
        # a write after the read counts only with bytes of its own: an echo of what was
        # read sends b"" at end of file, which puts nothing on the wire, draws no reset
        # and never fails
        sends = [other for other in self.calls_in(site.scope)
                 if other.receiver_key == key and other.method in ("send", "sendall")
                 and other.stmt is not None and (id(other.stmt) in wanted or (
                     id(other.stmt) in after and self._nonempty_payload(other)))]
        # a call of a method of the class that only sends on the socket, as a statement of
        # the read's own block before it: it shares the read's block, so the read's guards
        # are its guards, and the read stands for it
        writers = _writer_methods(site.scope, key)
        if writers and any(
                _calls_method(small, site.scope.self_name, writers)
                for stmt in [*lines[:index], line]
                if isinstance(stmt, (cst.SimpleStatementLine, cst.SimpleStatementSuite))
                for small in stmt.body if id(small) in wanted):
            sends.append(site)
        return sends or None

    def _nonempty_payload(self, site):
        """The data a ``send``/``sendall`` call writes is bytes that are never empty: a
        non-empty bytes literal (``b"yes"``), a non-empty str literal's ``.encode(...)``, or
        a module constant holding one of these; an f-string with text of its own, encoded
        (``f"PING {n}\\n".encode()``); what ``json.dumps()`` returns, encoded, or
        ``pickle.dumps()`` / ``marshal.dumps()`` (a serialisation always writes something:
        ``json.dumps("")`` is ``'""'``); ``struct.pack()`` with a literal format of a
        non-zero size; a concatenation with one of these (``b"RECEIVED: " + data``)."""
        node = site.positional(0)
        if isinstance(node, cst.Name) and node.value in self.constants:
            node = self.constants[node.value]
        kind = bytes
        if type(node) is cst.Call and type(node.func) is cst.Attribute and \
                node.func.attr.value == "encode":
            node, kind = node.func.value, str
        return self._never_empty(node, kind)

    def _never_empty(self, node, kind):
        """``node`` is a value of type ``kind`` (bytes or str) that is never empty
        (``_nonempty_payload``'s reading)."""
        if isinstance(node, cst.Name) and node.value in self.constants:
            node = self.constants[node.value]
        if type(node) is cst.BinaryOperation and type(node.operator) is cst.Add:
            # the operands of ``a + b + c``, found without recursion (a chain may be deep)
            operands, stack = [], [node]
            while stack:
                part = stack.pop()
                if type(part) is cst.BinaryOperation and type(part.operator) is cst.Add:
                    stack.extend((part.right, part.left))
                else:
                    operands.append(part)
            return any(type(part) is not cst.BinaryOperation and
                       self._never_empty(part, kind) for part in operands)
        if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
            value = node.evaluated_value
            return isinstance(value, kind) and len(value) > 0
        if isinstance(node, cst.FormattedString):
            return kind is str and any(
                isinstance(part, cst.FormattedStringText) and part.value
                for part in node.parts)
        if isinstance(node, cst.Call):
            qname = self.imports.qualify(node.func)
            if qname == "json.dumps":
                return kind is str
            if qname in ("pickle.dumps", "marshal.dumps"):
                return kind is bytes
            if qname == "struct.pack" and kind is bytes and node.args:
                size = struct_size(node.args[0].value)
                return size is not None and size > 0
        return False

    def is_pause(self, small):
        """The small statement sleeps: a sleep call (``time.sleep(t)``, ``await
        asyncio.sleep(t)``) given a time that is not a literal zero (``sleep(0)`` only
        yields)."""
        call = strip_await(small.value) if isinstance(small, cst.Expr) else None
        if not isinstance(call, cst.Call) or self.imports.qualify(call.func) not in SLEEP_CALLS:
            return False
        pause = call.args[0].value if call.args else None
        return pause is not None and number_value(pause) != 0

    def _exits_small(self, small):
        if isinstance(small, cst.Raise):
            return True
        call = small.value if isinstance(small, cst.Expr) else None
        return isinstance(call, cst.Call) and \
            self.imports.qualify(call.func) in PROGRAM_EXIT_CALLS

    # ---- settings made across functions and modules (the project index) ---------------

    def project_settings(self, site, key):
        """What the project index shows is set on the socket ``key`` (seen at ``site``)
        outside this function's own calls on it, as a frozenset of ``index.Setting``; None
        when there is no index (the file alone), or when ``key`` is not something it can
        follow (a parameter, an attribute of another object).

        Followed: for ``self.x``, what any method of the class or of its project bases sets
        on it, through helpers, and what the factory it is assigned from sets on the socket
        it returns (``ProjectIndex.attribute_settings``); for a local socket, what the
        project factory it comes from sets on the socket it returns (``sets_on(f)
        ["<return>"]``), what the project functions it is passed to set on that parameter
        (``self._configure(sock)``, ``net.set_timeouts(sock)``, ``Conn(sock)``), and what
        the class sets on the attribute it is stored in (``self.sock = sock``). Helpers
        calling helpers are followed ``index.MAX_DEPTH`` calls deep; callers are not
        searched for the settings they make."""
        if self.project is None or self.module_name is None or key is None:
            return None
        scope = site.scope
        memo_key = f"flow.settings:{id(scope)}:{key}"
        if memo_key not in self._memo:
            self._memo[memo_key] = self._project_settings(scope, key)
        return self._memo[memo_key]

    def _project_settings(self, scope, key):
        project = self.project
        head, _, rest = key.partition(".")
        cls_qname = self._class_qname(scope.cls)
        if rest:
            if "." in rest or head != scope.self_name or cls_qname is None or \
                    self._attribute_escapes(scope.cls, rest):
                return None
            return frozenset(project.attribute_settings(cls_qname, rest))
        if scope.kind != "function":
            return None
        found = set()
        for binding in scope.bindings.get(key, ()):
            if binding.how == "param":
                return None  # what the caller did to it is out of sight
            value = strip_await(binding.value) if binding.value is not None else None
            if isinstance(value, cst.Call) and binding.index is None:
                callee = self._callee_qname(scope, value.func, cls_qname)
                if callee is not None:
                    found |= project.sets_on(callee[0]).get(RETURNED, frozenset())
        for call, where in _calls_passing(scope.node, key):
            found |= self._passed_settings(scope, call, where, cls_qname)
        if cls_qname is not None:
            for attr in _stored_on_self(scope, key):
                found |= project.attribute_settings(cls_qname, attr)
        return frozenset(found)

    def _passed_settings(self, scope, call, where, cls_qname):
        """What the project function, method or class ``call`` calls sets on the parameter
        its argument ``where`` (a position or a keyword) is bound to, through helpers."""
        callee = self._callee_qname(scope, call.func, cls_qname)
        if callee is None:
            return frozenset()
        qname, bound = callee
        function = self.project.function_of(qname)
        if function is None:
            return frozenset()
        if isinstance(where, int):
            index = where + (1 if bound else 0)
            params = function.params
            name = params[index] if index < len(params) else None
        else:
            name = where
        if name is None:
            return frozenset()
        return self.project.sets_on(qname).get(name, frozenset())

    def reuse_address_set_before(self, site, key):
        """The project index shows ``SO_REUSEADDR`` (or ``SO_REUSEPORT``,
        ``SO_EXCLUSIVEADDRUSE``) set on the socket ``key`` before the call at ``site`` (a
        ``bind()``) by project code: a project function, method or class it is passed to
        earlier in the same function (``set_reuse_address(sock)``, ``self._prepare(sock)``),
        with that function's own helpers ``index.MAX_DEPTH`` calls deep; the project factory
        a local socket comes from; for ``self.x``, another method of the class or of its
        project bases, or the factory it is assigned from. On one branch is enough (the
        option is often skipped on Windows). Callers are not searched; False with no index."""
        if self.project is None or self.module_name is None or key is None:
            return False
        scope = site.scope
        cls_qname = self._class_qname(scope.cls)
        head, _, rest = key.partition(".")
        if rest and ("." in rest or head != scope.self_name or cls_qname is None):
            return False
        reuse = Setting.REUSE_ADDRESS
        for call, where in _calls_passing(scope.node, key, site.node):
            if reuse in self._passed_settings(scope, call, where, cls_qname):
                return True
        project = self.project
        if rest:
            skip = scope.node.name.value if isinstance(scope.node, cst.FunctionDef) else None
            return reuse in project.attribute_settings(cls_qname, rest, skip=skip)
        if scope.kind != "function":
            return False
        for binding in scope.bindings.get(key, ()):
            value = strip_await(binding.value) if binding.value is not None else None
            if isinstance(value, cst.Call) and binding.index is None:
                callee = self._callee_qname(scope, value.func, cls_qname)
                if callee is not None and \
                        reuse in project.sets_on(callee[0]).get(RETURNED, frozenset()):
                    return True
        return False

    def ephemeral_from(self, site, value):
        """What ``value`` (an expression in the function of ``site``) gives when it is a call
        of a project "find a free port" function, one that binds a socket of its own to port
        0 and returns the port the kernel chose (``"port"``) or the socket's whole address
        (``"address"``): ``find_available_port()``, ``net.free_port()``,
        ``self._free_port()``. None otherwise, and with no index."""
        if self.project is None or self.module_name is None:
            return None
        value = strip_await(value) if value is not None else None
        if not isinstance(value, cst.Call):
            return None
        scope = site.scope
        callee = self._callee_qname(scope, value.func, self._class_qname(scope.cls))
        if callee is None or callee[0].endswith(".__init__"):
            return None
        function = self.project.function_of(callee[0])
        return function.ephemeral if function is not None else None

    def keepalive_timers_set(self, site, key):
        """Keepalive timers are set, or may be, on the socket ``key`` that ``site`` turns
        keepalive on for: in the same function (for ``self.x``, in any method of the class
        in this module) a ``setsockopt`` at the TCP level (``IPPROTO_TCP``, ``SOL_TCP``, 6)
        with an option the code does not fix (``setsockopt(IPPROTO_TCP, k, v)`` in a loop
        over the caller's options: the timers are then the caller's choice), or, through
        the project index, timers set (or such a variable option) by a helper, a method of
        the class or of a project base, or the factory (``keepalive_timers_set_elsewhere``).
        """
        if key is not None:
            head, _, rest = key.partition(".")
            scope = site.scope
            in_class = bool(rest) and scope.cls is not None and head == scope.self_name
            for other in self.calls_on(key):
                if other.method != "setsockopt" or not (
                        other.scope is scope or (in_class and other.scope.cls is scope.cls)):
                    continue
                level, option = other.positional(0), other.positional(1)
                if level is not None and option is not None \
                        and tcp_option_unfixed(level, option):
                    return True
        return self.keepalive_timers_set_elsewhere(site, key)

    def attribute_handed_on(self, cls, attr):
        """A method of ``cls`` passes ``self.<attr>`` to a call as an argument
        (``Reader(self.sock).start()``): code out of the class's sight may use it."""
        memo_key = f"flow.handed:{id(cls)}:{attr}"
        cached = self._memo.get(memo_key)
        if cached is None:
            cached = self._memo[memo_key] = any(
                method.self_name and next(_calls_passing(
                    method.node, f"{method.self_name}.{attr}"), None) is not None
                for method in cls.methods)
        return cached

    def _attribute_escapes(self, cls, attr):
        """``self.<attr>`` may be configured where the index does not follow it: a method
        of the class copies it to a local (``sock = self.sock``) or hands ``self`` to
        another function, or code of this module reaches it through another object
        (``client.sock.settimeout(5)``)."""
        memo_key = f"flow.escapes:{id(cls)}:{attr}"
        cached = self._memo.get(memo_key)
        if cached is None:
            cached = self._memo[memo_key] = self._find_attribute_escape(cls, attr)
        return cached

    def _thread_init(self, call):
        """``threading.Thread.__init__(self, ...)``: the thread's constructor sets the
        thread's own attributes only, never the class's sockets."""
        return self.imports.qualify(call.func) == "threading.Thread.__init__"

    def _kept_in_module(self, call, where):
        """``Poller(self)``: ``self`` handed to a class (or function) of this module that
        only uses it as an object, ``holder.method()`` and ``holder.attr``, where it keeps
        it (its parameter, and the ``self.x`` it stores the parameter in), and never hands
        it on, copies it or returns it. Such code reaches the socket only through the
        class's own methods, which are judged anyway, or by naming the attribute, which the
        module-wide search for ``x.<attr>`` sees."""
        key = key_of(call.func)
        if key is None or "." in key:
            return False
        definitions = self.model.module_scope.bindings.get(key, ())
        if len(definitions) != 1 or definitions[0].how not in ("class", "def"):
            return False
        node = definitions[0].node
        if isinstance(node, cst.ClassDef):
            cls = next((c for c in self.model.classes if c.node is node), None)
            if cls is None:
                return False
            init = [m for m in cls.methods if isinstance(m.node, cst.FunctionDef)
                    and m.node.name.value == "__init__"]
            if len(init) != 1 or not init[0].self_name:
                return False
            param = _param_at(init[0].node, where, skip=1)
            if param is None:
                return False
            stored = _stored_from(init[0].node, init[0].self_name, param)
            for method in cls.methods:
                holders = {f"{method.self_name}.{x}" for x in stored} if method.self_name \
                    else set()
                if method is init[0]:
                    holders.add(param)
                if _hands_on(method.node, holders):
                    return False
            return True
        if isinstance(node, cst.FunctionDef):
            param = _param_at(node, where, skip=0)
            return param is not None and not _hands_on(node, {param})
        return False

    def _find_attribute_escape(self, cls, attr):
        for method in cls.methods:
            own = f"{method.self_name}.{attr}"
            for bindings in method.bindings.values():
                for binding in bindings:
                    value = strip_await(binding.value) if binding.value is not None else None
                    if value is not None and key_of(value) == own:
                        return True
            if method.self_name and any(
                    not self._thread_init(call) and not self._kept_in_module(call, where)
                    for call, where in _calls_passing(method.node, method.self_name)):
                return True
        suffix = "." + attr
        for site in self.model.calls:
            key = site.receiver_key
            if key is None or not key.endswith(suffix) or key.count(".") < 1:
                continue
            if site.scope.self_name and key == f"{site.scope.self_name}{suffix}":
                continue  # a class's own attribute (this one's, or another class's)
            return True
        return False

    def _callee_qname(self, scope, func, cls_qname):
        """(qualified name, bound) of a project function, method or class (then its
        ``__init__``) called as ``func``, also a method of the project object an attribute
        holds (``self._config.make_socket()``), or None."""
        dotted = key_of(func)
        if dotted is None:
            return None
        head, _, rest = dotted.partition(".")
        if rest and head == scope.self_name:
            if cls_qname is None or rest.count(".") > 1:
                return None
            if "." in rest:  # ``self._config.make_socket()``: the class the attribute holds
                qname = self.project.attribute_method(cls_qname, *rest.split("."))
                return (qname, True) if qname is not None else None
            return f"{cls_qname}.{rest}", True
        qname = self.project.resolve(self.module_name, dotted)
        if qname is None:
            return None
        if self.project.class_of(qname) is not None:
            return f"{qname}.__init__", True
        return qname, False

    def timeout_set_elsewhere(self, site, key):
        """The project index shows a timeout set on the socket (``settimeout`` with a
        value, ``setblocking``, ``SO_RCVTIMEO``/``SO_SNDTIMEO``) by a helper, a project
        base class, a method of the class, or the factory that made it; None when the
        index cannot say (no index, or a socket it cannot follow)."""
        settings = self.project_settings(site, key)
        if settings is None:
            return None
        return bool(settings & _TIMEOUT_SETTINGS)

    def read_timeout_set_elsewhere(self, site, key):
        """As ``timeout_set_elsewhere``, for a read timeout: ``settimeout`` with a value
        other than None/0, or ``SO_RCVTIMEO``."""
        settings = self.project_settings(site, key)
        if settings is None:
            return None
        return bool(settings & {Setting.TIMEOUT, Setting.RCVTIMEO})

    def keepalive_timers_set_elsewhere(self, site, key):
        """The project index shows keepalive timers set on the socket by a helper, a method
        of the class or of a project base, or the factory that made it."""
        settings = self.project_settings(site, key)
        return bool(settings and Setting.KEEPALIVE_TIMERS in settings)

    def timeout_may_be_none(self, scope, value):
        """``settimeout(timeout)`` / ``create_connection(addr, timeout)`` with a parameter
        whose default is None, that the function never rebinds, and that no call in this
        module passes a value for: on the default path there is no timeout at all. A
        variable counts as a timeout only when it cannot be None there (a default other than
        None, a required parameter: the caller's choice, a rebinding such as
        ``timeout = timeout or 10``, or a caller in the module that passes one). Callers in
        other modules are not searched. A mapping's ``get`` with no default
        (``options.get("timeout")``, directly or through the one name it is assigned to) may
        be None too: the option may not be set."""
        value = strip_await(value)
        if _get_without_default(value):
            return True
        if not isinstance(value, cst.Name) or scope.kind != "function":
            return False
        bindings = scope.bindings.get(value.value, ())
        if len(bindings) == 1 and bindings[0].how == "assign" and \
                bindings[0].index is None and bindings[0].value is not None and \
                _get_without_default(strip_await(bindings[0].value)):
            return True  # ``t = options.get("timeout")``: None when the option is not set
        if len(bindings) != 1 or bindings[0].how != "param":
            return False
        default = bindings[0].value
        if not (isinstance(default, cst.Name) and default.value == "None"):
            return False
        return not self._callers_pass(scope, bindings[0].node)

    def _callers_pass(self, scope, param):
        """A call in this module of the function ``scope`` (by its name, or ``self.name``)
        passes a value other than None for ``param``."""
        node = scope.node
        name = node.name.value
        params = list(node.params.posonly_params) + list(node.params.params)
        position = next((i for i, p in enumerate(params) if p is param), None)
        if position is not None and scope.cls is not None and scope.self_name is not None:
            position -= 1  # called as self.name(...) / obj.name(...)
        for call in self._module_calls_named(name):
            positional = [a for a in call.args if a.keyword is None]
            if any(a.star for a in call.args):
                return True
            for arg in call.args:
                if arg.keyword is not None and arg.keyword.value == param.name.value:
                    if not (isinstance(arg.value, cst.Name) and arg.value.value == "None"):
                        return True
            if position is not None and 0 <= position < len(positional):
                arg = positional[position].value
                if not (isinstance(arg, cst.Name) and arg.value == "None"):
                    return True
        return False

    def _module_calls_named(self, name):
        index = self._memo.get("flow.calls_by_name")
        if index is None:
            index = {}
            stack = [self.model.module]
            while stack:
                node = stack.pop()
                if isinstance(node, cst.Call):
                    func = node.func
                    called = func.value if isinstance(func, cst.Name) else (
                        func.attr.value if isinstance(func, cst.Attribute) else None)
                    if called is not None:
                        index.setdefault(called, []).append(node)
                stack.extend(iter_children(node))
            self._memo["flow.calls_by_name"] = index
        return index.get(name, ())

    def is_nonblocking(self, site, key=None):
        return self.state(site, key) == NONBLOCKING

    def is_blocking_or_timeout(self, site, key=None):
        return self.state(site, key) in (BLOCKING, TIMEOUT)


_MODE_SETTINGS = frozenset({Setting.TIMEOUT, Setting.BLOCKING, Setting.NONBLOCKING})
_TIMEOUT_SETTINGS = frozenset({Setting.TIMEOUT, Setting.BLOCKING, Setting.NONBLOCKING,
                               Setting.RCVTIMEO, Setting.SNDTIMEO})


def _param_at(function, where, skip):
    """The name of the parameter of ``function`` an argument at ``where`` (a position, or a
    keyword) binds, ``skip`` leading parameters (``self``) left out; None for ``*args``."""
    params = function.params
    if isinstance(where, str):
        named = [*params.posonly_params, *params.params, *params.kwonly_params]
        return where if any(p.name.value == where for p in named) else None
    positional = [*params.posonly_params, *params.params][skip:]
    return positional[where].name.value if where < len(positional) else None


def _stored_from(function, self_name, param):
    """The attributes ``self.x = param`` stores the parameter in, anywhere in the function."""
    stored = set()
    stack = [function.body]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Assign) and len(node.targets) == 1 \
                and key_of(node.value) == param:
            target = key_of(node.targets[0].target) or ""
            head, _, rest = target.partition(".")
            if head == self_name and rest and "." not in rest:
                stored.add(rest)
        stack.extend(iter_children(node))
    return stored


def _hands_on(root, holders):
    """Some name in ``holders`` is used under ``root`` other than as an object
    (``holder.x``, ``holder.m()``) or as the value ``self.x = holder`` stores: passed,
    copied, returned, compared, ..."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Param):
            continue
        if isinstance(node, cst.Attribute) and key_of(node.value) in holders:
            continue  # holder.x
        if isinstance(node, cst.Assign) and len(node.targets) == 1 \
                and key_of(node.value) in holders \
                and key_of(node.targets[0].target) in holders:
            continue  # self.x = holder: where it is kept
        if isinstance(node, (cst.Name, cst.Attribute)) and key_of(node) in holders:
            return True
        stack.extend(iter_children(node))
    return False


def _calls_passing(root, key, stop=None):
    """(call, position or keyword) for each call under ``root`` (not in nested functions or
    classes) that passes ``key`` (``sock``, ``self.sock``) as an argument, in source order,
    up to the node ``stop`` when one is given."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node is stop:
            return
        if node is not root and isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, cst.Call):
            position = 0
            for arg in node.args:
                if arg.star:
                    break
                if key_of(arg.value) == key:
                    yield node, (arg.keyword.value if arg.keyword is not None else position)
                if arg.keyword is None:
                    position += 1
        stack.extend(reversed(list(iter_children(node))))


_TCP_LEVELS = frozenset({"IPPROTO_TCP", "SOL_TCP"})


def tcp_level(level):
    """``level`` of a ``setsockopt()`` is the TCP level: ``IPPROTO_TCP``, ``SOL_TCP`` or 6."""
    if isinstance(level, cst.Integer):
        return int_value(level) == 6
    return (key_of(level) or "").rpartition(".")[2] in _TCP_LEVELS


def tcp_option_unfixed(level, option):
    """``setsockopt(IPPROTO_TCP, k, v)``: an option at the TCP level (``IPPROTO_TCP``,
    ``SOL_TCP`` or 6) that the code does not fix, so it may be a keepalive timer (the
    syntax-tree twin of ``index.tcp_option_unfixed``). Fixed are a number, a constant's name
    (all capitals: ``socket.TCP_NODELAY``) and ``getattr(socket, "NAME", ...)``."""
    if not tcp_level(level):
        return False
    if isinstance(option, (cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString,
                           cst.ConcatenatedString, cst.FormattedString)) \
            or int_value(option) is not None:
        return False
    if isinstance(option, (cst.Name, cst.Attribute)):
        return not (key_of(option) or "").rpartition(".")[2].isupper()
    if isinstance(option, cst.Call) and key_of(option.func) == "getattr" \
            and len(option.args) >= 2 and isinstance(option.args[1].value, cst.SimpleString):
        return False
    return True


def _stored_on_self(scope, key):
    """``self.x = key`` in the function: the attribute names the local socket is stored in."""
    if scope.cls is None or scope.self_name is None:
        return ()
    found = []
    stack = [scope.node]
    while stack:
        node = stack.pop()
        if node is not scope.node and isinstance(node, (cst.FunctionDef, cst.ClassDef,
                                                        cst.Lambda)):
            continue
        if isinstance(node, cst.Assign) and isinstance(node.value, cst.Name) \
                and node.value.value == key:
            for target in node.targets:
                target_key = key_of(target.target)
                head, _, attr = (target_key or "").partition(".")
                if head == scope.self_name and attr and "." not in attr:
                    found.append(attr)
        stack.extend(iter_children(node))
    return tuple(found)


# ---- the value a name or ``self`` attribute holds at a call, from its own function ----------

def _blocks(stmt):
    """The blocks of a compound statement, as (kind, suite) pairs; None for statements whose
    blocks are not followed (``match``)."""
    if isinstance(stmt, cst.If):
        blocks = [("if", stmt.body)]
        if isinstance(stmt.orelse, cst.If):
            blocks.append(("elif", stmt.orelse))
        elif stmt.orelse is not None:
            blocks.append(("else", stmt.orelse.body))
        return blocks
    if isinstance(stmt, (cst.For, cst.While)):
        blocks = [("loop", stmt.body)]
        if stmt.orelse is not None:
            blocks.append(("loop_else", stmt.orelse.body))
        return blocks
    if isinstance(stmt, (cst.Try, cst.TryStar)):
        blocks = [("try", stmt.body)]
        blocks.extend(("handler", h.body) for h in stmt.handlers)
        if stmt.orelse is not None:
            blocks.append(("try_else", stmt.orelse.body))
        if stmt.finalbody is not None:
            blocks.append(("finally", stmt.finalbody.body))
        return blocks
    if isinstance(stmt, cst.With):
        return [("with", stmt.body)]
    return None


def _lines(suite):
    """The statements of a block (an ``elif`` is its own one-statement block)."""
    if isinstance(suite, cst.If):
        return [suite]
    if isinstance(suite, cst.SimpleStatementSuite):
        return [suite]
    return list(suite.body)


_LEAVING = (cst.Return, cst.Raise, cst.Break, cst.Continue, cst.Yield, cst.Await)


def _yields(function):
    """The function's own code (not the functions and classes it defines) holds a
    ``yield``: it is a generator."""
    stack = list(iter_children(function.body))
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Yield):
            return True
        if not isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            stack.extend(iter_children(node))
    return False


def _may_leave(node):
    """The statement holds a ``return``, ``raise``, ``break``, ``continue``, ``yield`` or
    ``await`` outside the functions and classes it defines (a loop's own ``break`` counts:
    the answer only has to be safe)."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, _LEAVING):
            return True
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        stack.extend(iter_children(node))
    return False


def _later_in_pass(path, later):
    """Append to ``later`` the simple statements that run after the end of ``path``'s simple
    line in the same pass, walking on out of the blocks that hold it (an ``if`` body, a
    ``try``, a ``with``; not out of a loop, which may go round first), up to and including
    the first that may leave the pass. Compound statements on the way are passed over (what
    they hold may not run), unless they may leave, which ends the walk."""
    for lines, index, kind, _ in reversed(path):
        if kind in ("loop", "loop_else"):
            return
        for stmt in lines[index + 1:]:
            if not isinstance(stmt, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
                if _may_leave(stmt):
                    return
                continue
            for small in stmt.body:
                later.append(small)
                if _may_leave(small):
                    return


def _first_after(path, found, leaving_block=None):
    """Walking on from the end of ``path`` (``_path_to``), out of the blocks that hold it
    but not out of a loop, a statement for which ``found`` holds comes before anything that
    can leave (``_may_leave``). ``leaving_block(compound)`` answers for what runs on the way
    out of a compound statement whatever happens in it (a ``finally``): it runs however the
    statements inside leave, so one on the way out, inside the loop, answers first."""
    if leaving_block is not None:
        for _, _, kind, compound in reversed(path):
            if kind in ("loop", "loop_else"):
                break
            if kind in ("try", "handler", "try_else") and leaving_block(compound):
                return True
    for lines, index, kind, compound in reversed(path):
        if kind in ("loop", "loop_else"):
            return False  # the loop may go round first
        for stmt in lines[index + 1:]:
            if found(stmt):
                return True
            if _may_leave(stmt):
                return False
    return False


def _closes(stmt, key):
    """``with key:`` (or ``with closing(key):``), ``key.close()`` or a ``try`` whose
    ``finally`` closes ``key``; also ``if key is not None: key.close()`` (or ``if key:``),
    with no ``else``: when the test is false, ``key`` holds nothing to close."""
    if isinstance(stmt, cst.If):
        return stmt.orelse is None and _holds_something(stmt.test, key) and \
            any(_closes(line, key) for line in _lines(stmt.body))
    if isinstance(stmt, cst.With):
        for item in stmt.items:
            value = item.item
            if isinstance(value, cst.Call) and len(value.args) == 1 and \
                    key_of(value.func) in ("closing", "contextlib.closing"):
                value = value.args[0].value
            if key_of(value) == key:
                return True
        return False
    if isinstance(stmt, (cst.Try, cst.TryStar)):
        return _finally_closes(stmt, key)
    if isinstance(stmt, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
        for small in stmt.body:
            call = small.value if isinstance(small, cst.Expr) else None
            if isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) and \
                    call.func.attr.value == "close" and key_of(call.func.value) == key:
                return True
    return False


def _holds_something(test, key):
    """``key is not None`` or ``key`` itself."""
    if key_of(test) == key:
        return True
    return isinstance(test, cst.Comparison) and len(test.comparisons) == 1 and \
        isinstance(test.comparisons[0].operator, cst.IsNot) and key_of(test.left) == key and \
        isinstance(test.comparisons[0].comparator, cst.Name) and \
        test.comparisons[0].comparator.value == "None"


def _finally_closes(stmt, key):
    final = getattr(stmt, "finalbody", None)
    return final is not None and any(_closes(line, key) for line in _lines(final.body))


def _local_host(value, connect):
    """``value`` is a string naming this host's loopback interface (``is_loopback_host``),
    or, for a connection (``connect``), the unspecified address, which a connect takes to
    this host (``tables.UNSPECIFIED_HOSTS``)."""
    return isinstance(value, str) and (
        is_loopback_host(value) or (connect and value in UNSPECIFIED_HOSTS))


def _calls_method(small, self_name, names):
    """``small`` is the expression statement ``self.name(...)`` for a name in ``names``."""
    call = small.value if isinstance(small, cst.Expr) else None
    return isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) and \
        call.func.attr.value in names and isinstance(call.func.value, cst.Name) and \
        call.func.value.value == self_name


def _writer_methods(scope, key):
    """For a read of ``self.x`` in a method: the names of the methods of its class whose
    whole body (past a docstring) is one ``self.x.send(...)`` or ``self.x.sendall(...)``
    statement (``def send(self, msg): self.sock.send(msg.encode())``). A call of one is a
    write on ``self.x``, and its error reaches the caller as the send's would."""
    head, _, attr = key.partition(".")
    if scope.cls is None or head != scope.self_name or not attr or "." in attr:
        return frozenset()
    found = set()
    for method in scope.cls.methods:
        body = method.node.body.body if isinstance(method.node.body, cst.IndentedBlock) \
            else ()
        if body and is_docstring(body[0]):
            body = body[1:]
        if len(body) != 1 or not isinstance(body[0], cst.SimpleStatementLine) or \
                len(body[0].body) != 1 or not isinstance(body[0].body[0], cst.Expr):
            continue
        call = body[0].body[0].value
        if isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) and \
                call.func.attr.value in ("send", "sendall") and method.self_name and \
                key_of(call.func.value) == f"{method.self_name}.{attr}":
            found.add(method.node.name.value)
    return frozenset(found)


def _path_to(lines, small):
    """The frames ``(lines, index, kind, compound)`` from ``lines`` down to the simple line
    holding the small statement ``small``: at each level, the block's statements, where
    the path goes on, and how the next level is entered (None at the last)."""
    for index, stmt in enumerate(lines):
        if isinstance(stmt, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            if any(s is small for s in stmt.body):
                return [(lines, index, None, None)]
            continue
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            continue
        blocks = _blocks(stmt)
        if blocks is None:
            continue
        for kind, suite in blocks:
            inner = _path_to(_lines(suite), small)
            if inner is not None:
                return [(lines, index, kind, stmt)] + inner
    return None


def _headers(stmt, kind):
    """What runs, in a compound statement, before the block ``kind`` is entered (and, for a
    loop body, on the way round again)."""
    if kind == "loop":
        return [stmt]  # the whole loop: what follows in the body runs before the next round
    nodes = []
    if isinstance(stmt, cst.If):
        nodes.append(stmt.test)  # an ``elif``/``else`` block: its ``if`` body did not run
    elif isinstance(stmt, cst.While):
        nodes.extend([stmt.test, stmt.body])
    elif isinstance(stmt, cst.For):
        nodes.extend([stmt.iter, stmt.target, stmt.body])
    elif isinstance(stmt, (cst.Try, cst.TryStar)) and kind != "try":
        nodes.append(stmt.body)  # it ran, in part or whole, before the handler or else
        if kind == "finally":
            nodes.extend(h.body for h in stmt.handlers)
            if stmt.orelse is not None:
                nodes.append(stmt.orelse)
    elif isinstance(stmt, cst.With):
        nodes.extend(item.item for item in stmt.items)
    return nodes


def _tests_none(test, name):
    """``test`` is ``name is None``, ``name == None`` or ``not name``."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        return type(test.expression) is cst.Name and test.expression.value == name
    return none_test(test, {name})


def _assigned_value(small, key):
    """The value a small statement assigns to ``key`` (``key = value``, ``a = key = value``,
    ``key: T = value``; ``HOST, PORT = "localhost", 9999`` for a literal element of a
    display unpacked whole), or None."""
    if isinstance(small, cst.Assign):
        if any(key_of(t.target) == key for t in small.targets):
            return small.value
        for target in small.targets:
            element = _unpacked_literal(target.target, small.value, key)
            if element is not None:
                return element
    elif isinstance(small, cst.AnnAssign) and small.value is not None:
        if key_of(small.target) == key:
            return small.value
    return None


def _unpacked_literal(target, value, key):
    """For ``a, b = "x", 1``: the literal that the unpacking gives ``key`` (a string or
    number, so no other name of the statement can change what it is), or None."""
    if not isinstance(target, (cst.Tuple, cst.List)) or \
            not isinstance(value, (cst.Tuple, cst.List)) or \
            len(target.elements) != len(value.elements):
        return None
    for slot, item in zip(target.elements, value.elements):
        if isinstance(slot, cst.StarredElement) or isinstance(item, cst.StarredElement):
            return None
    for slot, item in zip(target.elements, value.elements):
        if key_of(slot.value) == key and isinstance(
                item.value, (cst.SimpleString, cst.ConcatenatedString, cst.Integer)):
            return item.value
    return None


def _binds(node, key):
    """``node`` may bind ``key`` (an assignment, ``+=``, ``:=``, ``for``/``with``/``del``
    target, an unpacking)."""
    stack = [node]
    while stack:
        node = stack.pop()
        targets = ()
        if isinstance(node, cst.AssignTarget):
            targets = (node.target,)
        elif isinstance(node, (cst.AugAssign, cst.AnnAssign, cst.Del)):
            targets = (node.target,)
        elif isinstance(node, cst.NamedExpr):
            targets = (node.target,)
        elif isinstance(node, cst.For):
            targets = (node.target,)
        elif isinstance(node, cst.AsName):
            targets = (node.name,)
        for target in targets:
            if key in target_keys(target):
                return True
        stack.extend(iter_children(node))
    return False


def _outside_call(func, scope, self_name):
    """The callee ``func`` of a call in the function ``scope`` is a module-level name or an
    attribute of one (``logger.info``, ``time.sleep``, ``json.dumps``): not ``self`` or
    anything reached from it, not ``super()``, and not a name the function binds (a nested
    function may close over ``self``). Handed no ``self`` (``_may_change_attribute`` checks
    the arguments), such a call cannot assign the object's attributes."""
    while isinstance(func, cst.Attribute):
        func = func.value
    if not isinstance(func, cst.Name):
        return False
    name = func.value
    return name != self_name and name != "super" and name not in scope.bindings


def _sequence_copy(imports, node):
    """``x`` for ``tuple(x)`` or ``list(x)`` (a copy of the same items), else ``node``."""
    if type(node) is cst.Call and len(node.args) == 1 and node.args[0].keyword is None and \
            not node.args[0].star and imports.qualify(node.func) in ("tuple", "list"):
        return node.args[0].value
    return node


# List methods that move or replace a list's items (its host, for an address list).
_ITEM_CHANGES = frozenset({"insert", "pop", "remove", "clear", "reverse", "sort",
                           "__setitem__"})


def _changes_items(cls_node, attr):
    """Code of the class ``cls_node`` may change item 0 of an attribute named ``attr`` in
    place: it stores into ``<x>.attr[i]`` where ``i`` is not a number of 1 or more (an
    augmented store too), deletes an item, or calls one of ``_ITEM_CHANGES`` on it."""
    for node in walk(cls_node, nested=True):
        targets = ()
        if type(node) is cst.Assign:
            targets = [t.target for t in node.targets]
        elif type(node) in (cst.AugAssign, cst.AnnAssign):
            targets = [node.target]
        elif type(node) is cst.Del:
            targets = [node.target]
        elif type(node) is cst.Call and type(node.func) is cst.Attribute and \
                node.func.attr.value in _ITEM_CHANGES and \
                type(node.func.value) is cst.Attribute and node.func.value.attr.value == attr:
            return True
        for target in targets:
            for inner in walk(target):
                if type(inner) is cst.Subscript and type(inner.value) is cst.Attribute and \
                        inner.value.attr.value == attr and not _later_item(inner):
                    return True
    return False


def _called_name(scope):
    """The name the project's calls of the function ``scope`` use: its own, or for an
    ``__init__`` its class's; None for an ``__init__`` outside a class."""
    callee = scope.node.name.value
    if callee != "__init__":
        return callee
    owner = scope.parent
    if owner is None or not isinstance(owner.node, cst.ClassDef):
        return None
    return owner.node.name.value


def _later_item(subscript):
    """``x[i]`` with ``i`` a number of 1 or more."""
    if len(subscript.slice) != 1 or type(subscript.slice[0].slice) is not cst.Index:
        return False
    number = int_value(subscript.slice[0].slice.value)
    return number is not None and number >= 1


def _may_change_attribute(node, self_name, allowed, defined):
    """Code in ``node`` may change an attribute of ``self`` other than by a plain assignment:
    a call (other than ``allowed(call)``), ``await`` or ``yield`` (other code runs), an
    assignment to an attribute the class defines (``defined``: a property's setter runs),
    or ``self`` itself used as a value (passed on, aliased)."""
    stack = [(node, False)]
    while stack:
        node, as_receiver = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, cst.Call) and not allowed(node):
            return True
        if isinstance(node, (cst.Await, cst.Yield)):
            return True
        if isinstance(node, (cst.AssignTarget, cst.AugAssign, cst.AnnAssign)):
            target = node.target
            for key in target_keys(target):
                head, _, rest = key.partition(".")
                if head == self_name and rest in defined:
                    return True
        if isinstance(node, cst.Name) and node.value == self_name and not as_receiver:
            return True
        if isinstance(node, cst.Attribute):
            stack.append((node.value, True))
            continue
        stack.extend((child, False) for child in iter_children(node))
    return False


class ValueFacts:
    """What a name or ``self`` attribute holds at a call, from the function's own code."""

    def text_payload(self, site, node, _depth=0):
        """``node`` (an argument of the call ``site``) can only be a str on Python 3, where
        ``send(str)`` raises TypeError before a byte is written: a str literal or f-string,
        ``"..." % x``, ``"...".format(x)``, ``sep.join(x)`` on a str literal, ``str(x)``, a
        sum with a str operand, or a local name the function assigns one of these on every
        path to the call (``value_before``); or a parameter of a private function or method
        (its name starts with ``_``: called from its own module) that every call of it in
        the module, at least one, passes one of these for, written in place
        (``self._send("status\\n")``, ``self._send("choose %s\\n" % name)``)."""
        if node is None:
            return False
        if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
            return isinstance(node.evaluated_value, str)
        if isinstance(node, cst.FormattedString):
            return True
        if isinstance(node, cst.BinaryOperation):
            if isinstance(node.operator, cst.Modulo):
                return self.text_payload(site, node.left, _depth)
            if isinstance(node.operator, cst.Add):
                return self.text_payload(site, node.left, _depth) or \
                    self.text_payload(site, node.right, _depth)
            return False
        if isinstance(node, cst.Call):
            func = node.func
            if isinstance(func, cst.Name):
                return func.value == "str" and self.imports.qualify(func) == "str"
            return isinstance(func, cst.Attribute) and \
                func.attr.value in ("format", "join") and \
                isinstance(func.value, (cst.SimpleString, cst.ConcatenatedString)) and \
                isinstance(func.value.evaluated_value, str)
        if isinstance(node, cst.Name) and _depth < 2:
            value = self.value_before(site, node)
            if value is not None:
                return self.text_payload(site, value, _depth + 1)
            return self._text_from_callers(site, node.value)
        return False

    def _text_from_callers(self, site, name):
        """``name`` is a parameter of the private function ``site`` is in, and every call of
        it in the module (at least one) passes a str written in place (``text_payload``)."""
        scope = site.scope
        if scope.kind != "function" or not isinstance(scope.node, cst.FunctionDef) or \
                not scope.node.name.value.startswith("_") or \
                scope.node.name.value.startswith("__"):
            return False
        arguments = self.arguments_from_callers(scope, name)
        return bool(arguments) and all(
            arg is not None and self.text_payload(site, arg, 2) for _, arg in arguments)

    def after_text_send(self, site):
        """On Python 3 the call ``site`` is never reached: on every path to it in its
        function, a statement of its own comes first that sends a str on a socket
        (``sock.send("NICK %s\\r\\n" % nick)``, ``sendall(str)``: ``text_payload``), or
        calls a method of the class whose body opens that way (``self.connect()``), which
        raises TypeError there. Such a statement counts in the block holding the call or in
        a block around it, earlier; not inside a compound statement (a ``try`` may catch
        the TypeError, a branch may not run)."""
        scope = site.scope
        if scope.kind != "function" or site.stmt is None:
            return False
        path = _path_to(_lines(scope.node.body), site.stmt)
        if path is None:
            return False
        for level, (lines, index, _, _) in enumerate(path):
            before = []
            for stmt in lines[:index]:
                if isinstance(stmt, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
                    before.extend(stmt.body)
            if level == len(path) - 1:
                line = lines[index]
                for small in line.body:
                    if small is site.stmt:
                        break
                    before.append(small)
            for small in before:
                if self._text_send(scope, small) or self._opens_with_text_send(scope, small):
                    return True
        return False

    def _text_sends(self, scope):
        """id(statement) -> call site, for the ``send``/``sendall`` calls of ``scope`` that
        are statements of their own."""
        return self.memo(f"flow.text_sends:{id(scope)}", lambda: {
            id(other.stmt): other for other in self.calls
            if other.scope is scope and other.method in ("send", "sendall")
            and isinstance(other.stmt, cst.Expr) and other.stmt.value is other.node})

    def _text_send(self, scope, small):
        """``small`` sends a str on a socket (a known or likely one: a websocket's or a
        pipe's ``send()`` takes a str or any object)."""
        other = self._text_sends(scope).get(id(small))
        return other is not None and self.text_payload(other, other.positional(0)) and \
            self.socket_confidence(other).confidence in (KNOWN, LIKELY)

    def _opens_with_text_send(self, scope, small):
        """``small`` is a statement calling a method of the class (``self.connect()``) whose
        own body sends a str as a statement of its own before anything that may return,
        raise or leave early: the call raises TypeError on Python 3."""
        if not isinstance(small, cst.Expr) or not isinstance(small.value, cst.Call):
            return False
        func = small.value.func
        cls = scope.cls
        if cls is None or not isinstance(func, cst.Attribute) or \
                not isinstance(func.value, cst.Name) or func.value.value != scope.self_name:
            return False
        name = func.attr.value
        method = next((other for other in self.scopes if other.kind == "function"
                       and other.cls is cls and other.parent is not None
                       and other.parent.node is cls.node
                       and other.node.name.value == name), None)
        if method is None or method is scope or method.node.asynchronous is not None or \
                _yields(method.node):
            return False  # calling a generator or a coroutine runs none of its body
        for stmt in _lines(method.node.body):
            if not isinstance(stmt, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
                if _may_leave(stmt):
                    return False
                continue
            for inner in stmt.body:
                if self._text_send(method, inner):
                    return True
                if isinstance(inner, (cst.Return, cst.Raise)):
                    return False
        return False

    def value_before(self, site, node):
        """The expression last assigned to ``node`` (a local name, or ``self.attr`` in a
        method) before the call ``site``, in the same function, when that assignment runs
        on every path to the call and nothing between them can change it; None otherwise.

        Followed: an assignment in the block holding the call or in a block around it,
        earlier than the call (``self.port = 0`` ... ``self.sock.bind((host, self.port))``).
        Not followed: an assignment in another method (a setter may have changed the
        attribute since), one in a branch or loop the call is not in, one the call's loop
        goes round past (the rest of the loop body runs in between), one followed by
        another possible binding of the name before the call, and, for an attribute, one
        followed by any call other than a socket constructor, a call on the socket the
        call is made on or a call of a module-level name (``logger.info(...)``, handed no
        ``self``: ``_outside_call``) (the method it calls may set the attribute), by
        ``await`` or ``yield``, or by ``self`` handed on or aliased; nor an attribute the
        class defines as a method or property, nor a name declared ``global`` or
        ``nonlocal``."""
        key = key_of(node) if node is not None else None
        scope = site.scope
        if key is None or scope.kind != "function" or site.stmt is None:
            return None
        head, _, rest = key.partition(".")
        defined = frozenset()
        if rest:
            if "." in rest or head != scope.self_name or scope.cls is None:
                return None
            defined = self._class_defines(scope.cls)
            if rest in defined:
                return None
        elif key in self.declared_names() or "*" in self.declared_names():
            return None
        path = _path_to(_lines(scope.node.body), site.stmt)
        if path is None:
            return None
        receiver = site.receiver_key

        def allowed(call):
            func = call.func
            if isinstance(func, cst.Attribute) and receiver is not None and \
                    key_of(func.value) == receiver:
                return True  # a call on the socket itself (``self.sock.setsockopt(...)``)
            if rest and _outside_call(func, scope, head):
                return True  # ``logger.info(...)``: handed no ``self``, it cannot reach it
            return self.imports.qualify(func) in SOCKET_CONSTRUCTORS

        def changes(nodes):
            for item in nodes:
                if _binds(item, key):
                    return True
                if rest and _may_change_attribute(item, head, allowed, defined):
                    return True
            return False

        # the call's own statement: smalls before it on its line, and its arguments
        lines, index, _, _ = path[-1]
        line = lines[index]
        smalls = list(line.body)
        position = next(i for i, s in enumerate(smalls) if s is site.stmt)
        between = [arg.value for arg in site.node.args]
        for level in range(len(path) - 1, -1, -1):
            lines, index, _, _ = path[level]
            if level == len(path) - 1:
                candidates = [(smalls[:position], None)]
            else:
                candidates = []
            candidates += [(None, stmt) for stmt in reversed(lines[:index])]
            for before, stmt in candidates:
                if stmt is not None and isinstance(
                        stmt, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
                    before = list(stmt.body)
                if before is None:  # a compound statement before the call
                    if _binds(stmt, key):
                        return None  # bound on some paths only
                    between.append(stmt)
                    continue
                for offset in range(len(before) - 1, -1, -1):
                    value = _assigned_value(before[offset], key)
                    if value is not None:
                        return None if changes(between) else value
                    between.append(before[offset])
            if level > 0:
                _, _, kind, compound = path[level - 1]
                between.extend(_headers(compound, kind))
        return None

    def loopback_address(self, site, address, connect=False):
        """The address a call ``site`` connects or binds to (``address``, its first argument)
        is on this host: a loopback literal (``"127.0.0.1"``, ``"localhost"``, ``"::1"``, any
        address of 127.0.0.0/8; with ``connect``, for a connection, also the unspecified
        address, ``"0.0.0.0"`` or ``"::"``, which a connect takes to this host) as
        the address or the host of an address tuple, in place, through a module constant
        (``HOST = "localhost"``), or through a name the function assigns it to on every path
        to the call (``host = "127.0.0.1"``, ``addr = ("::1", port)``: ``value_before``)."""
        host = self._host_expression(site, address)
        if isinstance(host, (cst.SimpleString, cst.ConcatenatedString)):
            return _local_host(host.evaluated_value, connect)
        if isinstance(host, cst.Attribute):  # class C: host = "::1"
            return self._loopback_literal(self._class_constant(site.scope, host), connect)
        return False

    def names_remote_host(self, site, address):
        """The code names the host the call ``site`` connects to (``address``, its first
        argument), and it is not this host: a string that is neither empty nor a loopback
        address, as the address or the host of an address tuple, in place, through a module
        constant or through a name the function assigns it to on every path to the call
        (``loopback_address``'s reading: ``("example.com", 80)``, ``HOST = "db.internal"``)."""
        host = self._host_expression(site, address)
        return isinstance(host, (cst.SimpleString, cst.ConcatenatedString)) and \
            isinstance(host.evaluated_value, str) and host.evaluated_value != "" and \
            not is_loopback_host(host.evaluated_value)

    def _host_expression(self, site, address):
        if address is None:
            return None
        if isinstance(address, (cst.Name, cst.Attribute)):
            address = self.value_before(site, address) or address
            if isinstance(address, (cst.Name, cst.Attribute)):
                # ADDRESS = ("localhost", 9000) in another project module, imported
                value = self._imported_constant(address, site.scope)
                if isinstance(value, tuple) and value and isinstance(value[0], str):
                    return cst.SimpleString(repr(value[0]))
        if isinstance(address, cst.Tuple) and address.elements:
            address = address.elements[0].value
        if isinstance(address, cst.Name) and address.value in self.constants:
            address = self.constants[address.value]  # HOST = "localhost"
        elif isinstance(address, (cst.Name, cst.Attribute)):
            address = self.value_before(site, address) or address  # host = "127.0.0.1"
            if isinstance(address, (cst.Name, cst.Attribute)):
                value = self._imported_constant(address, site.scope)  # from .s import HOST
                if isinstance(value, str):
                    return cst.SimpleString(repr(value))
        return address

    def _imported_constant(self, node, scope=None, lookups=False):
        """The value of a constant of another project module that ``node`` names
        (``HOST`` after ``from .settings import HOST`` or ``from .settings import *``,
        ``settings.HOST``, ``Config.HOST`` of an imported class: ``Facts.constant_value``),
        or None; with ``lookups``, a constant read from the environment gives its default
        (``HOST = os.getenv("HOST", "127.0.0.1")``: ``index.EnvDefault``). The name (or
        the head of the dotted name) must be bound in the module by imports alone, or
        bound nowhere in a module with a star import, so a local name, ``self.x`` or a
        class of this module names no such constant."""
        key = key_of(node)
        if key is None:
            return None
        # the name must come from an import: this module's own names (its constants, its
        # classes' constants) are read, or refused, by the module's own reading
        head = key.partition(".")[0]
        while scope is not None and scope is not self.model.module_scope:
            if scope.kind == "function" and head in scope.bindings:
                return None  # a parameter or local of that name hides the import
            scope = scope.parent
        bindings = self.model.module_scope.bindings.get(head, ())
        if any(binding.how != "import" for binding in bindings) or \
                (not bindings and not self.imports.star):
            return None  # a name bound nowhere comes from a star import, if any
        value = self.constant_value(node)
        if lookups and type(value) is EnvDefault:
            return value.value
        return value if isinstance(value, (str, tuple)) else None

    def _loopback_literal(self, node, connect=False):
        """``node`` is a loopback address written as a string, in place or as a module
        constant (``HOST = "localhost"``); with ``connect``, also the unspecified address
        (``_local_host``)."""
        if isinstance(node, cst.Name) and node.value in self.constants:
            node = self.constants[node.value]
        elif type(node) is cst.Attribute and type(node.value) is cst.Name:
            node = self._named_class_constant(node.value.value, node.attr.value) or node
        if isinstance(node, (cst.Name, cst.Attribute)):
            # a default named from another module (a lookup's default, unless told otherwise)
            value = self._imported_constant(node, lookups=True)
            return _local_host(value, connect)
        return isinstance(node, (cst.SimpleString, cst.ConcatenatedString)) and \
            _local_host(node.evaluated_value, connect)

    def _named_class_constant(self, class_name, attr):
        """For ``Config.HOST``: the expression the body of the module's class ``Config``
        binds ``HOST`` to, once (``HOST = "localhost"``, ``HOST: str = "localhost"``), when
        the module binds ``Config`` only to that class and no method assigns
        ``self.HOST``; None otherwise."""
        bindings = self.model.module_scope.bindings.get(class_name, ())
        if len(bindings) != 1 or bindings[0].how != "class":
            return None
        for cls in self.model.classes:
            if cls.name == class_name and cls.node is bindings[0].node:
                found = cls.attr_bindings.get(attr, ())
                if len(found) == 1 and found[0].scope.kind == "class" and \
                        found[0].how == "assign" and found[0].index is None:
                    return found[0].value
        return None

    def _class_constant(self, scope, node):
        """For ``self.x`` in a method: the expression the class body binds ``x`` to, once,
        when nothing else binds it (no method assigns ``self.x``: an instance attribute
        would hide it; no class of the module derived from it binds ``x``: its objects
        would read that); None otherwise."""
        key = key_of(node)
        cls = scope.cls
        if key is None or cls is None:
            return None
        head, _, rest = key.partition(".")
        if head != scope.self_name or not rest or "." in rest:
            return None
        bindings = cls.attr_bindings.get(rest, ())
        if len(bindings) != 1 or bindings[0].scope.kind != "class" or \
                bindings[0].how != "assign" or bindings[0].index is not None:
            return None
        if any(cls.name in (base.rpartition(".")[2] for base in other.bases)
               and rest in other.attr_bindings for other in self.model.classes):
            return None
        return bindings[0].value

    def class_constant(self, scope, node):
        """``_class_constant``: for ``self.x`` in a method, the expression the class body
        binds ``x`` to when nothing else binds it (``PORT = 0`` read as ``self.PORT``)."""
        return self._class_constant(scope, node)

    def loopback_by_default(self, site, address):
        """The host the call ``site`` binds or connects to (``address``, its first
        argument, or the host of that tuple) is loopback unless the program is told
        otherwise: every default ``defaults_of`` finds for it is a loopback literal or a
        module constant holding one (``def serve(host="127.0.0.1", port=0):``,
        ``__init__(self, listen_host="localhost")`` storing ``self.listen_host``, an
        ``--host`` option defaulting to loopback), or, for an address passed whole, whose
        default is an address display with such a host (``def ask(addr=("127.0.0.1",
        7356)):``), also read by its first item (``connect((addr[0], addr[1]))``)."""
        address = _sequence_copy(self.imports, address)  # bind(tuple(self.addr))
        if isinstance(address, (cst.Name, cst.Attribute)):
            address = self.value_before(site, address) or address
        if isinstance(address, cst.Name):  # ADDRESS = (HOST, PORT) at the module's top
            address = self._module_value(site.scope, address.value) or address
        if type(address) is cst.Attribute:
            # self.addr = ("localhost", port) in __init__, connected in another method
            hosts = self._displayed_hosts(site, address)
            if hosts:
                return all(self._loopback_literal(h) for h in hosts)
        whole = not isinstance(address, cst.Tuple)
        if not whole and address.elements:
            address = address.elements[0].value
            if isinstance(address, (cst.Name, cst.Attribute)):
                address = self.value_before(site, address) or address  # host = args.host
            if first_item(address) and isinstance(address.value, (cst.Name, cst.Attribute)):
                # ``connect((addr[0], addr[1]))``: the host of an address with a default
                address, whole = address.value, True
        defaults = self.defaults_of(site, address)
        if whole and defaults and all(isinstance(d, (cst.Tuple, cst.List)) and d.elements
                                      for d in defaults):
            # the whole address has a default: ``def ask(addr=("127.0.0.1", 7356)):``
            defaults = [d.elements[0].value for d in defaults]
        return bool(defaults) and all(self._loopback_literal(d) for d in defaults)

    def defaults_of(self, site, node):
        """What ``node`` (a name or attribute used by the call ``site``) holds unless the
        program is told otherwise, as a list of expressions, or None when it is not such a
        value: a parameter of the function whose default it is, the function binding the
        name nowhere else; ``self.x`` that every assignment of the class (or, when the class makes
        none, of the base class of this module that does) sets from such a parameter of
        the method it is in; or ``args.x`` where ``args`` holds what
        ``parse_args()`` returned, each command-line option of the module storing into
        ``x`` giving its ``default=``; ``self.config.x`` where ``self.config`` holds a
        project class's instance whose body gives ``x`` its default
        (``_config_field_default``). A parameter or option with no default gives None.
        So does a lookup with a default (``kwargs.get("host", "127.0.0.1")``,
        ``os.environ.get(...)``, ``os.getenv(...)``: the default, unless the key is given),
        and ``str(x)`` of any of these, in place or as a module constant (``HOST =
        os.getenv("HOST", "127.0.0.1")`` at the module's top); and the arm of ``a if test
        else b`` that the program takes unless the command line says otherwise
        (``_branch_default``)."""
        if isinstance(node, cst.Call):
            return self._lookup_default(site, node)
        if isinstance(node, cst.IfExp):
            return self._branch_default(site, node, site.scope)
        if isinstance(node, cst.BooleanOperation):
            return self._or_default(site, node, site.scope)
        if isinstance(node, cst.Name):
            found = self._parameter_defaults(site.scope, node.value)
            if found is None:
                value = self._module_value(site.scope, node.value)
                if type(value) is cst.Call:
                    found = self._lookup_default(site, value, self.model.module_scope)
                elif type(value) is cst.IfExp:
                    found = self._branch_default(site, value, self.model.module_scope)
            return found
        key = key_of(node) if isinstance(node, cst.Attribute) else None
        if key is None:
            return None
        options = self._option_defaults_of(site.scope, key)
        if options is not None:
            return options
        field = self._config_field_default(site.scope, key)
        if field is not None:
            return field
        # the class's own assignments, else those of the base class of this module that
        # makes the attribute (``super().__init__(**kwargs)`` storing ``self.host``)
        return self._stored_values(
            site.scope, key, lambda value, scope: self._assigned_default(site, value, scope))

    def _stored_values(self, scope, key, read):
        """For ``self.x`` seen in the method ``scope``: ``read(value, method_scope)`` of every
        assignment of the class to ``x`` (or, when the class makes none, of the base class
        of this module that does), joined; None when an assignment is not a plain one, or
        ``read`` gives None for one, or there is none."""
        assignments = self.class_assignments(scope, key) or self.base_assignments(scope, key)
        found = []
        for binding in assignments:
            if binding.how != "assign" or binding.index is not None:
                return None
            values = read(binding.value, binding.scope)
            if values is None:
                return None
            found.extend(values)
        return found or None

    def _assigned_default(self, site, value, scope):
        """What ``value``, assigned to an attribute in the method ``scope``, holds unless
        the program is told otherwise (``defaults_of``'s reading of one assignment): a
        string, a module constant, a parameter's default, a lookup's default, ``x or
        "default"``, the first item of a parameter whose default is an address display
        (``host_details[0]``); None when not known."""
        if isinstance(value, cst.Call):
            return self._lookup_default(site, value, scope)
        if isinstance(value, (cst.SimpleString, cst.ConcatenatedString)):
            return [value]  # self.host = "localhost" in __init__
        if isinstance(value, cst.Name):
            found = self._parameter_defaults(scope, value.value)
            if found is None and value.value in self.constants and \
                    value.value not in scope.bindings:
                found = [value]  # self.host = HOST, a module constant
            return found
        if isinstance(value, cst.BooleanOperation):
            return self._or_default(site, value, scope)
        if first_item(value) and type(value.value) is cst.Name:
            # ``self.host = host_details[0]`` with ``host_details=["localhost", 9000]``
            found = self._parameter_defaults(scope, value.value.value)
            if found and all(type(d) in (cst.Tuple, cst.List) and d.elements and
                             type(d.elements[0]) is not cst.StarredElement for d in found):
                return [d.elements[0].value for d in found]
        return None

    def _displayed_hosts(self, site, node):
        """For an address kept in ``self.x`` (``node``) that every assignment of the class
        (or, when it makes none, of its base class in this module) sets to a tuple or list
        display (``self.addr = ("localhost", port)``, ``self.addr = ["127.0.0.1", 8000]``):
        what the host of each display holds unless the program is told otherwise, as a
        list (``_assigned_default``); None when an assignment is something else, a host
        is not known, or the class may change the host in place (a store into the
        attribute's item 0 or an item not written as a number, or a list method that moves
        or replaces items: ``insert``, ``pop``, ``remove``, ``clear``, ``reverse``,
        ``sort``). A store into a later item (``self.addr[1] = port``) changes the port
        alone."""
        key = key_of(node) if type(node) is cst.Attribute else None
        if key is None or site.scope.cls is None:
            return None
        assignments = self.class_assignments(site.scope, key) or \
            self.base_assignments(site.scope, key)
        if not assignments:
            return None
        attr = key.partition(".")[2]
        owners = {id(binding.scope.cls): binding.scope.cls for binding in assignments}
        if any(owner is None or _changes_items(owner.node, attr) for owner in owners.values()):
            return None
        hosts = []
        for binding in assignments:
            value = binding.value
            if binding.how != "assign" or binding.index is not None or \
                    type(value) not in (cst.Tuple, cst.List) or not value.elements or \
                    isinstance(value.elements[0], cst.StarredElement):
                return None
            found = self._assigned_default(site, value.elements[0].value, binding.scope)
            if found is None:
                return None
            hosts.extend(found)
        return hosts

    def _or_default(self, site, node, scope):
        """For ``a or b`` in ``scope``: what it holds unless the program is told otherwise.
        ``a`` is a parameter of ``scope`` or a lookup (``defaults_of``'s reading); where its
        default is empty (``None``, ``""``, ``False``, ``0``), ``b`` decides, and must be a
        string literal, a module constant or a class constant bound to one (``host or
        "127.0.0.1"`` with ``host=None``; ``host or self.DEFAULT_HOST``), or a lookup with
        a default, in place or as a module constant (``server or os.getenv("SERVER",
        "localhost")``: the default).
        None when either side is not known."""
        if type(node.operator) is not cst.Or:
            return None
        left = node.left
        if isinstance(left, cst.Name):
            found = self._parameter_defaults(scope, left.value)
        elif isinstance(left, cst.Call):
            found = self._lookup_default(site, left, scope)
        else:
            found = None
        if not found:
            return None
        values = [d for d in found if not _empty_literal(d)]
        if len(values) < len(found):
            right = node.right
            if type(right) is cst.Name and right.value in self.constants and \
                    type(self.constants[right.value]) is cst.Call:
                right = self.constants[right.value]  # SERVER = os.getenv("SERVER", "...")
            if type(right) is cst.Call:
                # ``server or os.getenv("SERVER", "localhost")``: the lookup's default
                decided = self._lookup_default(site, right, scope)
                if not decided:
                    return None
                return values + decided
            if type(right) is cst.Attribute:
                # ``host or self.DEFAULT_HOST`` / ``host or Config.HOST``: a class constant
                right = self._class_constant(scope, right) or (
                    self._named_class_constant(right.value.value, right.attr.value)
                    if type(right.value) is cst.Name else None)
            if not (isinstance(right, (cst.SimpleString, cst.ConcatenatedString)) or (
                    type(right) is cst.Name and right.value in self.constants)):
                return None
            values.append(right)
        return values

    def _branch_default(self, site, node, scope):
        """For ``a if test else b`` in ``scope``: what the arm the program takes unless told
        otherwise holds (a string literal or module constant, or, in the function of
        ``site``, what ``defaults_of`` finds for it); None when that arm is not known. The
        arm is known when the test reads the command line and one arm reads ``sys.argv``
        while the other does not (``sys.argv[2] if len(sys.argv) > 2 else "localhost"``:
        the other), or when the test is a flag of the parsed options that is off unless
        given (``"" if args.public else "127.0.0.1"`` with ``action="store_true"``: the
        ``else`` arm), also under ``not``."""
        test, flipped = node.test, False
        while type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:
            test, flipped = test.expression, not flipped
        arm = None
        if self._reads_argv(test):
            body, orelse = self._reads_argv(node.body), self._reads_argv(node.orelse)
            if body != orelse:
                arm = node.orelse if body else node.body
        elif type(test) is cst.Attribute and key_of(test) is not None:
            values = self._option_defaults_of(scope, key_of(test))
            names = {v.value if type(v) is cst.Name else None for v in values or ()}
            if names and names <= {"False", "None"}:
                arm = node.body if flipped else node.orelse
            elif names == {"True"}:
                arm = node.orelse if flipped else node.body
        if arm is None:
            return None
        if isinstance(arm, (cst.SimpleString, cst.ConcatenatedString)) or (
                type(arm) is cst.Name and arm.value in self.constants):
            return [arm]
        return self.defaults_of(site, arm) if scope is site.scope else None

    def _reads_argv(self, node):
        """``node`` reads ``sys.argv`` somewhere in it."""
        return any(type(inner) in (cst.Attribute, cst.Name) and
                   self.imports.qualify(inner) == "sys.argv" for inner in walk(node))

    def _lookup_default(self, site, call, scope=None):
        """For ``m.get(key, default)``, ``os.getenv(key, default)``, a configparser's
        ``cfg.get(section, option, fallback=default)``: [default]; for ``str(x)``: what
        ``x`` holds unless told otherwise (a parameter of ``scope``, the function of
        ``site`` when not given); None otherwise."""
        positional = [a.value for a in call.args if a.keyword is None and not a.star]
        if len(positional) == 2 and len(call.args) == 3 and \
                isinstance(call.func, cst.Attribute) and call.func.attr.value == "get":
            fallback = call.args[2]
            if fallback.keyword is not None and fallback.keyword.value == "fallback" and \
                    not fallback.star:
                return [fallback.value]
        if len(positional) != len(call.args):
            return None
        qname = self.imports.qualify(call.func)
        if qname == "str" and len(positional) == 1:
            inner = positional[0]
            if isinstance(inner, cst.Name):
                default = self._parameter_default(scope or site.scope, inner.value)
                return None if default is None else [default]
            return self._lookup_default(site, inner, scope) if isinstance(
                inner, cst.Call) else None
        if len(positional) == 2 and (qname == "os.getenv" or (
                isinstance(call.func, cst.Attribute) and call.func.attr.value == "get")):
            return [positional[1]]
        return None

    def _config_field_default(self, scope, key):
        """For ``self.config.host``: when ``self.config`` holds an instance of a project
        class (by its annotation or what the class assigns it, as the project index reads
        them: ``self.config = config or ProxyConfig()``) whose body gives ``host`` a string
        that nothing in the project may set otherwise (``index.class_default``: a dataclass
        field ``host: str = "127.0.0.1"``), [that string]; None otherwise."""
        parts = key.split(".")
        if len(parts) != 3 or parts[0] != scope.self_name or self.project is None:
            return None
        cls_qname = self._class_qname(scope.cls)
        if cls_qname is None:
            return None
        held = self.project.attribute_kind(cls_qname, parts[1])
        if held.kind is not ValueKind.INSTANCE or not held.name:
            return None
        value = self.project.class_default(held.name, parts[2])
        return [cst.SimpleString(repr(value))] if type(value) is str else None

    def _module_value(self, scope, name):
        """What the module's top level binds ``name`` to, as seen from ``scope``: one
        assignment of the whole name at the top level (``HOST = os.getenv(...)``, ``ADDRESS =
        (HOST, PORT)``), which no function or class between ``scope`` and the module binds
        and no function rebinds through ``global``; None otherwise."""
        current = scope
        while current is not None and current is not self.model.module_scope:
            if name in current.bindings:
                return None
            current = current.parent
        bindings = self.model.module_scope.bindings.get(name, ())
        if len(bindings) != 1 or bindings[0].how != "assign" or \
                bindings[0].index is not None or bindings[0].value is None or \
                self._global_bindings(name):
            return None
        return bindings[0].value

    def _option_defaults_of(self, scope, key):
        """For ``args.host`` where ``args`` holds what ``parse_args()`` returned (bound so in
        the function or at the module's top level): the defaults of every command-line
        option of the module whose destination is ``host`` (``add_argument("--host",
        ...)``, ``dest="host"``; optparse's ``add_option`` alike); also when ``args`` is a
        parameter that every caller fills with such a result (``_parsed_from_callers``).
        None when ``args`` is not such a result, there is no such option, or one of them
        has no default."""
        head, _, attr = key.partition(".")
        if not attr or "." in attr or head == scope.self_name:
            return None
        bindings = None
        current = scope
        while current is not None and bindings is None:
            bindings = current.bindings.get(head)
            found_in, current = current, current.parent
        if bindings and found_in is self.model.module_scope:
            # ``args = None`` at the top, then ``global args; args = parser.parse_args()``
            # in ``main()``: a placeholder, and the parsed options
            bindings = list(bindings) + self._global_bindings(head)
            parsed = [b for b in bindings if not _none_binding(b)]
        else:
            parsed = bindings
        if not parsed:
            return None
        if len(parsed) == 1 and parsed[0].how == "param":
            # ``def serve(a): ... bind((a.listen, a.port))``, every caller passing its parsed
            # options (``a = parser.parse_args(argv)``; ``serve(a)``)
            if not self._parsed_from_callers(found_in, head):
                return None
        elif not all(self._holds_parsed(b) for b in parsed):
            return None
        defaults = self._option_defaults().get(attr)
        if not defaults or any(d is None for d in defaults):
            return None
        return list(defaults)

    def _parsed_from_callers(self, scope, name):
        """The parameter ``name`` of the function ``scope`` holds parsed command-line
        options: every call of the function in the module (at least one) passes a name that
        the calling function binds only to what ``parse_args()`` returned, directly or
        through a function of the module that returns it."""
        arguments = self.arguments_from_callers(scope, name)
        if not arguments:
            return False
        for caller, arg in arguments:
            if type(arg) is not cst.Name:
                return False
            bindings = caller.bindings.get(arg.value, ())
            if not bindings or not all(self._holds_parsed(b) for b in bindings):
                return False
        return True

    def _holds_parsed(self, binding):
        """The binding holds parsed command-line options: what ``parse_args()`` returned,
        directly (``_parsed_arguments``) or through a function of the module
        (``_returns_parsed``)."""
        return _parsed_arguments(binding) or self._returns_parsed(binding)

    def _returns_parsed(self, binding):
        """The binding holds what a function of the module returns, and every ``return``
        of that function gives ``parser.parse_args(...)`` (``args = _parse_args(argv)``),
        in place or through a local name bound only to it (``a = ap.parse_args(argv)``
        ... ``return a``)."""
        value = binding.value
        if binding.how != "assign" or binding.index is not None or \
                type(value) is not cst.Call or type(value.func) is not cst.Name:
            return False
        defs = self.model.module_scope.bindings.get(value.func.value, ())
        if len(defs) != 1 or defs[0].how != "def" or \
                not isinstance(defs[0].node, cst.FunctionDef):
            return False
        scope = next((s for s in self.model.scopes if s.node is defs[0].node), None)
        returns = [node for node in walk(defs[0].node.body) if type(node) is cst.Return]

        def parsed(returned):
            if type(returned) is cst.Call:
                return type(returned.func) is cst.Attribute and \
                    returned.func.attr.value == "parse_args"
            if type(returned) is not cst.Name or scope is None:
                return False
            bindings = scope.bindings.get(returned.value, ())
            return bool(bindings) and all(_parsed_arguments(b) for b in bindings)
        return bool(returns) and all(parsed(r.value) for r in returns)

    def _global_bindings(self, name):
        """The bindings of ``name`` in the functions that declare it ``global``."""
        found = []
        for scope in self.model.scopes:
            if scope.kind == "function" and name in scope.bindings and \
                    name in self.memo(f"flow.declared:{id(scope)}",
                                      lambda: declared_names(scope.node)):
                found.extend(scope.bindings[name])
        return found

    def _option_defaults(self):
        """destination -> the defaults (None where none is given) of the module's
        ``add_argument``/``add_option`` calls; worked out once, when first asked."""
        def compute():
            found = {}
            for node in walk(self.model.module, nested=True):
                if type(node) is not cst.Call or type(node.func) is not cst.Attribute or \
                        node.func.attr.value not in ("add_argument", "add_option"):
                    continue
                dest = _option_destination(node)
                if dest is not None:
                    default = next((a.value for a in node.args if a.keyword is not None
                                    and a.keyword.value == "default"), None)
                    action = next((a.value for a in node.args if a.keyword is not None
                                   and a.keyword.value == "action"), None)
                    if default is None and type(action) is cst.SimpleString and \
                            action.evaluated_value in _FLAG_ACTIONS:
                        # ``action="store_true"``: False unless the flag is given
                        default = cst.Name(_FLAG_ACTIONS[action.evaluated_value])
                    found.setdefault(dest, []).append(default)
            return found
        return self.memo("flow.option_defaults", compute)

    def _parameter_default(self, scope, name):
        """The default of the parameter ``name`` of the function ``scope`` when the
        function binds the name nowhere else; None otherwise (no default too). A command
        line's default counts as the parameter's: the ``default=`` of the
        ``@click.option(...)`` (or ``click.argument``) of the function that fills it, or
        the default given to ``typer.Option(...)``/``typer.Argument(...)``."""
        bindings = scope.bindings.get(name, ()) if scope.kind == "function" else ()
        if len(bindings) != 1 or bindings[0].how != "param":
            return None
        default = bindings[0].value  # a parameter's binding holds its default
        if default is None:
            return self._click_default(scope, name)
        if type(default) is cst.Call and self.imports.qualify(default.func) in _TYPER_PARAMS:
            return _call_default(default)
        return default

    def _none_replaced(self, scope, name):
        """For a parameter whose default is None (or that has none) that the function
        replaces when it is None, in a statement of its own body: ``if host is None: host =
        "localhost"`` (also ``== None`` and ``if not host:``), what the ``if`` gives it, as
        a list (``_replacement_defaults``: a string, a module constant, a lookup's default,
        ``os.environ.get("HOST", "localhost")``, or the value a ``try`` whose lookup fails
        with KeyError falls back to). The function may bind the name nowhere else. None
        otherwise."""
        bindings = scope.bindings.get(name, ()) if scope.kind == "function" else ()
        if len(bindings) < 2 or bindings[0].how != "param" or \
                any(b.how == "param" for b in bindings[1:]):
            return None
        default = bindings[0].value
        if default is not None and not (type(default) is cst.Name and default.value == "None"):
            return None
        body = scope.node.body
        if not isinstance(body, cst.IndentedBlock):
            return None
        for stmt in body.body:
            if type(stmt) is not cst.If or stmt.orelse is not None or \
                    not _tests_none(stmt.test, name):
                continue
            inside = set()
            collect_ids(stmt, inside)
            if any(id(b.node) not in inside for b in bindings[1:]):
                return None
            return self._replacement_defaults(scope, stmt.body, name)
        return None

    def _replacement_defaults(self, scope, block, name):
        """What a block of one statement assigns ``name`` unless the program is told
        otherwise: ``name = value`` (a string, a module constant, a lookup with a default),
        or a ``try`` whose body assigns it a lookup that raises when the key is missing
        (``os.environ["HOST"]``, also inside ``int()``/``str()``) and whose handlers, each
        for KeyError (or LookupError, Exception, everything), assign it the default."""
        lines = block.body if isinstance(block, cst.IndentedBlock) else [block]
        if len(lines) != 1:
            return None
        stmt = lines[0]
        if isinstance(stmt, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            value = _assigned_value(stmt.body[0], name) if len(stmt.body) == 1 else None
            return None if value is None else self._plain_default(scope, value)
        if type(stmt) is not cst.Try or stmt.orelse is not None or \
                stmt.finalbody is not None or not stmt.handlers:
            return None
        tried = stmt.body.body
        if len(tried) != 1 or not isinstance(tried[0], cst.SimpleStatementLine) or \
                len(tried[0].body) != 1:
            return None
        value = _assigned_value(tried[0].body[0], name)
        while type(value) is cst.Call and len(value.args) == 1 and \
                self.imports.qualify(value.func) in ("int", "str"):
            value = value.args[0].value
        if type(value) is not cst.Subscript:
            return None
        found = []
        for handler in stmt.handlers:
            caught = handler.type
            if caught is not None and (self.imports.qualify(caught) or "").rpartition(".")[2] \
                    not in ("KeyError", "LookupError", "Exception", "BaseException"):
                return None
            values = self._replacement_defaults(scope, handler.body, name)
            if values is None:
                return None
            found.extend(values)
        return found

    def _plain_default(self, scope, value):
        if isinstance(value, (cst.SimpleString, cst.ConcatenatedString)):
            return [value]
        if type(value) is cst.Name and value.value in self.constants and \
                value.value not in scope.bindings:
            return [value]
        if type(value) is cst.Call:
            return self._lookup_default(None, value, scope)
        return None

    def _parameter_defaults(self, scope, name, depth=0):
        """What the parameter ``name`` of the function ``scope`` holds unless the program is
        told otherwise, as a list: its default (``_parameter_default``), or, for one with
        none, what every call of the function in the module passes for it when each is
        such a value in the caller (a loopback literal or constant, the caller's own
        parameter, a command-line option's default): one step of callers, two at most.
        A method counts the calls ``self.m(...)`` of its class; a function whose name is
        used any other way (a callback) has callers out of sight, and gives None."""
        replaced = self._none_replaced(scope, name)
        if replaced is not None:
            return replaced
        default = self._parameter_default(scope, name)
        if default is not None:
            return [default]
        function = scope.node
        if depth > 1 or not isinstance(function, cst.FunctionDef) or \
                not plain_decorators(function):
            return None
        arguments = self.arguments_from_callers(scope, name)
        if depth == 0 and (arguments == [] or (
                arguments is None and self._called_by_name_only(scope))) and \
                self._project_callers_local(scope, name):
            return [cst.SimpleString('"localhost"')]
        if not arguments:
            return None
        found = []
        for caller, arg in arguments:
            values = None if arg is None else self._caller_value(caller, arg, depth + 1)
            if values is None:
                return None
            found.extend(values)
        if self._project_passes_other_host(scope, name):
            return None  # a caller in another module passes something else
        return found

    def _project_passes_other_host(self, scope, name):
        """The project index records a call of the function ``scope`` (by its name, its
        class's for ``__init__``), in another module of the project, that passes for
        ``name`` something not loopback unless told otherwise
        (``ProjectIndex.callers_pass_other_host``)."""
        callee = _called_name(scope)
        if self.project is None or self.module_name is None or callee is None:
            return False
        return self.project.callers_pass_other_host(
            callee, argument_position(scope, name), name, self.module_name)

    def port_zero_by_default(self, site, node) -> bool:
        """``node``, used by the call ``site``, is a parameter of the function it is in (or
        of a function around it, for a closure) that is 0 on every call: its default is
        port 0 (``def __init__(self, cfg, port=0):``) or it has none, every call of the
        function in the module is in sight and passes nothing there (with the default 0)
        or the number 0 (``Listener(port=0)``), and every call of its name (its class's,
        for ``__init__``) that the project index records, in any module, passes 0 if it
        passes it; at least one call, in the module or (passing 0) in the project. The
        port is then 0 on every run of the program."""
        if not isinstance(node, cst.Name):
            return False
        scope = site.scope
        name = node.value
        # a closure reads the parameter of the function around it (``def embed():
        # sock.bind((host, port))`` inside ``def Embed(host="127.0.0.1", port=0):``)
        while name not in scope.bindings and scope.parent is not None and \
                scope.parent.kind == "function":
            scope = scope.parent
        default = self._parameter_default(scope, name)
        function = scope.node
        if (default is not None and int_value(default) != 0) or \
                not isinstance(function, cst.FunctionDef) or not plain_decorators(function):
            return False
        arguments = self.arguments_from_callers(scope, name)
        if arguments is None or any(
                arg is not None and not self._is_zero(caller, arg) for caller, arg in arguments):
            return False
        if default is None and any(arg is None for _, arg in arguments):
            return False  # no default: a call that passes nothing is no call of it
        if self.project is None:
            return bool(arguments)
        callee = function.name.value
        if callee == "__init__":
            owner = scope.parent
            if owner is None or not isinstance(owner.node, cst.ClassDef):
                return False
            callee = owner.node.name.value
        position = argument_position(scope, name)
        if not self.project.argument_passed(callee, position, name):
            return bool(arguments) and default is not None
        # the project's calls that pass it (in any module, tests included) all pass 0
        return self.project.callers_pass_zero(callee, position, name)

    def _is_zero(self, scope, node):
        """``node``, passed by a call in ``scope``, is the number 0: the literal, or a
        module constant holding it that ``scope`` does not bind."""
        if int_value(node) == 0:
            return True
        if not isinstance(node, cst.Name) or node.value in scope.bindings:
            return False
        constant = self.constant_value(node)
        return type(constant) is int and constant == 0

    def _called_by_name_only(self, scope):
        """The function ``scope`` is a method of a class of the module whose name the module
        uses only as the method called on some object (``client.connect_to_server(...)``,
        ``self.connect_to_server(...)``), besides its ``def``: every call of it is one the
        project index records by the method's name, so its callers are all in the index's
        sight (``_project_callers_local``)."""
        function = scope.node
        if scope.cls is None or not isinstance(function, cst.FunctionDef) or \
                function.name.value.startswith("__"):
            return False
        name = function.name.value
        return self.memo(f"flow.called_by_name:{name}",
                         lambda: _only_called_as_method(self.model.module, name))

    def _project_callers_local(self, scope, name):
        """No call of the function ``scope`` is in its module, or every call of it there is
        a method call that the project index records too (``_called_by_name_only``), and
        every call of it that the project's modules make (by its name, its class's for
        ``__init__``)
        passes this host's loopback address for the parameter ``name`` unless told
        otherwise (``ProjectIndex.callers_pass_loopback``: a loopback string or constant,
        also one imported from another project module, the caller's own parameter with
        such a default or ``@click.option`` default, a lookup with such a default)."""
        callee = _called_name(scope)
        if self.project is None or callee is None:
            return False
        return self.project.callers_pass_loopback(callee, argument_position(scope, name), name)

    def _caller_value(self, scope, node, depth):
        """What the expression ``node`` passed by a call in the function ``scope`` holds
        unless told otherwise: a string literal or module constant (itself), a parameter
        of ``scope`` (``_parameter_defaults``), ``args.x`` of parsed command-line options,
        ``self.config.x`` of a configuration object whose class gives ``x`` a default
        (``_config_field_default``), ``self.x`` that the class stores from such a parameter
        or a string (``_stored_defaults``), or a name ``scope`` binds once to one of these;
        None otherwise."""
        if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
            return [node]
        if isinstance(node, cst.Name):
            if node.value in self.constants and node.value not in scope.bindings:
                return [node]
            bindings = scope.bindings.get(node.value, ())
            if len(bindings) == 1 and bindings[0].how == "param":
                return self._parameter_defaults(scope, node.value, depth)
            if len(bindings) == 1 and bindings[0].how == "assign" and \
                    bindings[0].index is None and bindings[0].value is not None and \
                    not isinstance(bindings[0].value, cst.Name):
                return self._caller_value(scope, bindings[0].value, depth)
            return None
        if isinstance(node, cst.Attribute) and key_of(node) is not None:
            key = key_of(node)
            return self._option_defaults_of(scope, key) or \
                self._config_field_default(scope, key) or \
                self._stored_defaults(scope, key, depth)
        return None

    def _stored_defaults(self, scope, key, depth):
        """For ``self.host`` passed by a method: what every assignment of its class (or of
        the base class of this module that makes it) stores there holds unless told
        otherwise, when each is a string literal or a parameter of its method
        (``__init__(self, host="localhost")`` storing ``self.host = host``,
        ``_parameter_defaults``); None otherwise."""
        def read(value, method):
            if isinstance(value, (cst.SimpleString, cst.ConcatenatedString)):
                return [value]
            bindings = method.bindings.get(value.value, ()) \
                if isinstance(value, cst.Name) else ()
            if len(bindings) != 1 or bindings[0].how != "param":
                return None
            return self._parameter_defaults(method, value.value, depth)

        return self._stored_values(scope, key, read)

    def _click_default(self, scope, name):
        """The ``default=`` of the ``@click.option``/``@click.argument`` decorator of the
        function ``scope`` that fills its parameter ``name``, or None."""
        function = scope.node
        for decorator in getattr(function, "decorators", ()):
            call = decorator.decorator
            if type(call) is not cst.Call or \
                    self.imports.qualify(call.func) not in _CLICK_PARAMS:
                continue
            if _click_destination(call) == name:
                return next((a.value for a in call.args if a.keyword is not None
                             and a.keyword.value == "default"), None)
        return None

    def sockname_of(self, site, node):
        """The key of the socket whose own address ``node`` is, as used by the call ``site``:
        ``s.getsockname()`` in place, or a name (or ``self.attr``) assigned from it before the
        call (``Facts.value_before``); None otherwise."""
        if node is not None and not isinstance(node, cst.Call):
            node = self.value_before(site, node)
        if isinstance(node, cst.Call) and not node.args and \
                isinstance(node.func, cst.Attribute) and node.func.attr.value == "getsockname":
            return key_of(node.func.value)
        return None

    def _class_defines(self, cls):
        """The names the class body defines as methods (properties included) or as class
        attributes made by a call (``port = property(...)``, a descriptor): setting or
        reading them on an instance may run code."""
        def compute():
            names = set()
            for stmt in _lines(cls.node.body):
                if isinstance(stmt, cst.FunctionDef):
                    names.add(stmt.name.value)
                elif isinstance(stmt, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
                    for small in stmt.body:
                        value = getattr(small, "value", None)
                        if isinstance(small, (cst.Assign, cst.AnnAssign)) and \
                                isinstance(value, cst.Call):
                            targets = small.targets if isinstance(small, cst.Assign) else (
                                small,)
                            for target in targets:
                                names.update(target_keys(target.target))
            return frozenset(names)

        return self.memo(f"flow.class_defines:{id(cls)}", compute)


def _get_without_default(node):
    """``options.get("timeout")``: a mapping's ``get`` with no default, None when the key
    is missing."""
    return isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and \
        node.func.attr.value == "get" and len(node.args) == 1 and \
        node.args[0].keyword is None and not node.args[0].star


_CLICK_PARAMS = frozenset({"click.option", "click.argument"})
_TYPER_PARAMS = frozenset({"typer.Option", "typer.Argument"})


def _call_default(call):
    """The default handed to ``typer.Option(default, ...)``: its first positional argument
    or ``default=``; None when there is none or it is ``...`` (required)."""
    for arg in call.args:
        if arg.keyword is None and not arg.star:
            value = arg.value
            break
        if arg.keyword is not None and arg.keyword.value == "default":
            value = arg.value
            break
    else:
        return None
    return None if type(value) is cst.Ellipsis else value


def _click_destination(call):
    """The parameter a click option fills: a declaration without dashes, else the first
    long option (``--proxy-host`` -> ``proxy_host``), else the first short one; None when
    the declarations are not string literals."""
    names = []
    for arg in call.args:
        if arg.keyword is not None or arg.star:
            continue
        if type(arg.value) is not cst.SimpleString or \
                not isinstance(arg.value.evaluated_value, str):
            return None
        names.append(arg.value.evaluated_value)
    plain = [n for n in names if not n.startswith("-")]
    if plain:
        return plain[0]
    for prefix in ("--", "-"):
        found = [n for n in names if n.startswith(prefix)]
        if found:
            return found[0].lstrip("-").replace("-", "_").lower() or None
    return None


def _none_binding(binding):
    """``name = None``: a placeholder."""
    value = binding.value
    return binding.how == "assign" and binding.index is None and \
        type(value) is cst.Name and value.value == "None"


# What a flag option holds when the user does not give it.
_FLAG_ACTIONS = {"store_true": "False", "store_false": "True"}


def _parsed_arguments(binding):
    """The binding holds what an argument parser returned: ``args = parser.parse_args()``,
    or the first of ``args, rest = parser.parse_known_args()``."""
    value = binding.value
    if binding.how != "assign" or type(value) is not cst.Call or \
            type(value.func) is not cst.Attribute:
        return False
    method = value.func.attr.value
    return method == "parse_args" and binding.index is None or \
        method == "parse_known_args" and binding.index == 0


def _option_destination(call):
    """The attribute a parsed command-line option is stored in: ``dest=``, else the first
    long option (``--listen-host`` -> ``listen_host``), else the first short one, else a
    positional argument's name; None when they are not string literals."""
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "dest":
            value = arg.value
            return value.evaluated_value if isinstance(value, cst.SimpleString) else None
    names = []
    for arg in call.args:
        if arg.keyword is not None or arg.star:
            continue
        if not isinstance(arg.value, cst.SimpleString) or \
                not isinstance(arg.value.evaluated_value, str):
            return None
        names.append(arg.value.evaluated_value)
    if not names:
        return None
    long = [n for n in names if n.startswith("--")]
    name = long[0][2:] if long else names[0].lstrip("-")
    return name.replace("-", "_") or None


def _only_called_as_method(module, name):
    """Every occurrence of ``name`` in the module is a ``def`` of that name or the attribute
    called in ``x.name(...)``, and there is exactly one such ``def``."""
    defs = 0
    stack = [(module, None, None)]
    while stack:
        node, parent, grandparent = stack.pop()
        if isinstance(node, cst.Name) and node.value == name:
            if isinstance(parent, cst.FunctionDef) and parent.name is node:
                defs += 1
            elif not (isinstance(parent, cst.Attribute) and parent.attr is node and
                      isinstance(grandparent, cst.Call) and grandparent.func is parent):
                return False
        stack.extend((child, node, parent) for child in iter_children(node))
    return defs == 1

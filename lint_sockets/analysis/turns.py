"""Where a stream read stands in the conversation: is it the first read of a turn?

In a strict request/response exchange the peer has nothing queued when it writes its reply,
so the reply starts a new TCP segment, and the first few bytes of a segment arrive together.
The same is true of the first bytes a fresh connection carries. This module answers, for a
``recv`` call in a function, whether it is the FIRST read on its socket since

- this function's own send on the same socket (``sock.sendall(request)``), with no read on
  it in between: a turn; or
- the socket was connected or accepted in this function (``socket.create_connection()``,
  ``sock.connect()``, ``conn, _ = listener.accept()``), or it is ``self.request`` at the start
  of a ``socketserver`` handler's ``handle()``: nothing came before on the stream;

and, after such a first read of a fixed size, whether a following fixed-size read still ends
within the turn's first WHOLE_AT_SEGMENT_START bytes (``recv(16)`` then ``recv(4)``): the
bytes the first read left of the reply's first segment are queued already.

The answer is conservative. The function body is followed statement by statement, branches
merged (a socket is at the start of a turn after an ``if`` only if it is on every path); any
read on another object, a call that is handed the socket (or ``self`` for ``self.sock``), a
call of one of ``self``'s methods or of a function defined inside the function (but a
closure that only writes to one outer name is a write on it: ``_closure_writer``; and a
method of the class whose last statement writes to ``self.x`` is a write on ``self.x``), and any
socket method this module does not know count as a read. Inside a loop a read counts only
if the same iteration started the turn (``while True: sock.sendall(q); sock.recv(4)``): the
previous iteration's send does not count, nor does a connection made before the loop.
Sends and reads in a conditional expression, and anything in a comprehension, do not start
a turn. Nested functions, lambdas and classes are not followed.
"""

from __future__ import annotations

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.nodes import (ends_pass, int_value, iter_children, key_of,
                                         mentions, strip_await, thread_call)

# The fewest payload bytes a TCP segment carries unless the write itself is smaller. The peer
# sends at most the MSS this host advertised (from its own interface MTU: at least 536 bytes
# over IPv4, 1220 over IPv6, about 64 KiB on loopback) and lowers it only after path-MTU
# discovery, which stops at a path MTU of 552 bytes on Linux (net.ipv4.route.min_pmtu) and
# an MSS of 216 on FreeBSD and macOS (net.inet.tcp.minmss), or when the peer's own program
# sets TCP_MAXSEG, which Linux refuses below 88 (TCP_MIN_MSS). Each leaves at least 48 bytes
# of payload after the largest TCP options (40 bytes).
WHOLE_AT_SEGMENT_START = 48

# Socket methods that neither read nor write the stream.
_QUIET_METHODS = frozenset({
    "settimeout", "setblocking", "setsockopt", "getsockopt", "getpeername", "getsockname",
    "gettimeout", "fileno", "getblocking", "bind", "listen", "shutdown",
})
_CONNECT_METHODS = frozenset({"connect", "connect_ex"})
_TURN_METHODS = tables.SEND_METHODS | {"sendfile"}
# Calls that may be handed a socket without reading it.
_QUIET_CALLS = frozenset({"len", "id", "repr", "str", "isinstance", "hasattr", "print"})
_FRESH_CONSTRUCTORS = frozenset({"socket.socket", "socket.SocketType",
                                 "socket.create_connection", "_socket.socket"})
_FRESH_HANDLER_BASES = frozenset({"socketserver.BaseRequestHandler",
                                  "socketserver.StreamRequestHandler"})
_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)
_NESTED = (cst.FunctionDef, cst.ClassDef, cst.Lambda)


def _join(states):
    """States of paths that meet: a key is at a turn's start only if it is on every path,
    established at the shallowest of their loop depths. None is a path that never gets here."""
    live = [state for state in states if state is not None]
    if not live:
        return None
    first, rest = live[0], live[1:]
    joined = {}
    for key, (depth, used) in first.items():
        for other in rest:
            value = other.get(key)
            if value is None:
                break
            depth = min(depth, value[0])
            used = max(used, value[1])
        else:
            joined[key] = (depth, used)
    return joined


def _clamp(state, depth):
    if state is None:
        return None
    return {key: (min(value[0], depth), value[1]) for key, value in state.items()}


def _is_true(node):
    return (isinstance(node, cst.Name) and node.value == "True") or (
        int_value(node) not in (None, 0))


class _Turns:
    """One pass over one function body."""

    def __init__(self, imports, self_name, size_of=None, methods=None):
        self.imports = imports
        self.methods = methods or {}  # the class's methods by name (for ``self.m()``)
        self.size_of = size_of  # a read's fixed size (``recv(4)``), or None
        self.self_name = self_name
        self.starts = set()  # ids of recv calls that are the first read of a turn
        self.depth = 0
        self.local_functions = set()
        # local functions whose body writes to one outer name and reads nothing: name -> key
        self.local_writers = {}
        self.breaks = []
        self.continues = []
        self.touched = None  # keys whose state changed (inside a try body), or None

    # ---- state changes -----------------------------------------------------------------

    def set(self, state, key, depth=None, used=0):
        """``key`` is at the start of a turn established at loop depth ``depth``, and
        ``used`` bytes of it have been read since."""
        state[key] = (self.depth if depth is None else depth, used)
        if self.touched is not None:
            self.touched.add(key)

    def drop(self, state, key):
        if state.pop(key, None) is not None and self.touched is not None:
            self.touched.add(key)

    def drop_where(self, state, predicate):
        for key in [key for key in state if predicate(key)]:
            self.drop(state, key)

    # ---- expressions -------------------------------------------------------------------

    def expr(self, root, state):
        """Apply the calls of ``root`` to ``state`` in evaluation order."""
        if root is None or state is None:
            return
        stack = [(root, False, False, False)]
        while stack:
            node, conditional, repeated, visited = stack.pop()
            if visited:
                self.call(node, state, conditional, repeated)
                continue
            if isinstance(node, _NESTED):
                continue
            if isinstance(node, cst.Call):
                stack.append((node, conditional, repeated, True))
            children = list(iter_children(node))
            flags = [(conditional, repeated)] * len(children)
            if isinstance(node, cst.BooleanOperation):
                flags = [(conditional, repeated) if child is node.left else (True, repeated)
                         for child in children]
            elif isinstance(node, cst.IfExp):
                flags = [(conditional, repeated) if child is node.test else (True, repeated)
                         for child in children]
            elif isinstance(node, _COMPREHENSIONS):
                flags = [(True, True)] * len(children)
            for child, (cond, rep) in reversed(list(zip(children, flags))):
                stack.append((child, cond, rep, False))

    def call(self, node, state, conditional, repeated):
        func = node.func
        key = key_of(func.value) if isinstance(func, cst.Attribute) else None
        method = func.attr.value if isinstance(func, cst.Attribute) else None
        tracked = key is not None and key in state
        if tracked or (key is not None and method in _CONNECT_METHODS | _TURN_METHODS):
            before = state.get(key)
            if method == "recv" and before is not None and before[0] == self.depth and \
                    not (conditional or repeated):
                size = self.size_of(node) if self.size_of is not None else None
                if before[1] == 0 or (size is not None and
                                      before[1] + size <= WHOLE_AT_SEGMENT_START):
                    self.starts.add(id(node))
                if size is not None and before[1] + size < WHOLE_AT_SEGMENT_START:
                    # still inside the first bytes of the turn: the next fixed read that
                    # ends there arrives whole too (``code = recv(1)``, ``recv(4)``)
                    self.drop_where(state, lambda other: other != key)
                    self.set(state, key, before[0], before[1] + size)
                    return
            if method in _TURN_METHODS or method in _CONNECT_METHODS:
                if not (conditional or repeated):
                    self.set(state, key)
            elif method not in _QUIET_METHODS:
                # A read (which also reads any other name for the same socket:
                # ``self.request`` and ``self.connection``), or a method not known to leave
                # the stream alone.
                self.drop_where(state, lambda _key: True)
                return
        if isinstance(func, cst.Name) and func.value in self.local_writers and \
                self.local_writers[func.value] not in _argument_keys(node):
            # ``send_reply(b"ok")`` of ``def send_reply(data): conn.sendall(data)``: a write
            # on ``conn``, as a send is
            if not (conditional or repeated):
                self.set(state, self.local_writers[func.value])
            return
        if key is not None and key == self.self_name and method in self.methods:
            writes = self._method_ends_with_write(node)
            if writes is not None:
                # ``self._send_command(c)`` whose last statement is ``self.sock.sendall(...)``:
                # the stream's last event is that write, whatever the method did before it
                head = self.self_name
                self.drop_where(state, lambda k: k.split(".", 1)[0] == head)
                if not (conditional or repeated):
                    self.set(state, f"{head}.{writes}")
                return
        if not state:
            return
        qname = self.imports.qualify(func)
        if method is not None and not tracked and method not in _TURN_METHODS and (
                method in tables.READ_METHODS or method in tables.FILE_READ_METHODS or
                method in ("makefile", "sock_recv", "sock_recv_into")):
            self.drop_where(state, lambda _key: True)  # a read of something else: an alias?
            return
        if isinstance(func, cst.Name) and func.value in self.local_functions:
            self.drop_where(state, lambda _key: True)
            return
        if self.self_name is not None and key == self.self_name or (
                isinstance(func, cst.Attribute) and isinstance(func.value, cst.Call) and
                isinstance(func.value.func, cst.Name) and func.value.func.value == "super"):
            head = self.self_name or ""
            self.drop_where(state, lambda k: k.split(".", 1)[0] == head)
        if qname is not None and (qname.startswith(("select.", "selectors.")) or
                                  qname in _QUIET_CALLS):
            return
        if isinstance(func, cst.Name) and func.value in _QUIET_CALLS:
            return
        if method == "wrap_socket" or qname in tables.SSL_WRAPPERS:
            return  # the TLS socket made here reads through it: bound as the same stream
        handed = _argument_keys(node)
        if handed:
            self.drop_where(state, lambda k: _prefixes(k) & handed)

    def _method_ends_with_write(self, call):
        """The attribute ``x`` when ``call`` is ``self.m(...)`` of a method of the class
        whose last statement writes to ``self.x`` (``_opens_turn``), and ``self`` is not
        handed to it; None otherwise."""
        name = call.func.attr.value
        callee = self.methods.get(name)
        if callee is None or callee.self_name is None or any(
                key_of(arg.value) == self.self_name for arg in call.args):
            return None
        body = callee.node.body.body if isinstance(callee.node.body, cst.IndentedBlock) \
            else ()
        if not body or callee.node.asynchronous is not None or callee.node.decorators:
            return None
        return _opens_turn(body[-1], callee.self_name, self.methods, 1)

    # ---- statements --------------------------------------------------------------------

    def body(self, statements, state):
        for stmt in statements:
            if state is None:
                return None
            state = self.stmt(stmt, state)
        return state

    def suite(self, suite, state):
        if isinstance(suite, cst.IndentedBlock):
            return self.body(suite.body, state)
        return self.smalls(suite.body, state)

    def smalls(self, smalls, state):
        for small in smalls:
            if state is None:
                return None
            state = self.small(small, state)
        return state

    def stmt(self, stmt, state):
        if isinstance(stmt, cst.SimpleStatementLine):
            return self.smalls(stmt.body, state)
        if isinstance(stmt, cst.If):
            self.expr(stmt.test, state)
            branch = self.suite(stmt.body, dict(state))
            other = dict(state)
            if isinstance(stmt.orelse, cst.If):
                other = self.stmt(stmt.orelse, other)
            elif isinstance(stmt.orelse, cst.Else):
                other = self.suite(stmt.orelse.body, other)
            return _join([branch, other])
        if isinstance(stmt, (cst.While, cst.For)):
            return self.loop(stmt, state)
        if isinstance(stmt, (cst.Try, cst.TryStar)):
            return self.try_(stmt, state)
        if isinstance(stmt, cst.With):
            for item in stmt.items:
                self.expr(item.item, state)
                if item.asname is not None:
                    self.bind(item.asname.name, item.item, state)
            return self.suite(stmt.body, state)
        if isinstance(stmt, cst.FunctionDef):
            self.local_functions.add(stmt.name.value)
            writer = _closure_writer(stmt, self.imports)
            if writer is not None:
                self.local_writers[stmt.name.value] = writer
            else:
                self.local_writers.pop(stmt.name.value, None)
            return state
        if isinstance(stmt, cst.ClassDef):
            return state
        if isinstance(stmt, cst.Match):
            self.expr(stmt.subject, state)
            return _join([state] + [self.suite(case.body, dict(state)) for case in stmt.cases])
        return {}  # a statement this module does not know: nothing is known after it

    def small(self, small, state):
        if isinstance(small, (cst.Return, cst.Raise)):
            for child in iter_children(small):
                self.expr(child, state)
            return None
        if isinstance(small, cst.Break):
            self.breaks.append(dict(state))
            return None
        if isinstance(small, cst.Continue):
            self.continues.append(dict(state))
            return None
        if isinstance(small, cst.Assign):
            self.expr(small.value, state)
            for target in small.targets:
                self.bind(target.target, small.value, state)
            return state
        if isinstance(small, cst.AnnAssign):
            self.expr(small.value, state)
            self.bind(small.target, small.value, state)
            return state
        if isinstance(small, cst.AugAssign):
            self.expr(small.value, state)
            self.bind(small.target, None, state)
            return state
        if isinstance(small, (cst.Import, cst.ImportFrom, cst.Pass, cst.Global, cst.Nonlocal)):
            return state
        for child in iter_children(small):
            if isinstance(child, cst.BaseExpression):
                self.expr(child, state)
        return state

    def bind(self, target, value, state, index=None):
        """``target = value``: a name that now holds a new connection starts fresh; any
        other name bound here (and everything reached through it) is unknown."""
        if isinstance(target, (cst.Tuple, cst.List)):
            for position, element in enumerate(target.elements):
                inner = element.value
                self.bind(inner, None if isinstance(element, cst.StarredElement) else value,
                          state, position)
            return
        key = key_of(target)
        if key is None:
            return
        self.drop_where(state, lambda k: k == key or k.startswith(key + "."))
        depth = self._fresh(strip_await(value), index, state) if value is not None else None
        if depth is not None:
            self.set(state, key, depth)

    def _fresh(self, value, index, state):
        """The loop depth at which ``value`` is a new connection, or None."""
        if isinstance(value, cst.Subscript) and index is None and len(value.slice) == 1:
            element = value.slice[0].slice
            if isinstance(element, cst.Index) and int_value(element.value) == 0:
                value, index = strip_await(value.value), 0
        if not isinstance(value, cst.Call):
            return None
        func = value.func
        method = func.attr.value if isinstance(func, cst.Attribute) else None
        if method == "accept":
            return self.depth if index == 0 else None
        if index is not None:
            return None
        qname = self.imports.qualify(func)
        if qname in _FRESH_CONSTRUCTORS:
            return self.depth
        if method == "wrap_socket" or qname in tables.SSL_WRAPPERS:
            wrapped = value.args[0].value if value.args and value.args[0].keyword is None \
                else None
            wrapped_key = key_of(wrapped) if wrapped is not None else None
            value = state.get(wrapped_key) if wrapped_key is not None else None
            return value[0] if value is not None else None
        return None

    def loop(self, stmt, state):
        if isinstance(stmt, cst.For):
            self.expr(stmt.iter, state)
        outer_breaks, outer_continues = self.breaks, self.continues
        head = state
        for _ in range(3):
            self.breaks, self.continues = [], []
            self.depth += 1
            tested = dict(head)  # the loop ends after its test (or with its iterator)
            if isinstance(stmt, cst.While):
                self.expr(stmt.test, tested)
            entry = dict(tested)
            if isinstance(stmt, cst.For):
                self.bind(stmt.target, None, entry)
            end = self.suite(stmt.body, entry)
            self.depth -= 1
            new_head = _join([state, _clamp(end, self.depth)] +
                             [_clamp(s, self.depth) for s in self.continues])
            breaks = [_clamp(s, self.depth) for s in self.breaks]
            if new_head == head:
                exits = [] if isinstance(stmt, cst.While) and _is_true(stmt.test) else [
                    _clamp(tested, self.depth)]
                break
            head = new_head if new_head is not None else {}
        else:
            exits, breaks = [{}], [{}]
        self.breaks, self.continues = outer_breaks, outer_continues
        finished = _join(exits)  # the else block runs when the loop ends without a break
        if stmt.orelse is not None and finished is not None:
            finished = self.suite(stmt.orelse.body, finished)
        return _join([finished] + breaks)

    def try_(self, stmt, state):
        outer = self.touched
        self.touched = set()
        before = dict(state)
        end = self.suite(stmt.body, state)
        touched = self.touched
        self.touched = outer
        if outer is not None:
            outer.update(touched)
        # A handler runs after any part of the body: only what the body left alone is known.
        raised = {key: value for key, value in before.items() if key not in touched}
        ends = []
        if end is not None and stmt.orelse is not None:
            end = self.suite(stmt.orelse.body, end)
        ends.append(end)
        for handler in stmt.handlers:
            ends.append(self.suite(handler.body, dict(raised)))
        after = _join(ends)
        if stmt.finalbody is not None:
            final = self.suite(stmt.finalbody.body, _join([after, raised]) or {})
            return final if after is not None else None
        return after


def _argument_keys(call):
    """Names and attribute chains mentioned in ``call``'s arguments (not inside a lambda or a
    nested call's receiver chain)."""
    keys = set()
    stack = [arg.value for arg in call.args]
    while stack:
        node = stack.pop()
        if isinstance(node, _NESTED):
            continue
        key = key_of(node)
        if key is not None:
            keys.add(key)
            continue
        stack.extend(iter_children(node))
    return keys


def _prefixes(key):
    parts = key.split(".")
    return {".".join(parts[:count]) for count in range(1, len(parts) + 1)}


def _may_read(scope):
    """A method that may read from a socket: a read call on anything, or a call of one of
    ``self``'s own methods (``super().__init__()`` is socketserver's, which reads nothing
    before ``handle()``)."""
    stack = list(iter_children(scope.node.body))
    while stack:
        node = stack.pop()
        if isinstance(node, _NESTED):
            continue
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
            method = node.func.attr.value
            if method in tables.READ_METHODS or method in tables.FILE_READ_METHODS or \
                    method == "makefile":
                return True
            if isinstance(node.func.value, cst.Name) and node.func.value.value == \
                    scope.self_name:
                return True
        stack.extend(iter_children(node))
    return False


def _initial_state(imports, scope, calls=None):
    """``self.request`` at the start of a socketserver handler's ``handle()``: the class
    derives from a socketserver handler directly, and its own ``setup()`` or ``__init__()``,
    if any, reads nothing. For a private method, the socket its callers have just written
    to (``_callers_turn``). For any function, the sockets it finds at an unknown point
    when the module never shows it running mid-stream (``_unknown_entry_keys``)."""
    node = scope.node
    cls = scope.cls
    state = {key: (0, 0) for key in _unknown_entry_keys(scope, calls)}
    if cls is not None and scope.self_name is not None and node.name.value != "handle":
        attr = _callers_turn(imports, scope)
        if attr is not None:
            state[f"{scope.self_name}.{attr}"] = (0, 0)
        state.update((param, (0, 0)) for param in _callers_turn_params(imports, scope))
        return state
    if cls is None or scope.self_name is None or node.name.value != "handle":
        return state
    if not set(cls.bases) & _FRESH_HANDLER_BASES:
        return state
    for method in cls.methods:
        if method.node.name.value in ("setup", "__init__") and _may_read(method):
            return state
    state.update({f"{scope.self_name}.request": (0, 0), f"{scope.self_name}.connection": (0, 0)})
    return state


_WRITE_METHODS = frozenset({"send", "sendall", "sendto", "sendmsg", "write"})


def _callers_turn(imports, scope):
    """The attribute ``x`` when ``scope`` is a private method of its class (``_read_reply``)
    whose every use in the module is a call that is a statement of its own, right after a
    statement that writes to ``self.x`` or connects it (``self.x.sendall(request)``), or
    that calls a method of the class whose last statement does (``self._send(request)``,
    also as the last statement of a ``try`` body): at the start of the method, ``self.x``
    is at the start of a turn. None otherwise, or when the callers disagree on ``x``."""
    calls = _private_calls(imports, scope)
    if not calls:
        return None
    methods = {method.node.name.value: method for method in scope.cls.methods}
    found = None
    for method, _, before in calls:
        attr = _opens_turn(before[-1] if before else None, method.self_name, methods, 0)
        if attr is None or (found is not None and attr != found):
            return None
        found = attr
    return found


def _private_calls(imports, scope):
    """(calling method, call, the statements before it in its block) for every call of
    ``scope``, a private method of its class, when every use of its name in the module is a
    call that is a statement's whole value in a method of the class, or a thread started
    on it there with its arguments written out (``_statement_calls``); None when the method
    is not private or is used any other way."""
    name = scope.node.name.value
    if not name.startswith("_") or (name.startswith("__") and name.endswith("__")):
        return None
    module = scope
    while module.parent is not None:
        module = module.parent
    uses = _attribute_uses(module.node, name)
    calls = []
    for method in scope.cls.methods:
        for used, call, before in _statement_calls(imports, method, name):
            uses.discard(id(used))
            calls.append((method, call, before))
    return calls if not uses else None


def _callers_turn_params(imports, scope):
    """The parameters of ``scope``, a private method of its class, that are at the start of
    a turn when it begins: every use of the method in the module is a call that is a
    statement's whole value (or a thread started on it with its arguments written out),
    right after a statement that writes to the object passed for that parameter
    (``sock.sendall(req)``) or connects it, or that calls a method of the class which
    writes to the parameter it is handed and does nothing else with it
    (``self._send(sock, req)`` then ``reply = self._read_reply(sock)``); or after the
    statement that accepted that connection (``conn, addr = listener.accept()``), with
    nothing in between that names it (``_accepted_keys``)."""
    params = [p.name.value for p in scope.node.params.params[1:]]
    calls = _private_calls(imports, scope) if params else None
    if not calls:
        return ()
    methods = {method.node.name.value: method for method in scope.cls.methods}
    found = None
    for method, call, before in calls:
        opened = _opened_keys(before[-1], method.self_name, methods) if before else set()
        opened |= _accepted_keys(before)
        positions = {index for index, arg in enumerate(call.args)
                     if index < len(params) and arg.keyword is None and not arg.star
                     and key_of(arg.value) in opened}
        found = positions if found is None else found & positions
        if not found:
            return ()
    return tuple(params[index] for index in sorted(found))


def _accepted_keys(before):
    """The names that one of the statements ``before`` (a block's statements up to a call,
    in order) binds to a connection it accepts (``conn, addr = listener.accept()``,
    ``conn = listener.accept()[0]``; also as the last statement of a ``try`` body whose
    handlers all leave the block, ``_accept_of_try``) and that no later one of them names:
    the stream of such a connection has not been read yet."""
    found = set()
    for index, stmt in enumerate(before):
        stmt = _accept_of_try(stmt)
        if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1 or \
                not isinstance(stmt.body[0], cst.Assign) or len(stmt.body[0].targets) != 1:
            continue
        assign = stmt.body[0]
        target, value = assign.targets[0].target, assign.value
        if isinstance(target, (cst.Tuple, cst.List)) and target.elements and \
                _is_accept(value):
            target = target.elements[0].value
        elif isinstance(value, cst.Subscript) and _is_accept(value.value) and \
                len(value.slice) == 1 and isinstance(value.slice[0].slice, cst.Index) and \
                int_value(value.slice[0].slice.value) == 0:
            pass
        else:
            continue
        if isinstance(target, cst.Name) and not any(
                mentions(later, target.value) for later in before[index + 1:]):
            found.add(target.value)
    return found


def _accept_of_try(stmt):
    """For ``try: conn, addr = listener.accept()`` whose every handler ends the block
    (``except socket.timeout: continue``; ``nodes.ends_pass``) and that has no ``else`` or
    ``finally``: the last statement of its body, which bound the names the statements after
    the ``try`` find. Any other statement as it is."""
    if not isinstance(stmt, cst.Try) or stmt.orelse is not None or \
            stmt.finalbody is not None or not stmt.body.body:
        return stmt
    if not all(ends_pass(handler.body) for handler in stmt.handlers):
        return stmt
    return stmt.body.body[-1]


def _is_accept(node):
    return isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and \
        node.func.attr.value == "accept" and not node.args


def _opened_keys(stmt, self_name, methods):
    """The keys of the objects a statement writes to or connects (``sock.sendall(req)``),
    or hands to a method of the class that only writes to them (``self._send(sock, req)``):
    after it, each is at the start of a turn."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1 or \
            not isinstance(stmt.body[0], cst.Expr):
        return set()
    call = strip_await(stmt.body[0].value)
    if not isinstance(call, cst.Call) or not isinstance(call.func, cst.Attribute):
        return set()
    method = call.func.attr.value
    receiver = key_of(call.func.value)
    if receiver is None:
        return set()
    if method in _WRITE_METHODS | _CONNECT_METHODS:
        return {receiver}
    callee = methods.get(method) if receiver == self_name else None
    if callee is None:
        return set()
    writers = _writes_only(callee)
    return {key_of(arg.value) for index, arg in enumerate(call.args)
            if arg.keyword is None and not arg.star and index in writers} - {None}


def _writes_only(method):
    """Positions (``self`` not counted) of the parameters a method writes to and uses for
    nothing else: every mention of the name is the receiver of a send or of a socket
    method that neither reads nor writes (``settimeout``)."""
    params = [p.name.value for p in method.node.params.params[1:]]
    written, other = set(), set()
    stack = [method.node.body]
    while stack:
        node = stack.pop()
        if isinstance(node, _NESTED):
            continue
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and \
                isinstance(node.func.value, cst.Name) and node.func.value.value in params:
            owner = node.func.value.value
            if node.func.attr.value in _WRITE_METHODS:
                written.add(owner)
            elif node.func.attr.value not in _QUIET_METHODS:
                other.add(owner)
            stack.extend(arg.value for arg in node.args)
            continue
        if isinstance(node, cst.Name) and node.value in params:
            other.add(node.value)
        stack.extend(iter_children(node))
    return {index for index, param in enumerate(params) if param in written - other}


# Builtins a writing closure may call: they take values and read no socket.
_PLAIN_BUILTINS = _QUIET_CALLS | {"bytes", "bytearray", "int", "len", "min", "max", "chr",
                                  "ord", "format", "bool", "float", "hex", "list", "tuple"}


def _closure_writer(function, imports):
    """The name a nested function writes to and uses for nothing else, when its body reads
    nothing: one outer name (not a parameter, not assigned in it) is the receiver of its
    sends, and every other call in it is a plain builtin (``len``, ``bytes``) or a function
    of an imported module (``struct.pack``), none of them a read (``def send_reply(data):
    conn.sendall(data)``). A call of it writes to that name, as a send would. None
    otherwise (and for async, decorated or generator functions)."""
    if function.asynchronous is not None or function.decorators:
        return None
    params = {p.name.value for p in (*function.params.params, *function.params.kwonly_params,
                                     *function.params.posonly_params)}
    written, other = set(), False
    stack = [function.body]
    while stack:
        node = stack.pop()
        if isinstance(node, _NESTED) or isinstance(node, (cst.Yield, cst.Await,
                                                          cst.Global, cst.Nonlocal)):
            other = True
            break
        if isinstance(node, cst.Call):
            func = node.func
            if isinstance(func, cst.Attribute):
                method = func.attr.value
                owner = key_of(func.value)
                if method in _WRITE_METHODS and isinstance(func.value, cst.Name) and \
                        owner not in params:
                    written.add(owner)
                    stack.extend(arg.value for arg in node.args)
                    continue
                if owner is None or owner.partition(".")[0] not in imports.aliases or \
                        method in tables.READ_METHODS or method in tables.FILE_READ_METHODS:
                    other = True  # only functions of imported modules (``struct.pack``)
                    break
            elif not (isinstance(func, cst.Name) and func.value in _PLAIN_BUILTINS):
                other = True  # a function that may read the socket through a closure
                break
        stack.extend(iter_children(node))
    if other or len(written) != 1:
        return None
    name = next(iter(written))
    if _mentioned_apart(function.body, name):
        return None  # handed on, or assigned, in the nested function
    return name


def _mentioned_apart(root, name):
    """``name`` appears under ``root`` other than as the receiver of a write method."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Call) and \
                isinstance(node.func, cst.Attribute) and \
                isinstance(node.func.value, cst.Name) and node.func.value.value == name and \
                node.func.attr.value in _WRITE_METHODS:
            stack.extend(arg.value for arg in node.args)
            continue
        if isinstance(node, cst.Name) and node.value == name:
            return True
        stack.extend(iter_children(node))
    return False


def _attribute_uses(root, name):
    """ids of every ``<anything>.name`` node under ``root``."""
    uses = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Attribute) and node.attr.value == name:
            uses.add(id(node))
        stack.extend(iter_children(node))
    return uses


def _statement_calls(imports, method, name):
    """(the use of the name, call, the statements before it in its block) for each
    ``self.name(...)`` that is the whole value of a statement of ``method`` (an expression,
    an assignment, a ``return``), and for each thread started on ``self.name`` with its
    arguments written out whose constructor is such a value (``t =
    threading.Thread(target=self.name, args=(conn,))``, or ``threading.Thread(...).start()``),
    as a call passing those arguments."""
    self_name = method.self_name
    stack = [method.node.body]
    while stack:
        node = stack.pop()
        if isinstance(node, _NESTED):
            continue
        body = node.body if isinstance(node, cst.IndentedBlock) else None
        if body is not None:
            for index, stmt in enumerate(body):
                small = stmt.body[0] if isinstance(stmt, cst.SimpleStatementLine) and \
                    len(stmt.body) == 1 else None
                value = getattr(small, "value", None) if isinstance(
                    small, (cst.Expr, cst.Assign, cst.Return)) else None
                value = strip_await(value) if value is not None else None
                if isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) and \
                        value.func.attr.value == "start" and not value.args and \
                        isinstance(value.func.value, cst.Call):
                    value = value.func.value  # ``threading.Thread(...).start()``
                thread = thread_call(imports, value) if isinstance(value, cst.Call) else None
                used, call = thread if thread is not None else (
                    value.func if isinstance(value, cst.Call) else None, value)
                if isinstance(used, cst.Attribute) and used.attr.value == name and \
                        key_of(used.value) == self_name:
                    yield used, call, body[:index]
        stack.extend(iter_children(node))


def _opens_turn(stmt, self_name, methods, depth):
    """The attribute ``x`` when ``stmt`` writes to ``self.x`` or connects it, or calls a
    method of the class whose last statement does (one level); None otherwise."""
    if isinstance(stmt, cst.Try) and depth and stmt.body.body:
        return _opens_turn(stmt.body.body[-1], self_name, methods, depth)
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1 or \
            not isinstance(stmt.body[0], cst.Expr):
        return None
    call = strip_await(stmt.body[0].value)
    if not isinstance(call, cst.Call) or not isinstance(call.func, cst.Attribute):
        return None
    method = call.func.attr.value
    receiver = key_of(call.func.value)
    if receiver is None or self_name is None:
        return None
    head, _, attr = receiver.partition(".")
    if head == self_name and attr and "." not in attr and \
            method in _WRITE_METHODS | _CONNECT_METHODS:
        return attr
    if receiver == self_name and depth == 0 and method in methods:
        callee = methods[method]
        body = callee.node.body.body if isinstance(callee.node.body, cst.IndentedBlock) \
            else ()
        if body and callee.self_name == self_name:
            return _opens_turn(body[-1], self_name, methods, depth + 1)
    return None


def turn_starts(imports, scope, size_of=None, calls=None):
    """The ids of the ``recv`` calls in function ``scope`` that are the first read of a turn
    on their socket, or a later fixed-size read that still ends within the turn's first
    WHOLE_AT_SEGMENT_START bytes (see the module's docstring). ``size_of(call)`` gives a
    read's fixed size, or None; ``calls``, the module's ``CallIndex``, lets a socket the
    function finds at an unknown point start a turn (``_unknown_entry_keys``)."""
    methods = {method.node.name.value: method for method in scope.cls.methods} \
        if scope.cls is not None and scope.self_name is not None else None
    walker = _Turns(imports, scope.self_name, size_of, methods)
    walker.suite(scope.node.body, _initial_state(imports, scope, calls))
    return frozenset(walker.starts)


class TurnFacts:
    """Mixin for Facts: ``starts_turn(site)`` and ``arrives_whole(site)``."""

    def starts_turn(self, site) -> bool:
        """``site`` (a ``recv``) is the first read on its socket since this function's own
        send on it, since the connection was made, or since the function began, when it
        finds the socket at an unknown point and the module never shows it running
        mid-stream (see ``turns``)."""
        if site.scope is None or site.scope.kind != "function" or site.in_lambda:
            return False
        starts = self.memo(f"turns:{id(site.scope)}",
                           lambda: turn_starts(self.imports, site.scope, self._read_size,
                                               self.memo("turns:calls",
                                                         lambda: CallIndex(self.module))))
        return id(site.node) in starts

    def _read_size(self, call):
        """The size a ``recv(n)`` call asks for when the code fixes it (a literal or a
        constant), else None."""
        size = None
        for position, arg in enumerate(call.args):
            if (arg.keyword is None and position == 0 and not arg.star) or (
                    arg.keyword is not None and arg.keyword.value == "bufsize"):
                size = arg.value
                break
        if size is None:
            return None
        value = int_value(size)
        if value is None:
            constant = self.constant_value(size)
            if isinstance(constant, int) and not isinstance(constant, bool):
                value = constant
        return value if value is not None and value > 0 else None

    def arrives_whole(self, site, needed: int | None = None) -> bool:
        """A ``recv(n)`` on a plain (not TLS) socket with a fixed ``n`` of at most
        WHOLE_AT_SEGMENT_START bytes that starts a turn: the bytes are the start of the
        peer's reply, which begins a segment, and a segment carries at least that many bytes
        unless the write was smaller. ``needed``: the code uses only that many bytes of the
        result (``struct.unpack("!BBH4s", sock.recv(1024))`` needs 8), and the window
        applies to them when the fixed ``n`` is larger."""
        size = site.argument(0, "bufsize")
        value = int_value(size) if size is not None else None
        if value is None and size is not None:
            constant = self.constant_value(size)
            value = constant if isinstance(constant, int) and not isinstance(
                constant, bool) else None
        if needed is not None and value is not None and 0 < needed < value:
            value = needed
        if value is None or not 0 < value <= WHOLE_AT_SEGMENT_START:
            return False
        # Not through TLS: a TLS 1.0 peer that splits records 1/n-1 (a CBC countermeasure)
        # sends a write's first byte in a record of its own, and SSLSocket.recv() returns one
        # record at a time.
        if self.socket_confidence(site).ssl:
            return False
        return self.starts_turn(site)


# ---- a stream the function finds at an unknown point ------------------------------------

# How many callers up the module's evidence of a function running mid-stream is followed.
EVIDENCE_DEPTH = 3


def _unknown_entry_keys(scope, calls):
    """The sockets a function reads with ``recv`` and finds at an unknown point of their
    stream (a parameter, ``self.x``, or a name the function does not bind), when nothing in
    the module shows the function running in the middle of a stream (``mid_stream`` over
    ``calls``, the module's ``CallIndex``): its first read of such a socket then counts as the
    first read of a turn, as it would after the function's own send."""
    node = scope.node
    if calls is None or not isinstance(node, cst.FunctionDef) or (
            scope.cls is not None and node.name.value == "handle"):
        return ()  # a socketserver handler's setup() may have read first
    keys = set()
    stack = list(iter_children(node.body))
    while stack:
        child = stack.pop()
        if isinstance(child, _NESTED):
            continue
        if isinstance(child, cst.Call) and isinstance(child.func, cst.Attribute) and \
                child.func.attr.value == "recv":
            key = key_of(child.func.value)
            head = key.partition(".")[0] if key is not None else None
            if head is not None and (head == scope.self_name or all(
                    binding.how == "param" for binding in scope.bindings.get(head, ()))):
                keys.add(key)
        stack.extend(iter_children(child))
    if not keys or calls.mid_stream(node):
        return ()
    return keys


class CallIndex:
    """Where a module uses each name, and the reads and writes of each function in source
    order: the evidence ``mid_stream`` reads. Built once per module."""

    def __init__(self, module):
        # name -> [(node, enclosing function or None, positions of the loops around it in
        # that function, whether it is called there, position)]
        self.uses = {}
        # id(function or None) -> [(kind "read" | "write" | "call", position, name)]
        self.events = {}
        defs = {}
        readers = set()
        counter = 0
        stack = [(module, None, ())]
        while stack:
            node, function, loops = stack.pop()
            counter += 1
            if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
                if isinstance(node, cst.FunctionDef):
                    defs.setdefault(node.name.value, []).append(node)
                    function, loops = node, ()
                stack.extend((child, function, loops)
                             for child in reversed(list(iter_children(node)))
                             if child is not node.name)
                continue
            if isinstance(node, cst.Call):
                func = node.func
                name = func.attr.value if isinstance(func, cst.Attribute) else \
                    func.value if isinstance(func, cst.Name) else None
                if name is not None:
                    self.uses.setdefault(name, []).append((node, function, loops, True,
                                                           counter))
                    kind = _event_kind(name)
                    if kind == "read" and function is not None:
                        readers.add(id(function))
                    self.events.setdefault(id(function), []).append(
                        (kind, counter, name, _objects(node)))
                    if isinstance(func, cst.Attribute):
                        stack.append((func.value, function, loops))
                    stack.extend((child, function, loops)
                                 for child in reversed(list(iter_children(node)))
                                 if child is not func)
                    continue
            elif isinstance(node, cst.Name):
                self.uses.setdefault(node.value, []).append((node, function, loops, False,
                                                             counter))
            elif isinstance(node, cst.Attribute):
                self.uses.setdefault(node.attr.value, []).append(
                    (node, function, loops, False, counter))
                stack.append((node.value, function, loops))
                continue
            if isinstance(node, (cst.While, cst.For)):
                loops = loops + (counter,)
            stack.extend((child, function, loops)
                         for child in reversed(list(iter_children(node))))
        # functions of the module that read (by name), and those that only write
        self.readers = {name for name, nodes in defs.items()
                        if any(id(node) in readers for node in nodes)}
        self.writers = {name for name, nodes in defs.items()
                        if name not in self.readers and all(
                            any(event[0] == "write" for event in self.events.get(id(node), ()))
                            for node in nodes)}

    def mid_stream(self, function, depth=0):
        """The module shows ``function`` running in the middle of its socket's stream: a
        use of its name that is not a call (a callback, which an event loop runs again on
        every readable event); a call that its caller makes after a read (also a call of a
        function of the module that reads) with no write since (a write, or a call of a
        function of the module that only writes, on an object the call hands the function
        or, for ``self.m()``, on ``self``'s); a call in a loop of its caller with no such
        write earlier in that pass; or a call before any read or write of a caller that is
        itself shown mid-stream, up to EVIDENCE_DEPTH callers up. Methods are matched by
        name."""
        name = function.name.value
        for node, caller, loops, called, position in self.uses.get(name, ()):
            if not called:
                return True
            handed = _objects(node)
            start = loops[0] if loops else 0
            last = None
            for kind, at, callee, objects in self.events.get(id(caller), ()):
                if at >= position:
                    break
                if at <= start:
                    continue
                if kind == "call":
                    kind = "read" if callee in self.readers and callee != name else \
                        "write" if callee in self.writers else None
                if kind == "write" and not objects & handed:
                    kind = None  # a write on something else (a file, a log)
                last = kind or last
            if last == "read":
                return True
            if last == "write":
                continue  # the caller started a turn
            if loops:
                return True
            if caller is not None and depth < EVIDENCE_DEPTH and \
                    self.mid_stream(caller, depth + 1):
                return True
        return False


def _objects(call):
    """The heads of the names a call works on: its receiver's (``sock`` of
    ``sock.sendall(x)``, ``self`` of ``self.sock.send(x)`` and of ``self._read()``) and its
    arguments' (``sock`` of ``send_message(sock, data)``: ``_argument_keys``)."""
    keys = set(_argument_keys(call))
    if isinstance(call.func, cst.Attribute):
        keys.add(key_of(call.func.value))
    return {key.partition(".")[0] for key in keys if key is not None}


def _event_kind(name):
    if name in tables.READ_METHODS or name in tables.FILE_READ_METHODS or \
            name in ("makefile", "sock_recv", "sock_recv_into"):
        return "read"
    if name in _WRITE_METHODS or name in _CONNECT_METHODS or name == "sendfile":
        return "write"
    return "call"

"""Reads that a readiness wait gates: is a read of a socket reached only right after
``select.select``, ``poll``/``epoll`` or a ``selectors`` selector reported that socket
readable, in the same function and the same loop iteration (``Facts.read_after_readiness``)?

The answer is structural and conservative. The read must sit in the branch taken when the
wait reported the socket (``if sock in r:``, ``if key.fileobj is sock:`` in a loop over the
events, ``elif`` included), or after ``if not r: continue`` (``return``, ``raise``,
``break``) or in a plain loop over the ready list (``for _ in r:``) when the wait watched
that socket alone. Between the wait and the read there
must be no other read of the socket and no loop boundary other than the loop over the
events. The wait must either have a timeout (a bounded wait) or watch more sources than
this socket (the program waits for whichever comes first); a wait with no timeout on the
socket alone does not count, since it waits on the peer for ever.
"""

from __future__ import annotations

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.nodes import (
    iter_children, key_of, mentions, number_value, strip_await,
)

_POLL_CTORS = frozenset({"select.poll", "select.epoll", "select.devpoll"})
_EXITS = (cst.Continue, cst.Return, cst.Raise, cst.Break)
_READS = tables.READ_METHODS | {"makefile", "read", "readline"}
_WRITES = tables.COUNTED_SEND_METHODS | {"sendall", "sendfile", "write"}
_NESTED = (cst.FunctionDef, cst.ClassDef, cst.Lambda)
_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)


class _Wait:
    """One readiness wait: whether it is bounded and which sources it watches for reading
    (a set of keys, or None when the function does not show them all)."""

    __slots__ = ("node", "bounded", "sources", "select", "read_only")

    def __init__(self, node, bounded, sources, select, read_only=True):
        self.node = node  # the wait's call
        self.bounded = bounded
        self.sources = sources
        self.select = select  # select.select (its result is (r, w, x)), not poll/selectors
        self.read_only = read_only  # it reports readiness for reading only

    def answer(self, key, alone):
        """(gated, wait, reported): ``gates``' answer, this wait, and whether the report
        says that ``key`` itself is readable."""
        return self.gates(key, alone), self, (not alone) or self.sources == {key}

    def gates(self, key, alone):
        """A read of ``key`` that this wait reported ready cannot block, and the wait does
        not wait on ``key``'s peer alone for ever (``alone``: the test only says that the
        wait returned something, so the wait must watch ``key`` alone)."""
        if alone:
            return self.bounded and self.sources == {key}
        if self.bounded:
            return True
        return self.sources is not None and key in self.sources and len(self.sources) > 1


class ReadinessFacts:
    """The readiness question of ``Facts``."""

    def read_after_readiness(self, site) -> bool:
        """The read at ``site`` (a call on ``site.receiver_key``) is reached only right
        after a readiness wait on that socket in the same function that is bounded or
        watches other sources too (see the module's docstring)."""
        return self._readiness(site)[0]

    def read_reported_ready(self, site) -> bool:
        """The read at ``site`` is reached only right after a readiness wait in the same
        function reported that very socket readable, whatever the wait's timeout: the branch
        taken for that socket, or a test that the wait returned something when it watched
        that socket alone; and the wait reports reading only (``select.select``'s read
        list, a poll object or selector whose registrations ask for reading only)."""
        _, wait, reported = self._readiness(site)
        return reported and wait is not None and wait.read_only

    def read_in_reader_callback(self, site) -> bool:
        """The read at ``site`` (``self.x.recv(n)`` in a method ``m``) runs only when
        ``self.x`` is readable: ``m`` is the read callback of ``self.x`` (``_registration``)
        and the class names ``self.m`` nowhere else (no direct call runs it at another
        time); the read is the one read of ``self.x`` in ``m``, outside any loop of ``m``
        (a second read would find the data taken)."""
        return self._in_callback(site, "read", _READS)

    def write_in_writer_callback(self, site) -> bool:
        """The send at ``site`` (``self.x.send(data)`` in a method ``m``) runs only when
        ``self.x`` is writable: ``m`` is the write callback of ``self.x``
        (``loop.add_writer(self.x, self.m)``, ...) and the class names ``self.m`` nowhere
        else; the send is the one write of ``self.x`` in ``m``, outside any loop of ``m``
        (a second one may find the room taken by the first)."""
        return self._in_callback(site, "write", _WRITES)

    def _in_callback(self, site, direction, methods):
        key = site.receiver_key
        scope = site.scope
        cls = scope.cls
        if key is None or site.loops or cls is None or scope.kind != "function" or \
                not isinstance(scope.node, cst.FunctionDef):
            return False
        head, _, rest = key.partition(".")
        if head != scope.self_name or not rest or "." in rest:
            return False
        if sum(1 for other in self.calls_in(scope)
               if other.receiver_key == key and other.method in methods) != 1:
            return False
        uses = self.memo(f"ready.callbacks:{id(cls)}", lambda: _callback_uses(cls))
        registered, named = uses.get(scope.node.name.value, ((), 0))
        return bool(registered) and len(registered) == named and \
            all(registration == (rest, direction) for registration in registered)

    def after_async_wait(self, site, direction) -> bool:
        """The call at ``site`` (a read for ``direction`` "read", a send for "write") is the
        first thing done with its socket after ``await anyio.wait_socket_readable(sock)``
        (``_ASYNC_WAITS``: anyio's and trio's waits for one socket) on that socket, in the
        same function and loop pass, with no task switch between (``_after_async_wait``)."""
        key = site.receiver_key
        if key is None or site.scope.kind != "function" or site.stmt is None:
            return False
        memo_key = f"ready.async:{id(site.node)}"
        answer = self._memo.get(memo_key)
        if answer is None:
            answer = self._memo[memo_key] = _after_async_wait(
                self, self.scope_parents(site.scope), site, key)
        return answer == direction

    def scope_parents(self, scope) -> dict:
        """{id(node): its parent} for the nodes of the function ``scope``, not inside the
        functions and classes it defines; made once per function."""
        parents_key = f"ready.parents:{id(scope)}"
        parents = self._memo.get(parents_key)
        if parents is None:
            parents = self._memo[parents_key] = _parents(scope.node)
        return parents

    def unbounded_wait_alone(self, site) -> cst.Call | None:
        """The wait call when the read at ``site`` is reached only right after a readiness
        wait that has no timeout and watches this socket alone (the program then waits on
        the peer for ever inside the wait, which ``settimeout()`` does not bound); None
        otherwise."""
        ok, wait, _ = self._readiness(site)
        key = site.receiver_key
        if ok or wait is None or wait.bounded or wait.sources != {key}:
            return None
        return wait.node

    def _readiness(self, site):
        key = site.receiver_key
        scope = site.scope
        if key is None or scope.kind != "function":
            return False, None, False
        memo_key = f"ready.read:{id(site.node)}"
        answer = self._memo.get(memo_key)
        if answer is None:
            answer = self._memo[memo_key] = _gated(self, scope, self.scope_parents(scope),
                                                   site.node, key)
        return answer


# The async frameworks' waits for one socket to be readable or writable (anyio's, and
# trio's under its current and earlier module names).
_ASYNC_WAITS = {
    "anyio.wait_socket_readable": "read", "anyio.wait_readable": "read",
    "trio.lowlevel.wait_readable": "read", "trio.hazmat.wait_readable": "read",
    "trio.hazmat.wait_socket_readable": "read",
    "anyio.wait_socket_writable": "write", "anyio.wait_writable": "write",
    "trio.lowlevel.wait_writable": "write", "trio.hazmat.wait_writable": "write",
    "trio.hazmat.wait_socket_writable": "write",
}


def _after_async_wait(facts, parents, site, key):
    """"read" or "write" when the statement holding the call ``site`` comes, in the same
    function, after an ``await`` of one of ``_ASYNC_WAITS`` on ``key`` alone, with nothing
    between that may switch tasks (an ``await``, ``async for``/``async with``, a
    ``yield``) or use the socket (a call on it, a call handed it, or, for ``self.x``, a
    call of ``self``'s methods): walking back through the statements before it in its
    block, then the test of each ``if`` (and the body of a ``try``) it sits in; not out of
    a loop body, a handler, ``finally``, a ``with`` or a nested definition. None
    otherwise."""
    head = key.partition(".")[0]
    node = site.stmt
    while True:
        parent = parents.get(id(node))
        if parent is None:
            return None
        if isinstance(parent, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            smalls = list(parent.body)
            before = smalls[:smalls.index(node)]
            for small in reversed(before):
                found = _async_wait_of(facts, small, key)
                if found is not None:
                    return found
                if _may_disturb(small, key, head):
                    return None
            node = parent
            continue
        if isinstance(parent, cst.IndentedBlock):
            body = list(parent.body)
            index = next(i for i, stmt in enumerate(body) if stmt is node)
            for stmt in reversed(body[:index]):
                if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1:
                    found = _async_wait_of(facts, stmt.body[0], key)
                    if found is not None:
                        return found
                if _may_disturb(stmt, key, head):
                    return None
            holder = parents.get(id(parent))
            if isinstance(holder, cst.Else):
                holder = parents.get(id(holder))
                if not isinstance(holder, cst.If):
                    return None  # a loop's or a ``try``'s ``else``
            if isinstance(holder, cst.If):
                if _may_disturb(holder.test, key, head):
                    return None
                # an ``elif`` is the ``orelse`` of the ``if`` before it: go up through it
                while isinstance(parents.get(id(holder)), cst.If) and \
                        parents.get(id(holder)).orelse is holder:
                    holder = parents.get(id(holder))
                    if _may_disturb(holder.test, key, head):
                        return None
                node = holder
                continue
            if isinstance(holder, cst.Try) and holder.body is parent:
                node = holder
                continue
            return None
        return None


def _async_wait_of(facts, small, key):
    """"read" or "write" when the small statement is ``await wait(key)`` for one of
    ``_ASYNC_WAITS``; None otherwise."""
    if not isinstance(small, cst.Expr) or not isinstance(small.value, cst.Await):
        return None
    call = small.value.expression
    if not isinstance(call, cst.Call) or len(call.args) != 1 or call.args[0].keyword or \
            call.args[0].star or key_of(call.args[0].value) != key:
        return None
    return _ASYNC_WAITS.get(facts.imports.qualify(call.func) or "")


def _may_disturb(root, key, head):
    """Code in ``root`` may let another task run (``await``, ``yield``, an ``async for`` or
    ``async with``) or use the socket ``key``: a call on it or handed it (or, for an
    attribute of ``self``, handed ``self`` or called on ``self``), outside nested
    definitions."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.Await, cst.Yield)):
            return True
        if isinstance(node, (cst.For, cst.With)) and node.asynchronous is not None:
            return True
        if isinstance(node, cst.Call):
            func = node.func
            owner = key_of(func.value) if isinstance(func, cst.Attribute) else None
            if owner is not None and (owner == key or ("." in key and owner == head)):
                return True
            for arg in node.args:
                passed = key_of(arg.value)
                if passed is not None and (passed == key or passed == head):
                    return True
        if isinstance(node, _NESTED):
            continue
        stack.extend(iter_children(node))
    return False


def _parents(root):
    parents = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if node is not root and isinstance(node, _NESTED):
            continue
        for child in iter_children(node):
            parents[id(child)] = node
            stack.append(child)
    return parents


def _gated(facts, scope, parents, node, key):
    """(gated, wait): whether the read is gated as the module's docstring says, and the
    wait its readiness test was matched to (None when none was)."""
    gates = []  # the readiness tests of the branches the read is in: ("in", name)...
    guard = None  # the name an ``if not r: continue`` before the read tests
    child = node
    parent = parents.get(id(child))
    while parent is not None:
        if isinstance(parent, cst.If) and child is parent.body:
            gate = _gate_test(parent.test, key)
            if gate is not None and gate[0] == "call":
                wait = _wait_of(facts, scope, gate[1], key)
                if wait is not None and wait[0].select:
                    return wait[0].answer(key, False)
            elif gate is not None:
                gates.append(gate)
        elif isinstance(parent, cst.For) and child is parent.body and \
                not any(g[0] == "for" for g in gates) and isinstance(parent.iter, cst.Name):
            # ``for _ in readable:`` with no test of which source is ready: a pass runs only
            # when the list is not empty, as under ``if readable:`` (so the wait must watch
            # this socket alone)
            gates = [("truthy", parent.iter.value)]
            guard = None
        elif isinstance(parent, (cst.While, cst.For)) and child is parent.body:
            fors = [g for g in gates if g[0] == "for"]
            if not (isinstance(parent, cst.For)
                    and any(g[1] in _target_names(parent.target) for g in fors)):
                return False, None, False
            source = strip_await(parent.iter)
            if isinstance(source, cst.Call):
                wait = _wait_of(facts, scope, source, key)
                if wait is None or wait[0].select:
                    return False, None, False
                return wait[0].answer(key, False)
            if not isinstance(source, cst.Name):
                return False, None, False
            gates = [("events", source.value)]
            guard = None
        elif isinstance(parent, (cst.While, cst.For, cst.ExceptHandler, cst.Finally)) \
                or isinstance(parent, _NESTED + _COMPREHENSIONS):
            return False, None, False  # a loop (a comprehension repeats the read too), a handler
        body = _statements(parent)
        position = next((i for i, s in enumerate(body or ()) if s is child), None)
        if position is not None:
            for sibling in reversed(body[:position]):
                answer = _look_back(facts, scope, sibling, key, gates, guard)
                if isinstance(answer, tuple):
                    return answer
                if answer is not None:
                    guard = answer
        if parent is scope.node:
            return False, None, False
        child, parent = parent, parents.get(id(parent))
    return False, None, False


def _statements(node):
    """The statements of a block, in order (the small statements of ``a; b`` or of
    ``if x: a; b``); None for anything that is not a block."""
    if isinstance(node, (cst.IndentedBlock, cst.Module, cst.SimpleStatementLine,
                         cst.SimpleStatementSuite)):
        return node.body
    return None


def _look_back(facts, scope, statement, key, gates, guard):
    """What a statement before the read says: (gated, wait) when it settles the question,
    a name when it is ``if not name: continue`` (a guard; ``ready[0]`` for ``if not
    ready[0]: continue``), None when it says nothing."""
    wait = _assigned_wait(facts, scope, statement, key)
    if wait is None and isinstance(statement, cst.Try):
        # ``try: r, _, _ = select.select(...)`` with handlers that all leave the iteration,
        # or that bind the names the read's gates test to an empty list (``except OSError:
        # r = []``): the gated read does not run after them
        tested = {name.partition("[")[0] for _, name in gates}
        if guard is not None:
            tested.add(guard.partition("[")[0])
        if not (all(_exits(h.body) or (tested and tested <= _emptied(h.body))
                    for h in statement.handlers)
                and statement.orelse is None and statement.finalbody is None):
            return (False, None, False) if _waits(facts, scope, statement, key) else None
        for inner in reversed(statement.body.body):
            wait = _assigned_wait(facts, scope, inner, key)
            if wait is not None or _reads(inner, key):
                break
    if wait is not None:
        info, names = wait
        for kind, name in gates:
            if kind == "in" and info.select and name in names.get("rlist", ()):
                return info.answer(key, False)
            if kind == "index" and info.select and name in names.get("whole", ()):
                return info.answer(key, False)
            if kind == "events" and name in names.get("events", ()):
                return info.answer(key, False)
            if kind == "truthy" and name in names.get("events", ()):
                return info.answer(key, True)
            if kind == "truthy_whole" and info.select and name in names.get("whole", ()):
                return info.answer(key, True)
        if guard is not None and guard.endswith("[0]"):
            if info.select and guard[:-3] in names.get("whole", ()):
                return info.answer(key, True)
        elif guard is not None and guard in names.get("events", ()):
            return info.answer(key, True)
        return False, None, False
    if _reads(statement, key) or _waits(facts, scope, statement, key):
        return False, None, False
    if guard is None and isinstance(statement, cst.If) \
            and statement.orelse is None and _exits(statement.body):
        test = statement.test
        counted = _counted(test, False)
        if counted is not None:
            return counted  # ``if len(r) == 0: continue``, ``if len(ready[0]) == 0:``
        if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
            tested = test.expression
            if isinstance(tested, cst.Name):
                return tested.value
            if isinstance(tested, cst.Subscript) and _first_index(tested) \
                    and isinstance(tested.value, cst.Name):
                return tested.value.value + "[0]"  # ``if not ready[0]: continue``
    return None


def _waits(facts, scope, node, key):
    """A readiness wait call anywhere in ``node`` (one the read cannot be matched to)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, _NESTED):
            continue
        if isinstance(current, cst.Call) and _wait_of(facts, scope, current, key) is not None:
            return True
        stack.extend(iter_children(current))
    return False


def _emptied(block):
    """The names a handler's block binds to an empty list, tuple or dict, when that is all
    it does (``readable = []``, ``r = w = []``, ``pass``); an empty set otherwise."""
    names = set()
    for stmt in getattr(block, "body", ()):
        if not isinstance(stmt, cst.SimpleStatementLine):
            return set()
        for small in stmt.body:
            if isinstance(small, cst.Pass):
                continue
            value = small.value if isinstance(small, cst.Assign) else None
            if not isinstance(value, (cst.List, cst.Tuple, cst.Dict)) or value.elements:
                return set()
            for target in small.targets:
                if not isinstance(target.target, cst.Name):
                    return set()
                names.add(target.target.value)
    return names


def _exits(block):
    """The block ends with ``continue``, ``return``, ``raise`` or ``break``."""
    body = getattr(block, "body", ())
    if not body:
        return False
    last = body[-1]
    if isinstance(last, cst.SimpleStatementLine):
        return bool(last.body) and isinstance(last.body[-1], _EXITS)
    return isinstance(last, _EXITS)  # ``if not r: continue`` on one line


def _reads(node, key):
    """A read of ``key`` (``key.recv(...)``, ``key.makefile()``...) anywhere in ``node``."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, _NESTED):
            continue
        if isinstance(current, cst.Call) and isinstance(current.func, cst.Attribute) \
                and current.func.attr.value in _READS and key_of(current.func.value) == key:
            return True
        stack.extend(iter_children(current))
    return False


def _gate_test(test, key):
    """The readiness test an ``if`` makes about ``key``: ("in", r) for ``key in r``,
    ("index", w) for ``key in w[0]``, ("call", wait) for ``key in select.select(...)[0]``,
    ("for", t) for ``t is key`` / ``t.fileobj == key`` / ``t == key.fileno()``,
    ("truthy", r) for ``if r:``, ("truthy_whole", ready) for ``if ready[0]:`` (the read
    list of select's whole result); None otherwise."""
    test = strip_await(test)
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        return _gate_test(test.left, key) or _gate_test(test.right, key)
    if isinstance(test, cst.Name):
        return ("truthy", test.value)
    counted = _counted(test, True)
    if counted is not None and counted.endswith("[0]"):
        return ("truthy_whole", counted[:-3])  # ``if len(ready[0]) > 0:``
    if counted is not None:
        return ("truthy", counted)  # ``if len(r):``, ``if len(r) > 0:``
    if isinstance(test, cst.Subscript) and _first_index(test) \
            and isinstance(test.value, cst.Name):
        return ("truthy_whole", test.value.value)  # ``if ready[0]:``
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return None
    target = test.comparisons[0]
    left, right = test.left, target.comparator
    if isinstance(target.operator, cst.In):
        if key_of(left) != key:
            return None
        if isinstance(right, cst.Name):
            return ("in", right.value)
        if isinstance(right, cst.Subscript) and _first_index(right):
            inner = strip_await(right.value)
            if isinstance(inner, cst.Name):
                return ("index", inner.value)
            if isinstance(inner, cst.Call):
                return ("call", inner)
        return None
    if isinstance(target.operator, (cst.Is, cst.Equal)):
        for mine, other in ((left, right), (right, left)):
            if _is_socket(mine, key):
                root = _root_name(other)
                if root is not None and root != key.partition(".")[0]:
                    return ("for", root)
    return None


def _counted(test, nonempty):
    """``r`` for a test of the length of the list ``r`` that holds when it is not empty
    (``nonempty``: ``len(r)``, ``len(r) > 0``, ``len(r) != 0``, ``len(r) >= 1``, ``0 <
    len(r)``, ``r != []``) or when it is empty (``not len(r)``, ``len(r) == 0``, ``len(r) <
    1``, ``r == []``); None otherwise."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        return _counted(test.expression, not nonempty)
    name = _length_of(test)
    if name is not None:
        return name if nonempty else None
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return None
    target = test.comparisons[0]
    left, right, operator = test.left, target.comparator, type(target.operator)
    if operator in (cst.Equal, cst.NotEqual):
        # ``r == []``, ``ready[0] != []``: a list compared with an empty display
        for mine, other in ((left, right), (right, left)):
            if type(other) in (cst.List, cst.Tuple) and not other.elements:
                name = _list_name(mine)
                if name is not None and (operator is cst.NotEqual) == nonempty:
                    return name
                return None
    if _length_of(left) is None:
        left, right = right, left
        operator = _MIRRORED.get(operator)
    name = _length_of(left)
    bound = number_value(right)
    if name is None or bound is None or operator is None:
        return None
    holds_when_empty = _COMPARE[operator](0, bound)
    holds_when_one = _COMPARE[operator](1, bound)
    # the test tells empty from non-empty when it holds for every length on one side
    if nonempty and not holds_when_empty and holds_when_one and bound in (0, 1) and \
            operator in (cst.GreaterThan, cst.NotEqual, cst.GreaterThanEqual):
        return name
    if not nonempty and holds_when_empty and not holds_when_one and \
            operator in (cst.Equal, cst.LessThan, cst.LessThanEqual):
        return name
    return None


def _length_of(node):
    """``r`` for ``len(r)``; ``ready[0]`` for ``len(ready[0])`` (the read list of select's
    whole result); None otherwise."""
    if isinstance(node, cst.Call) and key_of(node.func) == "len" and len(node.args) == 1 \
            and node.args[0].keyword is None and not node.args[0].star:
        return _list_name(node.args[0].value)
    return None


def _list_name(value):
    """``r`` for the name ``r``; ``ready[0]`` for ``ready[0]``; None otherwise."""
    if isinstance(value, cst.Name):
        return value.value
    if isinstance(value, cst.Subscript) and _first_index(value) and \
            isinstance(value.value, cst.Name):
        return value.value.value + "[0]"
    return None


_MIRRORED = {cst.LessThan: cst.GreaterThan, cst.GreaterThan: cst.LessThan,
             cst.LessThanEqual: cst.GreaterThanEqual, cst.GreaterThanEqual: cst.LessThanEqual,
             cst.Equal: cst.Equal, cst.NotEqual: cst.NotEqual}
_COMPARE = {cst.LessThan: lambda a, b: a < b, cst.GreaterThan: lambda a, b: a > b,
            cst.LessThanEqual: lambda a, b: a <= b, cst.GreaterThanEqual: lambda a, b: a >= b,
            cst.Equal: lambda a, b: a == b, cst.NotEqual: lambda a, b: a != b}


def _is_socket(node, key):
    """``key`` itself or ``key.fileno()``."""
    if key_of(node) == key:
        return True
    return isinstance(node, cst.Call) and not node.args and isinstance(node.func, cst.Attribute) \
        and node.func.attr.value == "fileno" and key_of(node.func.value) == key


def _root_name(node):
    """``t`` for ``t``, ``t.fileobj``, ``t.fd``, ``t[0]``."""
    while isinstance(node, (cst.Attribute, cst.Subscript)):
        node = node.value
    return node.value if isinstance(node, cst.Name) else None


def _first_index(subscript):
    if len(subscript.slice) != 1:
        return False
    index = subscript.slice[0].slice
    return isinstance(index, cst.Index) and number_value(index.value) == 0


def _target_names(target):
    if isinstance(target, cst.Name):
        return {target.value}
    if isinstance(target, (cst.Tuple, cst.List)):
        names = set()
        for element in target.elements:
            names |= _target_names(element.value)
        return names
    return set()


def _assigned_wait(facts, scope, statement, key):
    """(wait, names) when ``statement`` binds the result of a readiness wait: names maps
    "rlist" (select's ready-to-read list), "whole" (select's whole result) and "events"
    (the list a truth test or a loop reads: select's read list, poll's or a selector's
    events) to the names bound."""
    assign = statement
    if isinstance(statement, cst.SimpleStatementLine):
        if len(statement.body) != 1:
            return None
        assign = statement.body[0]
    if not isinstance(assign, cst.Assign) or len(assign.targets) != 1:
        return None
    value = strip_await(assign.value)
    indexed = isinstance(value, cst.Subscript) and _first_index(value)
    call = strip_await(value.value) if indexed else value
    if not isinstance(call, cst.Call):
        return None
    found = _wait_of(facts, scope, call, key)
    if found is None:
        return None
    wait = found[0]
    target = assign.targets[0].target
    names = {}
    if wait.select:
        if indexed and isinstance(target, cst.Name):
            names["rlist"] = names["events"] = (target.value,)
        elif isinstance(target, cst.Name):
            names["whole"] = (target.value,)
        elif isinstance(target, (cst.Tuple, cst.List)) and target.elements \
                and isinstance(target.elements[0].value, cst.Name):
            names["rlist"] = names["events"] = (target.elements[0].value.value,)
    elif not indexed and isinstance(target, cst.Name):
        names["events"] = (target.value,)
    return wait, names


def _wait_of(facts, scope, call, key):
    """(``_Wait``,) for a readiness wait call, None for any other call."""
    func = call.func
    dotted = key_of(func)
    if dotted is not None and facts.imports.qualify_key(dotted) == "select.select":
        args = [a for a in call.args if a.keyword is None and not a.star]
        if any(a.star for a in call.args) or not args:
            return None
        timeout = args[3].value if len(args) > 3 else _keyword(call, "timeout")
        return (_Wait(call, _bounded(facts, scope, timeout),
                      _list_sources(facts, scope, args[0].value), True),)
    if _select_shaped(call):
        # ``self.handler.select([sock], [], [], timeout)``, ``gevent.select.select(...)``:
        # select.select's calling convention, three lists written out and a timeout, is a
        # wrapper of it (a green thread library's, a framework's handler), read as it
        args = call.args
        timeout = args[3].value if len(args) > 3 else None
        return (_Wait(call, _bounded(facts, scope, timeout),
                      _list_sources(facts, scope, args[0].value), True),)
    if not isinstance(func, cst.Attribute) or func.attr.value not in ("poll", "select"):
        return None
    owner = key_of(func.value)
    if owner is None:
        return None
    made = _made_by(facts, scope, owner)
    if made is None:
        return None
    if func.attr.value == "poll" and made not in _POLL_CTORS:
        return None
    if func.attr.value == "select" and not (made.startswith("selectors.")
                                            and made.endswith("Selector")):
        return None
    if any(a.star for a in call.args):
        return None
    timeout = call.args[0].value if call.args and call.args[0].keyword is None \
        else _keyword(call, "timeout")
    return (_Wait(call, _bounded(facts, scope, timeout), _registered(facts, scope, owner),
                  False, _read_only(scope, owner)),)


def _select_shaped(call):
    """A call of a ``select`` (an attribute, or a name imported from another module) with
    ``select.select``'s positional arguments: three lists or tuples written out, the first
    not empty, then at most a timeout. Selectors' and poll's ``select()``/``poll()`` take a
    timeout alone, so this shape is a wrapper of ``select.select``."""
    func = call.func
    name = func.attr.value if isinstance(func, cst.Attribute) else (
        func.value if isinstance(func, cst.Name) else None)
    args = call.args
    if name != "select" or not 3 <= len(args) <= 4 or \
            any(a.keyword is not None or a.star for a in args):
        return False
    lists = [a.value for a in args[:3]]
    return all(isinstance(v, (cst.List, cst.Tuple)) for v in lists) and \
        bool(lists[0].elements)


def _keyword(call, name):
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg.value
    return None


def _bounded(facts, scope, timeout):
    """A timeout argument that limits the wait: present, not None, not negative, not a
    parameter that is None unless a caller passes one (``Facts.timeout_may_be_none``)."""
    if timeout is None:
        return False
    if isinstance(timeout, cst.Name) and timeout.value == "None":
        return False
    number = number_value(timeout)
    if number is not None:
        return number >= 0
    return not facts.timeout_may_be_none(scope, timeout)


def _made_by(facts, scope, owner):
    """The qualified name of the call every binding of ``owner`` in the function comes from
    (``select.poll``, ``selectors.DefaultSelector``), or None."""
    bindings = scope.bindings.get(owner, ())
    made = None
    for binding in bindings:
        value = strip_await(binding.value) if binding.value is not None else None
        if binding.index is not None or not isinstance(value, cst.Call):
            return None
        dotted = key_of(value.func)
        qname = facts.imports.qualify_key(dotted) if dotted is not None else None
        if qname is None or (made is not None and qname != made):
            return None
        made = qname
    return made


def _list_sources(facts, scope, node):
    """The keys a read list holds: a list or tuple display, or a name the function binds
    only to displays (plus its ``append`` calls); None when the function does not show
    them all."""
    node = strip_await(node)
    if isinstance(node, (cst.List, cst.Tuple)):
        return _display_keys(node)
    if not isinstance(node, cst.Name):
        return None
    bindings = scope.bindings.get(node.value, ())
    if not bindings:
        return None
    sources = set()
    for binding in bindings:
        value = strip_await(binding.value) if binding.value is not None else None
        if binding.index is not None or not isinstance(value, (cst.List, cst.Tuple)):
            return None
        keys = _display_keys(value)
        if keys is None:
            return None
        sources |= keys
    for call, method in _method_calls(scope.node, node.value):
        args = [a.value for a in call.args]
        if method != "append" or len(args) != 1 or key_of(args[0]) is None:
            return None  # removed, extended or changed in a way not followed here
        sources.add(key_of(args[0]))
    if _passed(facts, scope.node, node.value):
        return None
    return sources


def _display_keys(display):
    keys = set()
    for element in display.elements:
        if isinstance(element, cst.StarredElement):
            return None
        key = key_of(element.value)
        if key is None:
            return None
        keys.add(key)
    return keys


def _registered(facts, scope, owner):
    """The keys registered with a poll object or selector in the function (``p.register(
    sock)``, ``p.register(sock.fileno(), ...)``), None when some registration is not a
    socket key or the object is handed to another function."""
    keys = set()
    for call, method in _method_calls(scope.node, owner):
        if method in ("register", "modify"):
            if not call.args or call.args[0].keyword is not None:
                return None
            first = call.args[0].value
            key = key_of(first)
            if key is None and isinstance(first, cst.Call) and not first.args \
                    and isinstance(first.func, cst.Attribute) \
                    and first.func.attr.value == "fileno":
                key = key_of(first.func.value)
            if key is None:
                return None
            keys.add(key)
    if _passed(facts, scope.node, owner):
        return None
    return keys


# Event flags that ask for reading (or report errors and hang-ups, which a read returns);
# anything else (POLLOUT, EVENT_WRITE, a variable) may report a writable socket.
_READ_FLAGS = frozenset({
    "POLLIN", "POLLPRI", "POLLRDNORM", "POLLRDBAND", "POLLERR", "POLLHUP", "POLLRDHUP",
    "POLLNVAL", "EPOLLIN", "EPOLLPRI", "EPOLLRDNORM", "EPOLLRDBAND", "EPOLLERR", "EPOLLHUP",
    "EPOLLRDHUP", "EPOLLET", "EPOLLONESHOT", "EPOLLEXCLUSIVE", "EVENT_READ",
})


def _read_only(scope, owner):
    """Every registration with the poll object or selector ``owner`` in the function asks
    for reading only: its event mask is read flags joined with ``|`` (a registration with
    no mask asks for writing too: poll's and epoll's defaults include POLLOUT/EPOLLOUT)."""
    for call, method in _method_calls(scope.node, owner):
        if method not in ("register", "modify"):
            continue
        mask = call.args[1].value if len(call.args) > 1 and call.args[1].keyword is None \
            else _keyword(call, "eventmask") or _keyword(call, "events")
        if mask is None or not _read_flags(mask):
            return False
    return True


def _read_flags(node):
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr):
        return _read_flags(node.left) and _read_flags(node.right)
    key = key_of(node)
    return key is not None and key.rpartition(".")[2] in _READ_FLAGS


def _method_calls(root, owner):
    """(call, method) for each ``owner.method(...)`` call in the function."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node is not root and isinstance(node, _NESTED):
            continue
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
                and key_of(node.func.value) == owner:
            yield node, node.func.attr.value
        stack.extend(iter_children(node))


def _passed(facts, root, name):
    """``name`` is handed to a call other than ``select.select`` (which only reads it)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node is not root and isinstance(node, _NESTED):
            continue
        if isinstance(node, cst.Call):
            dotted = key_of(node.func)
            if dotted is not None and facts.imports.qualify_key(dotted) == "select.select":
                continue
        if isinstance(node, cst.Arg) and key_of(node.value) == name:
            return True
        stack.extend(iter_children(node))
    return False


def _callback_uses(cls):
    """{method name: (the registrations ``(x, direction)`` that make it the read or write
    callback of ``self.x``, one per registration; how many times the class names
    ``self.<method>``)} for the methods of the class ``cls`` (a ``walk.ClassInfo``). A
    class that calls ``update_handler()`` (tornado: it changes the events of a handler
    registered earlier) gets no ``add_handler`` registrations."""
    registered = {}
    named = {}
    updates = False
    for method in cls.methods:
        me = method.self_name
        if me is None:
            continue
        stack = [method.node]
        while stack:
            node = stack.pop()
            if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and \
                    node.value.value == me:
                named[node.attr.value] = named.get(node.attr.value, 0) + 1
            elif isinstance(node, cst.Call):
                found = _registration(node, me)
                if found is not None:
                    source, callback, direction, tornado = found
                    registered.setdefault(callback, []).append((source, direction, tornado))
                if isinstance(node.func, cst.Attribute) and \
                        node.func.attr.value == "update_handler":
                    updates = True
            stack.extend(iter_children(node))
    answer = {}
    for name in set(registered) | set(named):
        kept = [(source, direction) for source, direction, tornado in registered.get(name, ())
                if not (tornado and updates)]
        dropped = len(registered.get(name, ())) - len(kept)
        answer[name] = (tuple(kept), named.get(name, 0) - dropped)
    return answer


# The event flags of the registrations ``_registration`` reads: one direction, not both.
_CALLBACK_READ = ("EVENT_READ", "EV_READ", "READ")
_CALLBACK_WRITE = ("EVENT_WRITE", "EV_WRITE", "WRITE")
# GLib's conditions for an I/O watch (``GLib.IO_IN``, ``GLib.IOCondition.IN``; ``IO_PRI``,
# urgent data, is read too), by the last part of their names.
_GLIB_READ = ("IO_IN", "IO_PRI", "IN", "PRI")
_GLIB_WRITE = ("IO_OUT", "OUT")


def _direction(events, read=_CALLBACK_READ, write=_CALLBACK_WRITE):
    """"read" or "write" when the event mask ``events`` names one direction only (by the
    last part of its names: ``selectors.EVENT_READ``, ``pyev.EV_WRITE``,
    ``IOLoop.READ``; GLib's with ``_GLIB_READ`` and ``_GLIB_WRITE``), else None."""
    if events is None:
        return None
    reads = mentions(events, read)
    writes = mentions(events, write)
    if reads == writes:
        return None
    return "read" if reads else "write"


def _registration(call, me):
    """(x, m, direction, by add_handler) for a call that registers the method ``self.m``
    as the callback an event loop runs when ``self.x`` is readable (direction "read") or
    writable ("write"), and for nothing else:

    - ``<loop>.add_reader(self.x, self.m)``, ``<loop>.add_writer(self.x, self.m)``
      (asyncio);
    - ``<selector>.register(self.x, EVENT_READ, self.m)`` or ``modify(...)``, the method
      as the registration's data (``data=`` too; ``selectors``);
    - ``<ioloop>.add_handler(self.x, self.m, IOLoop.READ)`` (tornado);
    - ``pyev.Io(self.x, pyev.EV_READ, loop, self.m)`` (libev's I/O watcher);
    - ``GLib.io_add_watch(self.x, GLib.IO_IN, self.m)``, also with a priority before the
      condition (``GLib.io_add_watch(self.x, GLib.PRIORITY_DEFAULT, GLib.IO_IN,
      self.m)``), and ``gobject.io_add_watch(...)`` (GLib's main loop).

    None otherwise (both directions asked, or a source or callback that is not
    ``self``'s)."""
    func = call.func
    name = func.attr.value if isinstance(func, cst.Attribute) else \
        func.value if isinstance(func, cst.Name) else None
    if name not in ("add_reader", "add_writer", "register", "modify", "add_handler", "Io",
                    "io_add_watch"):
        return None
    positional = [arg.value for arg in call.args if arg.keyword is None and not arg.star]
    keywords = {arg.keyword.value: arg.value for arg in call.args if arg.keyword is not None}

    def at(index, keyword=None):
        if len(positional) > index:
            return positional[index]
        return keywords.get(keyword) if keyword else None

    if name in ("add_reader", "add_writer"):
        if not isinstance(func, cst.Attribute):
            return None
        source, callback = at(0), at(1)
        direction = "read" if name == "add_reader" else "write"
    elif name in ("register", "modify"):
        if not isinstance(func, cst.Attribute):
            return None
        source, callback = at(0, "fileobj"), at(2, "data")
        direction = _direction(at(1, "events"))
    elif name == "io_add_watch":
        # (source, condition, callback), or (source, priority, condition, callback)
        source = at(0)
        direction = _direction(at(1), _GLIB_READ, _GLIB_WRITE)
        callback = at(2)
        if direction is None:
            direction = _direction(at(2), _GLIB_READ, _GLIB_WRITE)
            callback = at(3)
    elif name == "add_handler":
        if not isinstance(func, cst.Attribute):
            return None
        source, callback = at(0, "fd"), at(1, "handler")
        direction = _direction(at(2, "events"))
    else:
        source, callback = at(0), at(3)
        direction = _direction(at(1))
    if direction is None:
        return None
    own = []
    for node in (source, callback):
        if not (isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name)
                and node.value.value == me):
            return None
        own.append(node.attr.value)
    return own[0], own[1], direction, name == "add_handler"

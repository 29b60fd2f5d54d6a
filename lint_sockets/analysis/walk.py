"""One walk over a libcst module that records every fact the rules ask for.

The walk is the project's own: it visits statements recursively (their nesting is bounded by
Python's grammar) and expressions with an explicit stack (an expression can be thousands of
levels deep), and it never asks libcst for scope, qualified-name or position metadata.

It records:
- imports and the names they bind (``ImportTable``);
- scopes (module, class, function) with the bindings of each name and ``self.attr``;
- for each interesting call: its receiver, enclosing loops (inside the same function), the
  ``try`` bodies and ``suppress()`` blocks that guard it, how its result is used, and the
  blocking state of its receiver at that point (tracked in statement order, branches merged);
- for each loop: the names tested, returned or yielded, and (re)bound inside it.
"""

from __future__ import annotations

from typing import Sequence

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.eof import source_keys, tested_keys, truth_when_empty, value_keys
from lint_sockets.analysis.flow import (
    BLOCKING, CTOR, ENTRY, Blocking, NONBLOCKING, PARTIAL_MODES, SNDTIMEO, TIMEOUT, UNKNOWN,
    merge_states, mode_set_by, timeout_state,
)
from lint_sockets.analysis.handlers import Handler, SuppressFrame, TryFrame, flatten_types
from lint_sockets.analysis.identity import nested_def
from lint_sockets.analysis.imports import ImportTable
from lint_sockets.analysis.nodes import (
    LEAF_KINDS, call_arg, int_value, iter_children, key_of, mentions, number_value, small_leaves,
    ends_pass, statement_leaves, strip_await, suite_leaves, target_keys, unpacked_pairs,
)
from lint_sockets.analysis.nodes import walk as walk_nodes

# ``unittest.mock.call`` and its twin in the ``mock`` package: what a test builds expected
# calls with.
_MOCK_CALLS = frozenset({"unittest.mock.call", "mock.call"})


class Binding:
    __slots__ = ("value", "index", "how", "annotation", "scope", "node", "loops", "line")

    def __init__(self, value: cst.BaseExpression | None, how: str, scope: Scope,
                 index: int | None = None, annotation: cst.BaseExpression | None = None,
                 node: cst.CSTNode | None = None, loops: tuple[Loop, ...] = (),
                 line: cst.SimpleStatementLine | None = None) -> None:
        self.value = value  # the bound expression (whole right-hand side), or None
        self.index = index  # position in an unpacking target, or None
        self.how = how  # assign, with, for, param, import, except, def, class, global
        self.annotation = annotation
        self.scope = scope
        self.node = node
        self.loops = loops  # the loops (inside the function) the binding happens in
        self.line = line  # the SimpleStatementLine in a block that holds it, if any


class ClassInfo:
    """A class defined in the module: its bases and what its methods do to ``self.attr``."""

    def __init__(self, node: cst.ClassDef, bases: list[str]) -> None:
        self.node = node
        self.name: str = node.name.value
        self.bases = bases  # qualified names of the base classes
        self.attr_bindings: dict[str, list[Binding]] = {}
        # attribute name -> [(state, method scope)] from setblocking/...
        self.attr_states: dict[str, list[tuple[Blocking, Scope]]] = {}
        # attribute name -> modes in which some method leaves ``self.attr`` where a send() can
        # write part of its data: TIMEOUT, NONBLOCKING (settimeout, setblocking, a socket
        # made with a timeout) or SNDTIMEO (setsockopt SO_SNDTIMEO)
        self.attr_partial: dict[str, set[Blocking]] = {}
        self.methods: list[Scope] = []


class Scope:
    """A module, class or function body and the names bound in it."""

    def __init__(self, kind: str, node: cst.CSTNode, parent: Scope | None,
                 cls: ClassInfo | None = None, self_name: str | None = None) -> None:
        self.kind = kind  # module, class, function
        self.node = node
        self.parent = parent
        self.cls = cls  # ClassInfo of the class a method belongs to
        self.self_name = self_name
        self.bindings: dict[str, list[Binding]] = {}
        self.is_async = isinstance(node, cst.FunctionDef) and node.asynchronous is not None

    def bind(self, key: str, binding: Binding) -> None:
        self.bindings.setdefault(key, []).append(binding)


class Loop:
    __slots__ = ("node", "kind", "tested", "returned", "bound", "has_sleep", "calls", "parent",
                 "flows", "test_keys", "counters", "_flows_from", "str_tested", "none_tested",
                 "plain_tested", "skipped", "steps")

    def __init__(self, node: cst.While | cst.For, kind: str, parent: Loop | None) -> None:
        self.node = node
        self.kind = kind  # while, for
        self.parent = parent
        # keys (or ids of calls) whose emptiness the loop tests
        self.tested: set[str | int] = set()
        self.str_tested: set[str] = set()  # keys only compared with a str literal (``data == ''``)
        self.none_tested: set[str] = set()  # keys compared with None (``data is None``)
        self.plain_tested: set[str | int] = set()  # tested, not by a comparison with None
        # keys an ``if`` with no ``else`` and a body that stays in the loop tests in a way an
        # empty read makes false (``if data: handle(data)``): the empty read is skipped
        self.skipped: set[str] = set()
        self.returned: set[str] = set()
        self.bound: set[str] = set()
        self.has_sleep = False
        self.calls: list[CallSite] = []
        # (target keys, keys the value is computed from) for assignments
        self.flows: list[tuple[tuple[str, ...], frozenset[str]]] = []
        self.test_keys: set[str] = set()  # keys the loop's own condition looks at
        self.counters: set[str] = set()  # keys the body steps by a constant (``count += 1``)
        # (key, step) for keys the body steps by an expression (``done += size``)
        self.steps: list[tuple[str, cst.BaseExpression]] = []
        self._flows_from: dict[str, list[tuple[str, ...]]] | None = None

    def flows_from(self, key: str) -> Sequence[tuple[str, ...]]:
        """Target-key tuples of the flows computed from ``key`` (indexed after the walk)."""
        if self._flows_from is None:
            self._flows_from = {}
            for targets, sources in self.flows:
                for source in sources:
                    self._flows_from.setdefault(source, []).append(targets)
        return self._flows_from.get(key, ())

    @property
    def bounded(self) -> bool:
        """``while count < 10: ... count += 1``: the loop ends by itself."""
        return bool(self.test_keys & self.counters)


class CallSite:
    __slots__ = (
        "node", "method", "receiver", "receiver_key", "qname", "scope", "loops", "guards",
        "handler", "targets", "role", "direct", "state", "timeo", "partial", "in_lambda",
        "order", "stmt", "reaching", "arg_key", "arg_state", "arg_reaching", "leaves_loop",
        "line",
    )
    node: cst.Call
    method: str | None  # the attribute called (``recv``), None for a plain name
    receiver: cst.BaseExpression | None
    receiver_key: str | None  # ``sock``, ``self.sock``
    qname: str | None  # the callee's qualified name through the imports
    scope: Scope
    loops: tuple[Loop, ...]  # enclosing loops inside the same function, outermost first
    guards: tuple[TryFrame | SuppressFrame, ...]
    handler: Handler | None  # the except clause the call is in, if any
    targets: Sequence[str]  # names the result is bound to
    role: str  # the statement it is in: assign, aug, return, stmt, test, other
    direct: bool
    state: Blocking | None  # the receiver's blocking state at the call
    timeo: str | None  # SO_RCVTIMEO / SO_SNDTIMEO set on the receiver: "recv", "send", "both"
    partial: frozenset[Blocking] | None
    in_lambda: bool
    order: int
    stmt: cst.CSTNode | None
    reaching: frozenset[Binding] | None  # the receiver's bindings that reach the call
    arg_key: str | None
    arg_state: Blocking | None
    arg_reaching: frozenset[Binding] | None
    leaves_loop: bool
    line: cst.SimpleStatementLine | None

    def __init__(self, **kw: object) -> None:
        for name in self.__slots__:
            setattr(self, name, kw.get(name))

    @property
    def args(self):
        return self.node.args

    def positional(self, index: int) -> cst.BaseExpression | None:
        count = 0
        for arg in self.node.args:
            if arg.keyword is not None or arg.star:
                continue
            if count == index:
                return arg.value
            count += 1
        return None

    def keyword(self, name: str) -> cst.BaseExpression | None:
        for arg in self.node.args:
            if arg.keyword is not None and arg.keyword.value == name:
                return arg.value
        return None

    def argument(self, index: int, name: str) -> cst.BaseExpression | None:
        value = self.positional(index)
        return value if value is not None else self.keyword(name)

    @property
    def innermost_loop(self) -> Loop | None:
        return self.loops[-1] if self.loops else None


class ModuleModel:
    """Everything the walk found in one module."""

    def __init__(self, module: cst.Module) -> None:
        self.module = module
        self.imports = ImportTable()
        self.calls: list[CallSite] = []
        self.loops: list[Loop] = []
        self.classes: list[ClassInfo] = []
        self.scopes: list[Scope] = []
        self.handlers: list[Handler] = []  # every Handler, in source order
        # (Comparison node, scope, enclosing Handler or None)
        self.comparisons: list[tuple[cst.Comparison, Scope, Handler | None]] = []
        self.module_scope: Scope | None = None
        self.module_state: dict[str, object] = {}  # flow state at the end of the module
        # module-level NAME -> value expression (for errno sets, exc tuples)
        self.constants: dict[str, cst.BaseExpression] = {}
        self.default_timeout: Blocking | None = None  # CTOR state: NONBLOCKING / TIMEOUT / None
        self.signal_calls: list[CallSite] = []  # signal.signal(...) call sites, in source order
        self.awaited: set[int] = set()  # id() of each call that is awaited (``await x.f()``)
        self.fn_scope_of_class: dict[Scope, ClassInfo] = {}
        # id(function node) -> the blocking states of what its ``return`` statements give
        self.return_states: dict[int, set] = {}
        self._by_scope: dict[int, list[CallSite]] | None = None
        self._by_receiver: dict[str, list[CallSite]] | None = None

    def calls_in(self, scope: Scope) -> Sequence[CallSite]:
        """The calls made directly in ``scope``, in source order (indexed once: rules that
        look at a call's neighbours must not scan every call of the module for each call)."""
        if self._by_scope is None:
            self._by_scope = {}
            for site in self.calls:
                self._by_scope.setdefault(id(site.scope), []).append(site)
        return self._by_scope.get(id(scope), ())

    def calls_on(self, receiver_key: str) -> Sequence[CallSite]:
        """The calls whose receiver is ``receiver_key`` (``sock``, ``self.sock``), any scope."""
        if self._by_receiver is None:
            self._by_receiver = {}
            for site in self.calls:
                if site.receiver_key is not None:
                    self._by_receiver.setdefault(site.receiver_key, []).append(site)
        return self._by_receiver.get(receiver_key, ())


def _blind_keys(test, stays):
    """Keys whose empty value gives ``test`` the value ``stays`` (the one that keeps the
    loop going), so the test cannot catch an empty read of them."""
    return frozenset(k for k in tested_keys(test) if isinstance(k, str)
                     and truth_when_empty(test, k) is stays)


_SHRINKING = frozenset({"pop", "popleft", "remove", "clear"})


def _appended_each_pass(body):
    """Keys of the lists a ``while`` body grows by one on every pass: ``clients.append(c)``
    as a statement of the body itself, or of a ``try`` body that is one (a pass whose error
    a handler swallows does not count, and the loop goes on until the list is full; not
    under a test or in another inner block), in a body with
    no ``continue`` that could skip it and nothing that shrinks or rebinds the list
    (``pop``, ``remove``, ``clear``, ``del``, an assignment). ``while len(clients) <
    amount:`` then ends by itself, as a counted loop does."""
    if not isinstance(body, cst.IndentedBlock):
        return set()
    appended = set()
    lines = []
    for stmt in body.body:
        if isinstance(stmt, cst.Try) and isinstance(stmt.body, cst.IndentedBlock):
            lines.extend(stmt.body.body)  # a pass whose error is swallowed does not count
        else:
            lines.append(stmt)
    for stmt in lines:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call) and \
                        isinstance(small.value.func, cst.Attribute) and \
                        small.value.func.attr.value == "append":
                    key = key_of(small.value.func.value)
                    if key is not None:
                        appended.add(key)
    if not appended:
        return appended
    stack = [(stmt, False) for stmt in body.body]
    while stack:
        node, nested = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, cst.Continue) and not nested:
            return set()  # a nested loop's ``continue`` is its own
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and \
                node.func.attr.value in _SHRINKING:
            appended.discard(key_of(node.func.value))
        elif isinstance(node, (cst.Del, cst.AssignTarget, cst.AugAssign, cst.AnnAssign)):
            target = node.target
            appended.difference_update(target_keys(target))
            if isinstance(target, cst.Subscript):  # ``del clients[0]``, ``clients[:] = []``
                appended.discard(key_of(target.value))
        inner = nested or isinstance(node, (cst.For, cst.While))
        stack.extend((child, inner) for child in iter_children(node))
    return appended


def _exit_compared_keys(body):
    """Keys compared in the test of an ``if`` that is a statement of a ``while`` body itself
    and leaves the loop when the comparison holds: its block ends in ``break``, ``return``
    or ``raise``, and the comparison is the whole test or one side of an ``or`` (``if
    tries == 5: break``, ``if data == "" or tries == 5: break``). Only ``if`` statements
    before any ``continue`` of the body count (a ``continue`` before one may skip it). A
    counter such a test looks at bounds the loop as one in its condition does."""
    if not isinstance(body, cst.IndentedBlock):
        return set()
    keys = set()
    for stmt in body.body:
        if isinstance(stmt, cst.If) and _leaves_loop(stmt.body):
            for part in _or_operands(stmt.test):
                if isinstance(part, cst.Comparison):
                    operands = [part.left] + [item.comparator for item in part.comparisons]
                    keys.update(key for key in map(key_of, operands) if key is not None)
        if _holds_continue(stmt):
            break
    return keys


def _stepped_by(assign):
    """(key, step) for ``n = n + step`` or ``n = n - step`` (also ``n = step + n``), the
    one target's key found as a side of the addition; None otherwise."""
    if len(assign.targets) != 1:
        return None
    key = key_of(assign.targets[0].target)
    value = assign.value
    if key is None or not isinstance(value, cst.BinaryOperation) or \
            not isinstance(value.operator, (cst.Add, cst.Subtract)):
        return None
    if key_of(value.left) == key:
        return key, value.right
    if isinstance(value.operator, cst.Add) and key_of(value.right) == key:
        return key, value.left
    return None


def _or_operands(test):
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.Or):
        return _or_operands(test.left) + _or_operands(test.right)
    return [test]


def _leaves_loop(suite):
    """The block's last statement is ``break``, ``return`` or ``raise``."""
    body = suite.body
    last = body[-1] if body else None
    if isinstance(last, cst.SimpleStatementLine):
        last = last.body[-1] if last.body else None
    return isinstance(last, (cst.Break, cst.Return, cst.Raise))


def _holds_continue(stmt):
    """``stmt`` holds a ``continue`` of the loop around it (not one of a loop inside it)."""
    stack = [stmt]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Continue):
            return True
        if node is not stmt and isinstance(node, (cst.For, cst.While, cst.FunctionDef,
                                                  cst.ClassDef, cst.Lambda)):
            continue
        stack.extend(iter_children(node))
    return False


class _Walker:
    def __init__(self, model, helpers=frozenset(), constant=None):
        self.model = model
        # a module constant as the project index records it (``ProjectIndex.constant``)
        self.constant = constant
        # names of project helpers that return a socket call's result: recorded like one
        self.interesting = tables.INTERESTING | helpers if helpers else tables.INTERESTING
        self.imports = model.imports
        self.order = 0
        self.scope = None
        self.loops = []
        self.guards = []
        self.handler = None
        self.state = {}
        # Every key written to or removed from a flow state, in order: a merge only has to
        # look at the keys written since its branches left their common state (merging
        # whole states made module-level code with many names and branches quadratic).
        self.journal = []
        self.exit_flags = []
        self.line = None
        # keys a test being walked looks at but cannot catch an empty read of (see
        # ``_blind_keys``): not recorded as tested
        self.test_blind = frozenset()
        self.blocks = []  # (statements, index) of the blocks around the statement walked
        self.ending_calls = frozenset()  # module functions that end the program

    def set_state(self, key, value):
        self.state[key] = value
        self.journal.append(key)

    def drop_state(self, key):
        self.state.pop(key, None)
        self.journal.append(key)

    def merged(self, states, mark):
        """The flow states of branches that all left the state of journal position
        ``mark``, joined."""
        return merge_states(states, set(self.journal[mark:]))

    # ---- statements -------------------------------------------------------------------

    def walk_module(self, module):
        scope = Scope("module", module, None)
        self.model.module_scope = scope
        self.model.scopes.append(scope)
        self.scope = scope
        self._prescan_imports(module)
        self.ending_calls = _program_ending_functions(module)
        self.walk_body(module.body)
        self.model.module_state = self.state

    def _prescan_imports(self, module):
        # Top-level imports and constants first, so that names used before a late import
        # still resolve; ``try: import ssl; ERRORS = (...)`` and ``if ...:`` blocks count
        # (the first definition wins).
        pending = list(module.body)
        while pending:
            stmt = pending.pop(0)
            if isinstance(stmt, (cst.Try, cst.If)) and isinstance(stmt.body, cst.IndentedBlock):
                pending[0:0] = list(stmt.body.body)
                continue
            if not isinstance(stmt, cst.SimpleStatementLine):
                continue
            for small in stmt.body:
                if isinstance(small, cst.Import):
                    self.imports.add_import(small)
                elif isinstance(small, cst.ImportFrom):
                    self.imports.add_import_from(small)
                elif isinstance(small, cst.Assign) and len(small.targets) == 1:
                    target = small.targets[0].target
                    if isinstance(target, cst.Name):
                        self.model.constants.setdefault(target.value, small.value)
                    else:  # HOST, PORT = "127.0.0.1", 5555
                        for name, value in unpacked_pairs(target, small.value):
                            self.model.constants.setdefault(name, value)
                elif isinstance(small, cst.Assign) and all(
                        isinstance(t.target, cst.Name) for t in small.targets):
                    # ``UDP = DGRAM = socket.SOCK_DGRAM``: every name holds the value
                    for t in small.targets:
                        self.model.constants.setdefault(t.target.value, small.value)

    def walk_body(self, statements):
        # exit_flags[i]: a later statement of an enclosing block (inside the innermost loop)
        # unconditionally leaves the loop: what runs here never goes round again.
        exits_after = _leaves_after(statements, self._leaving()[0])
        for index, stmt in enumerate(statements):
            self.exit_flags.append(exits_after[index])
            self.blocks.append((statements, index))
            self.walk_stmt(stmt)
            self.blocks.pop()
            self.exit_flags.pop()

    def _leaving(self):
        """(statement test, small-statement test) for "this leaves the innermost loop":
        ``break``, ``return`` or ``raise``, and in ``while not done:`` (``while running:``,
        or such flags joined by ``and``) an assignment that makes the loop's own condition
        false (``done = True``, ``running = False``): the loop ends when the test comes round
        again."""
        loop = self.loops[-1] if self.loops else None
        flags = exit_flags(loop.node.test) if loop is not None and loop.kind == "while" \
            else ()
        ending = self.ending_calls
        if not flags and not ending:
            return statement_leaves, small_leaves

        def small(node):
            return small_leaves(node) or any(sets_flag(node, flag) for flag in flags) or (
                bool(ending) and type(node) is cst.Expr and type(node.value) is cst.Call
                and type(node.value.func) is cst.Name and node.value.func.value in ending)

        def statement(node):
            return isinstance(node, cst.SimpleStatementLine) and any(
                small(item) for item in node.body)
        return statement, small

    def walk_suite(self, suite):
        if isinstance(suite, cst.IndentedBlock):
            self.walk_body(suite.body)
        else:
            self.walk_smalls(suite.body, suite)

    def walk_smalls(self, smalls, stmt):
        count = len(smalls)
        # A one-statement line in a block is where fixes can insert statements.
        saved_line = self.line
        self.line = stmt if isinstance(stmt, cst.SimpleStatementLine) and count == 1 else None
        leaves_later = _leaves_after(smalls, self._leaving()[1])
        for index, small in enumerate(smalls):
            self.exit_flags.append(leaves_later[index])
            self.walk_small(small, stmt)
            self.exit_flags.pop()
        self.line = saved_line

    def walk_stmt(self, stmt):
        if isinstance(stmt, cst.SimpleStatementLine):
            self.walk_smalls(stmt.body, stmt)
        elif isinstance(stmt, cst.If):
            self.walk_if(stmt)
        elif isinstance(stmt, cst.While):
            self.walk_while(stmt)
        elif isinstance(stmt, cst.For):
            self.walk_for(stmt)
        elif isinstance(stmt, (cst.Try, cst.TryStar)):
            self.walk_try(stmt)
        elif isinstance(stmt, cst.With):
            self.walk_with(stmt)
        elif isinstance(stmt, cst.FunctionDef):
            self.walk_function(stmt)
        elif isinstance(stmt, cst.ClassDef):
            self.walk_class(stmt)
        elif isinstance(stmt, cst.Match):
            self.expr(stmt.subject, "other", stmt)
            before, mark = self.state, len(self.journal)
            states = [before]  # no case may match
            for case in stmt.cases:
                self.state = dict(before)
                self.walk_suite(case.body)
                states.append(self.state)
            self.state = self.merged(states, mark)
        else:  # pragma: no cover - every compound statement is handled above
            for child in iter_children(stmt):
                if isinstance(child, cst.BaseExpression):
                    self.expr(child, "other", stmt)

    def walk_small(self, small, stmt):
        if isinstance(small, cst.Expr):
            self.expr(small.value, "stmt", small)
        elif isinstance(small, cst.Assign):
            keys = []
            for target in small.targets:
                keys.extend(target_keys(target.target))
            self.expr(small.value, "assign", small, keys)
            if self.loops and keys:
                flow = (tuple(keys), source_keys(small.value))
                for loop in self.loops:
                    loop.flows.append(flow)
                stepped = _stepped_by(small)
                if stepped is not None:  # ``n = n + 1``, as ``n += 1``
                    for loop in self.loops:
                        if isinstance(stepped[1], cst.Integer):
                            loop.counters.add(stepped[0])
                        else:
                            loop.steps.append(stepped)
            for target in small.targets:
                self.bind_target(target.target, small.value, "assign", small)
            for target in small.targets:
                self.expr_targets(target.target, small)
        elif isinstance(small, cst.AnnAssign):
            if small.value is not None:
                keys = target_keys(small.target)
                self.expr(small.value, "assign", small, keys)
            self.bind_target(small.target, small.value, "assign", small,
                             annotation=small.annotation.annotation)
        elif isinstance(small, cst.AugAssign):
            self.expr(small.value, "aug", small)
            self.expr_targets(small.target, small)
            key = key_of(small.target)
            if key is not None and isinstance(
                small.operator, (cst.AddAssign, cst.SubtractAssign)
            ):
                for loop in self.loops:
                    if isinstance(small.value, cst.Integer):
                        loop.counters.add(key)
                    else:
                        loop.steps.append((key, small.value))
        elif isinstance(small, cst.Return):
            if small.value is not None:
                self.expr(small.value, "return", small)
                if self.scope.kind == "function":
                    self.model.return_states.setdefault(id(self.scope.node), set()).add(
                        self.initial_state(small.value, None))
                for loop in self.loops:
                    loop.returned.update(value_keys(small.value))
        elif isinstance(small, cst.Raise):
            if small.exc is not None:
                self.expr(small.exc, "other", small)
            if small.cause is not None:
                self.expr(small.cause.item, "other", small)
        elif isinstance(small, cst.Assert):
            self.expr(small.test, "test", small)
            self.record_tests(small.test)
        elif isinstance(small, cst.Import):
            self.imports.add_import(small, local=self.scope.kind != "module")
            for alias in small.names:
                bound = alias.evaluated_alias or alias.evaluated_name.split(".")[0]
                self.scope.bind(bound, Binding(None, "import", self.scope, node=small))
        elif isinstance(small, cst.ImportFrom):
            self.imports.add_import_from(small, local=self.scope.kind != "module")
            if not isinstance(small.names, cst.ImportStar):
                for alias in small.names:
                    bound = alias.evaluated_alias or alias.evaluated_name
                    self.scope.bind(bound, Binding(None, "import", self.scope, node=small))
        elif isinstance(small, cst.Del):
            pass
        else:
            for child in iter_children(small):
                if isinstance(child, cst.BaseExpression):
                    self.expr(child, "other", small)

    def walk_if(self, stmt):
        blind = frozenset()
        if self.loops and stmt.orelse is None:
            # ``if data: break`` / ``if len(data) == 4: return data`` / ``if data:
            # handle(data)``: an empty read skips the body and goes round the loop again
            blind = _blind_keys(stmt.test, False)
            if blind and not suite_leaves(stmt.body):
                for loop in self.loops:
                    loop.skipped.update(blind)  # ``if data: handle(data)``: see Loop
        elif self.loops and isinstance(stmt.orelse, cst.If):
            # ``if choice == "1": ... elif choice == "2": ...`` with no ``else``: an empty
            # read makes every test false and runs no branch
            blind = _blind_keys(stmt.test, False)
            tail = stmt.orelse
            while blind and isinstance(tail, cst.If):
                blind &= _blind_keys(tail.test, False)
                tail = tail.orelse
            if tail is not None:
                blind = frozenset()
        saved, self.test_blind = self.test_blind, blind
        self.expr(stmt.test, "test", stmt)
        self.record_tests(stmt.test)
        self.test_blind = saved
        before, mark = self.state, len(self.journal)
        self.state = dict(before)
        self.walk_suite(stmt.body)
        after_body = self.state
        self.state = dict(before)
        if isinstance(stmt.orelse, cst.If):
            self.walk_if(stmt.orelse)
        elif isinstance(stmt.orelse, cst.Else):
            self.walk_suite(stmt.orelse.body)
        # a branch that ends the pass (``continue``, ``break``, ``return``, ``raise``) never
        # reaches the statement after the ``if``: its state does not join the other's
        branches = [after_body, self.state]
        if ends_pass(stmt.body) and not (isinstance(stmt.orelse, cst.Else)
                                          and ends_pass(stmt.orelse.body)):
            branches = [self.state]
        elif isinstance(stmt.orelse, cst.Else) and ends_pass(stmt.orelse.body):
            branches = [after_body]
        self.state = self.merged(branches, mark)

    def _enter_loop(self, node, kind):
        loop = Loop(node, kind, self.loops[-1] if self.loops else None)
        self.model.loops.append(loop)
        self.loops.append(loop)
        return loop

    def walk_while(self, stmt):
        before, mark = self.state, len(self.journal)
        self.state = dict(before)
        loop = self._enter_loop(stmt, "while")
        loop.test_keys = {k for k in tested_keys(stmt.test) if isinstance(k, str)}
        loop.test_keys |= _exit_compared_keys(stmt.body)
        loop.counters.update(_appended_each_pass(stmt.body))
        # ``while chunk != b"\n":`` / ``while len(header) != 4:``: an empty read keeps the
        # loop going, so the condition does not catch it
        saved, self.test_blind = self.test_blind, _blind_keys(stmt.test, True)
        # the test runs on every pass: what follows the loop in the enclosing block does
        # not leave it (``while not (data := s.recv(n)): pass`` then ``return data``)
        saved_exits, self.exit_flags = self.exit_flags, []
        self.expr(stmt.test, "test", stmt)
        self.record_tests(stmt.test)
        self.test_blind = saved
        self.walk_suite(stmt.body)
        self.exit_flags = saved_exits
        self.loops.pop()
        self.state = self.merged([before, self.state], mark)
        if stmt.orelse is not None:
            self.walk_suite(stmt.orelse.body)

    def walk_for(self, stmt):
        self.expr(stmt.iter, "other", stmt)
        before, mark = self.state, len(self.journal)
        self.state = dict(before)
        loop = self._enter_loop(stmt, "for")
        self.bind_target(stmt.target, None, "for", stmt)
        loop.bound.update(target_keys(stmt.target))
        saved_exits, self.exit_flags = self.exit_flags, []
        self.walk_suite(stmt.body)
        self.exit_flags = saved_exits
        self.loops.pop()
        self.state = self.merged([before, self.state], mark)
        if stmt.orelse is not None:
            self.walk_suite(stmt.orelse.body)

    def walk_try(self, stmt):
        frame = TryFrame(stmt, len(self.loops))
        for handler_node in stmt.handlers:
            types, bare = self.handler_types(handler_node.type)
            name = None
            if handler_node.name is not None and isinstance(handler_node.name.name, cst.Name):
                name = handler_node.name.name.value
            handler = Handler(handler_node, types, bare, name, frame)
            frame.handlers.append(handler)
            self.model.handlers.append(handler)
        before, mark = self.state, len(self.journal)
        self.state = dict(before)
        self.guards.append(frame)
        # ``try: data = s.recv(n) ... else: break``: a body that finishes leaves the loop.
        self.exit_flags.append(stmt.orelse is not None and suite_leaves(stmt.orelse.body))
        self.walk_suite(stmt.body)
        self.exit_flags.pop()
        self.guards.pop()
        after_body = self.state
        states = [after_body]
        outer_handler = self.handler
        for handler in frame.handlers:
            self.state = self.merged([before, after_body], mark)
            self.handler = handler
            if handler.node.type is not None:
                self.expr(handler.node.type, "other", handler.node)
            if handler.name is not None:
                self.scope.bind(handler.name, Binding(None, "except", self.scope))
            self.walk_suite(handler.node.body)
            if not ends_pass(handler.node.body):
                states.append(self.state)  # a handler ending the pass reaches no further
        self.handler = outer_handler
        self.state = self.merged(states, mark)
        if stmt.orelse is not None:
            self.walk_suite(stmt.orelse.body)
        if stmt.finalbody is not None:
            self.walk_suite(stmt.finalbody.body)

    def handler_types(self, node):
        """Canonical exception names caught by an except clause's type expression: also
        through a module constant, or a name the function binds once, before the ``try``,
        to a tuple or list (``errors = (ConnectionResetError, BrokenPipeError)``)."""
        if node is None:
            return (), True
        constants = self.model.constants
        if self.scope.kind == "function" and isinstance(node, cst.Name):
            bindings = self.scope.bindings.get(node.value, ())
            if len(bindings) == 1 and bindings[0].how == "assign" and \
                    bindings[0].index is None and \
                    isinstance(bindings[0].value, (cst.Tuple, cst.List)):
                constants = {**constants, node.value: bindings[0].value}
        elements = flatten_types(node, constants)
        types = []
        for element in elements:
            qname = self.imports.qualify(element)
            if qname is None:
                continue
            types.append(tables.canonical_exception(qname))
        return tuple(types), False

    def walk_with(self, stmt):
        pushed = 0
        for item in stmt.items:
            self.expr(item.item, "other", stmt)
            call = strip_await(item.item)
            if isinstance(call, cst.Call) and _is_catching_context(self.imports, call):
                types = []
                arguments = call.args
                suppress = self.imports.qualify(call.func) == "contextlib.suppress"
                if not suppress:
                    arguments = arguments[:1]  # assertRaises(E, ...): only E is a class
                for arg in arguments:
                    for element in flatten_types(arg.value, self.model.constants):
                        qname = self.imports.qualify(element)
                        if qname is not None:
                            types.append(tables.canonical_exception(qname))
                self.guards.append(SuppressFrame(stmt, tuple(types), len(self.loops),
                                                 expects=not suppress))
                pushed += 1
            if item.asname is not None:
                self.bind_target(item.asname.name, item.item, "with", stmt)
        self.walk_suite(stmt.body)
        for _ in range(pushed):
            self.guards.pop()

    def walk_function(self, node):
        for decorator in node.decorators:
            self.expr(decorator.decorator, "other", node)
        self.scope.bind(node.name.value, Binding(None, "def", self.scope, node=node))
        cls = None
        self_name = None
        if self.scope.kind == "class":
            cls = self.model.fn_scope_of_class.get(self.scope)
            params = node.params.posonly_params or node.params.params
            is_static = any(
                key_of(d.decorator) in ("staticmethod",) for d in node.decorators
            )
            if params and not is_static:
                self_name = params[0].name.value
        elif self.scope.kind == "function" and self.scope.cls is not None and \
                self.scope.self_name is not None and not any(
                    param.name.value == self.scope.self_name
                    for param in (*node.params.posonly_params, *node.params.params,
                                  *node.params.kwonly_params)):
            # a function defined in a method reads the method's ``self`` (a closure: a
            # thread's target, a callback): ``self.sock`` there is the object's attribute
            cls, self_name = self.scope.cls, self.scope.self_name
        scope = Scope("function", node, self.scope, cls=cls, self_name=self_name)
        if cls is not None and self.scope.kind == "class":
            cls.methods.append(scope)
        self.model.scopes.append(scope)
        all_params = (
            list(node.params.posonly_params) + list(node.params.params)
            + list(node.params.kwonly_params)
        )
        for star in (node.params.star_arg, node.params.star_kwarg):
            if isinstance(star, cst.Param):
                all_params.append(star)
        for param in all_params:
            annotation = param.annotation.annotation if param.annotation is not None else None
            scope.bind(param.name.value, Binding(param.default, "param", scope,
                                                 annotation=annotation, node=param))
        saved = (self.scope, self.loops, self.guards, self.handler, self.state,
                 self.exit_flags)
        (self.scope, self.loops, self.guards, self.handler, self.state,
         self.exit_flags) = scope, [], [], None, {}, []
        self.walk_suite(node.body)
        (self.scope, self.loops, self.guards, self.handler, self.state,
         self.exit_flags) = saved

    def walk_class(self, node):
        for decorator in node.decorators:
            self.expr(decorator.decorator, "other", node)
        bases = []
        for arg in node.bases:
            self.expr(arg.value, "other", node)
            if arg.keyword is None:
                bases.append(self.imports.qualify(arg.value) or "")
        self.scope.bind(node.name.value, Binding(None, "class", self.scope, node=node))
        info = ClassInfo(node, bases)
        self.model.classes.append(info)
        scope = Scope("class", node, self.scope)
        self.model.fn_scope_of_class[scope] = info
        self.model.scopes.append(scope)
        saved = (self.scope, self.loops, self.guards, self.handler, self.state)
        self.scope, self.loops, self.guards, self.handler, self.state = scope, [], [], None, {}
        self.walk_suite(node.body)
        # Class-level ``sock = None`` / ``sock: socket.socket`` count as attribute bindings.
        for key, bindings in scope.bindings.items():
            if "." not in key:
                info.attr_bindings.setdefault(key, []).extend(bindings)
        self.scope, self.loops, self.guards, self.handler, self.state = saved

    # ---- bindings -----------------------------------------------------------------------

    def _mode_restored(self, site):
        """A timeout or non-blocking mode that the same block sets back to blocking, or
        replaces with another mode, before anything else can use the socket
        (``sock.settimeout(5)``, ``sock.connect(addr)``, ``sock.settimeout(None)``;
        ``sock.setblocking(False)``, ``sock.settimeout(timeout)``): it is not the
        attribute's mode in other methods."""
        if not self.blocks or site.method not in ("settimeout", "setblocking"):
            return False
        if _saved_timeout(site.positional(0), site.receiver_key, self.scope):
            return True  # ``sock.settimeout(saved)``: the mode it had before, whatever it was
        if self._restored_in_finally(site):
            return True
        statements, index = self.blocks[-1]
        if not (isinstance(statements[index], cst.SimpleStatementLine)
                and len(statements[index].body) == 1 and statements[index].body[0] is site.stmt):
            return False
        own = self._own_name()
        for stmt in statements[index + 1:]:
            # ``sock.settimeout(0)``, then ``try: ... finally: sock.settimeout(saved)``
            if isinstance(stmt, (cst.Try, cst.TryStar)) and stmt.finalbody is not None and \
                    _sets_saved_timeout(stmt.finalbody, site.receiver_key, self.scope):
                return self._quiet_try(stmt, site.receiver_key)
            if not isinstance(stmt, cst.SimpleStatementLine) or \
                    not _only_own_calls(stmt, site.receiver_key, own):
                break
        return _quiet_until_restored(statements[index + 1:], site.receiver_key, own)

    def _restored_in_finally(self, site):
        """The mode is set inside a ``try`` whose ``finally`` sets the socket's timeout back
        to the value saved from its ``gettimeout()`` (``t = sock.gettimeout()``,
        ``sock.settimeout(0)``, a peek, then ``finally: sock.settimeout(t)``): the change
        lasts until the function leaves the ``try``, on every path."""
        for frame in reversed(self.guards):
            node = getattr(frame, "node", None)
            if isinstance(node, (cst.Try, cst.TryStar)) and node.finalbody is not None and \
                    _sets_saved_timeout(node.finalbody, site.receiver_key, self.scope):
                return self._quiet_try(node, site.receiver_key)
        return False

    def _own_name(self):
        """The name of the function being walked (``self.<own>()`` is a call of itself)."""
        function = self.scope.node if self.scope.kind == "function" else None
        return function.name.value if isinstance(function, cst.FunctionDef) else None

    def _quiet_try(self, node, key):
        """Nothing in the ``try`` and its handlers can reach the socket from elsewhere
        while its mode is changed (``_only_own_calls``; a ``return`` is fine: the
        ``finally`` runs first)."""
        own = self._own_name()
        return _only_own_calls(node.body, key, own, returns=True) and all(
            _only_own_calls(handler.body, key, own, returns=True) for handler in node.handlers)

    def attr_key(self, key):
        """``self.x`` inside a method -> ('x', ClassInfo); else None."""
        scope = self.scope
        if scope.self_name is None or scope.cls is None:
            return None
        head, _, rest = key.partition(".")
        if head != scope.self_name or not rest or "." in rest:
            return None
        return rest

    def chain_key(self, key):
        """``self.link.sock`` inside a method -> 'link.sock'; else None."""
        scope = self.scope
        if scope.self_name is None or scope.cls is None:
            return None
        head, _, rest = key.partition(".")
        if head != scope.self_name or "." not in rest:
            return None
        return rest

    def bind_target(self, target, value, how, node, annotation=None, index=None):
        if isinstance(target, (cst.Tuple, cst.List)):
            elements = [e for e in target.elements]
            for i, element in enumerate(elements):
                inner = element.value
                if isinstance(element, cst.StarredElement):
                    self.bind_target(inner, None, how, node)
                    continue
                sub_index = (i, len(elements)) if index is None else None
                self.bind_target(inner, value, how, node, index=sub_index)
            return
        key = key_of(target)
        if key is None:
            return
        binding = Binding(value, how, self.scope, index=index, annotation=annotation, node=node,
                          loops=tuple(self.loops), line=self.line)
        attr = self.attr_key(key)
        if attr is not None:
            self.scope.cls.attr_bindings.setdefault(attr, []).append(binding)
        else:
            chain = self.chain_key(key)
            if chain is not None:  # ``self.link.sock = socket.socket()``
                self.scope.cls.attr_bindings.setdefault(chain, []).append(binding)
        self.scope.bind(key, binding)
        for loop in self.loops:
            loop.bound.add(key)
        # Flow state: a new object in this name.
        initial = self.initial_state(value, index)
        self.set_state(key, initial)
        self.drop_state(key + "#timeo")
        if initial in PARTIAL_MODES:
            self.set_state(key + "#p", frozenset((initial,)))
            if attr is not None:
                self.scope.cls.attr_partial.setdefault(attr, set()).add(initial)
        else:
            source = key_of(strip_await(value)) if value is not None else None
            copied = self.state.get(source + "#p") if source is not None else None
            if copied and index is None:
                self.set_state(key + "#p", copied)  # ``self.sock = sock``: same object
                if attr is not None:
                    self.scope.cls.attr_partial.setdefault(attr, set()).update(copied)
            else:
                self.drop_state(key + "#p")
        self.set_state(key + "#b", frozenset((binding,)))

    def initial_state(self, value, index):
        value = strip_await(value) if value is not None else None
        if isinstance(value, cst.Call):
            qname = self.imports.qualify(value.func)
            if qname in tables.SOCKET_CONSTRUCTORS or qname in tables.SOCKET_PAIR_CONSTRUCTORS:
                if qname == "socket.create_connection":
                    timeout = call_arg(value, 1, "timeout")
                    if timeout is not None:
                        return timeout_state(timeout)
                    return CTOR
                for arg in value.args:
                    if mentions(arg.value, "SOCK_NONBLOCK"):
                        return NONBLOCKING
                return CTOR
            method = value.func.attr.value if isinstance(value.func, cst.Attribute) else None
            if method in ("wrap_socket",) or qname in tables.SSL_WRAPPERS:
                wrapped = call_arg(value, 0, "sock")
                wrapped_key = key_of(wrapped) if wrapped is not None else None
                if wrapped_key is not None:
                    return self.state.get(wrapped_key, ENTRY if wrapped_key else UNKNOWN)
                return UNKNOWN
            if method in ("accept", "sock_accept"):
                return CTOR
            if isinstance(value.func, cst.Name):
                return self.nested_factory_state(value.func.value)
            if method == "makefile":
                # the file reads and writes through the socket, with its timeout
                source = key_of(value.func.value)
                if source is not None:
                    return self.state.get(source, ENTRY)
        elif value is not None:
            source = key_of(value)
            if source is not None and source in self.state:
                return self.state[source]
        return UNKNOWN

    def nested_factory_state(self, name):
        """The blocking state of what a function defined in an enclosing function returns
        (``def make(): s = socket.socket(); s.settimeout(5); return s`` inside the method,
        then ``sock = make()``), when all its ``return`` statements agree; UNKNOWN for
        anything else (module-level functions are the project index's business)."""
        binding = nested_def(self.scope, name)
        states = self.model.return_states.get(id(binding.node)) if binding else None
        if states and len(states) == 1:
            state = next(iter(states))
            if state in (BLOCKING, TIMEOUT, NONBLOCKING, CTOR):
                return state
        return UNKNOWN

    def expr_targets(self, target, node):
        # Subscript targets and attribute targets hold expressions of their own.
        if isinstance(target, (cst.Subscript, cst.Attribute)) and key_of(target) is None:
            self.expr(target, "other", node)

    # ---- expressions ------------------------------------------------------------------

    def record_tests(self, test):
        if not self.loops:
            return
        str_keys = set()
        none_keys = set()
        keys = tested_keys(test, str_keys, none_keys)
        if self.test_blind:
            keys -= self.test_blind
        for loop in self.loops:
            loop.tested.update(keys)
            loop.tested.update(none_keys)  # a name computed from a read may be None
            loop.plain_tested.update(keys)
            loop.str_tested.update(str_keys)
            loop.none_tested.update(none_keys)

    def expr(self, root, role, stmt, targets=()):
        """Walk one expression tree without recursion, recording interesting calls."""
        direct_node = strip_await(root)
        stack = [(root, tuple(targets), False)]
        model = self.model
        while stack:
            node, node_targets, in_lambda = stack.pop()
            kind = type(node)
            if kind in LEAF_KINDS:
                continue
            if kind is cst.Call:
                self.record_call(node, role, stmt, node_targets, in_lambda, node is direct_node)
                if not in_lambda and id(node) in model.awaited and \
                        _runs_in_executor(node):
                    # ``await loop.run_in_executor(None, lambda: sock.recvfrom(n))``: the
                    # lambda runs now, what it raises comes out of the await, inside this
                    # statement's handlers and loops, and what it returns is the await's
                    for arg in node.args:
                        if type(arg.value) is cst.Lambda:
                            stack.append((arg.value.body, node_targets, False))
                    stack.append((node.func, node_targets, in_lambda))
                    stack.extend((arg.value, (), in_lambda) for arg in node.args
                                 if type(arg.value) is not cst.Lambda)
                    continue
            elif kind is cst.Await and type(node.expression) is cst.Call:
                model.awaited.add(id(node.expression))
                inner = _awaited_through(self.imports, node.expression)
                if inner is not None:
                    model.awaited.add(id(inner))
            elif kind is cst.NamedExpr:
                target_key = key_of(node.target)
                if target_key is not None:
                    self.bind_target(node.target, node.value, "assign", stmt)
                    stack.append((node.value, node_targets + (target_key,), in_lambda))
                else:
                    stack.append((node.value, node_targets, in_lambda))
                continue
            elif kind is cst.Lambda:
                stack.append((node.body, (), True))
                continue
            elif kind is cst.Yield:
                if node.value is not None and self.loops:
                    inner = node.value
                    if isinstance(inner, cst.From):
                        inner = inner.item
                    for loop in self.loops:
                        loop.returned.update(value_keys(inner))
            elif kind is cst.IfExp:
                self.record_tests(node.test)
            elif kind is cst.UnaryOperation and type(node.operator) is cst.Not:
                self.record_tests(node.expression)
            elif kind is cst.BooleanOperation:
                self.record_tests(node.left)
                self.record_tests(node.right)
            elif kind is cst.Comparison:
                model.comparisons.append((node, self.scope, self.handler))
                if self.loops and role != "test":
                    self.record_tests(node)
            elif kind is cst.CompIf:
                self.record_tests(node.test)
            elif kind is cst.BinaryOperation:
                # ``buf = buf + s.recv(n)``: the name holds the sum, not the call's result.
                node_targets = ()
            for child in iter_children(node):
                stack.append((child, node_targets, in_lambda))

    def record_call(self, node, role, stmt, targets, in_lambda, direct):
        func = node.func
        if isinstance(func, cst.Attribute):
            method = func.attr.value
            receiver = func.value
        elif isinstance(func, cst.Name):
            method = None
            receiver = None
        else:
            return
        qname = self.imports.qualify(func)
        last = method if method is not None else func.value
        interesting = self.interesting
        if last not in interesting and (
                qname is None or qname.rpartition(".")[2] not in interesting):
            return
        receiver_key = key_of(receiver) if receiver is not None else None
        if receiver_key is not None and self._call_record(receiver_key):
            return  # ``call.setsockopt(...)``: a record of a call a test expects, not a call
        if qname in tables.SLEEP_CALLS and not in_lambda:
            for loop in self.loops:
                loop.has_sleep = True
        state = None
        timeo = None
        partial = None
        reaching = None
        if receiver_key is not None:
            state = self.state.get(receiver_key, ENTRY)
            timeo = self.state.get(receiver_key + "#timeo")
            partial = self.state.get(receiver_key + "#p")
            reaching = self.state.get(receiver_key + "#b")
        # The socket handed to ``loop.sock_*(sock, ...)`` and its state at this point.
        arg_key = arg_state = arg_reaching = None
        if node.args and node.args[0].keyword is None and not node.args[0].star:
            arg_key = key_of(node.args[0].value)
            if arg_key is not None:
                arg_state = self.state.get(arg_key, ENTRY)
                arg_reaching = self.state.get(arg_key + "#b")
        site = CallSite(
            node=node, method=method, receiver=receiver, receiver_key=receiver_key, qname=qname,
            scope=self.scope, loops=() if in_lambda else tuple(self.loops),
            guards=() if in_lambda else tuple(self.guards), handler=self.handler,
            targets=targets, role=role, direct=direct, state=state, timeo=timeo, partial=partial,
            in_lambda=in_lambda, order=self.order, stmt=stmt, reaching=reaching,
            arg_key=arg_key, arg_state=arg_state, arg_reaching=arg_reaching,
            leaves_loop=bool(self.loops) and any(self.exit_flags),
            line=self.line,
        )
        self.order += 1
        self.model.calls.append(site)
        if not in_lambda:
            for loop in self.loops:
                loop.calls.append(site)
        if qname == "socket.setdefaulttimeout":
            value = site.positional(0)
            if value is not None:
                self.model.default_timeout = timeout_state(value)
        elif qname == "signal.signal":
            self.model.signal_calls.append(site)
        elif receiver_key is not None:
            self.update_state(site)

    def _call_record(self, key):
        """``key`` reaches a ``unittest.mock`` call record: ``call.sock`` with ``call`` from
        ``unittest.mock`` (or the ``mock`` package), ``mock.call``, or pytest-mock's
        ``mocker.call``. Calls on it build the expected calls a test compares with a mock's
        ``mock_calls``; nothing runs."""
        parts = key.split(".")
        if "call" not in parts:
            return False
        at = parts.index("call")
        if at == 1 and parts[0] == "mocker":
            return True
        return self.imports.qualify_key(".".join(parts[:at + 1])) in _MOCK_CALLS

    def no_time(self, value, depth=0):
        """A ``SO_RCVTIMEO`` / ``SO_SNDTIMEO`` value that sets no timeout
        (``index.no_time``): ``struct.pack("ll", 0, 0)``, ``0``, or a module constant (of
        this module, or through the index of another) holding one."""
        from lint_sockets.analysis.index import no_time, packed_zeros

        if value is None:
            return False
        if int_value(value) == 0:
            return True
        if isinstance(value, cst.Call) and len(value.args) > 1 and \
                self.imports.qualify(value.func) == "struct.pack" and \
                isinstance(value.args[0].value, cst.SimpleString) and \
                all(a.keyword is None and not a.star and int_value(a.value) == 0
                    for a in value.args[1:]):
            fmt = value.args[0].value.evaluated_value
            return fmt is not None and packed_zeros(fmt, len(value.args) - 1) is not None
        key = key_of(value) if isinstance(value, (cst.Name, cst.Attribute)) else None
        if key is None:
            return False
        if self.constant is not None:
            return no_time(self.constant(key))
        inner = self.model.constants.get(key)
        return inner is not None and depth < 2 and self.no_time(inner, depth + 1)

    def update_state(self, site):
        key = site.receiver_key
        method = site.method
        new = None
        if method in ("setblocking", "settimeout"):
            new = mode_set_by(site)
        elif method == "setsockopt":
            option = site.positional(1)
            # SO_RCVTIMEO times out receives only, SO_SNDTIMEO sends only.
            direction = None
            if option is not None and mentions(option, "SO_RCVTIMEO"):
                direction = "recv"
            elif option is not None and mentions(option, "SO_SNDTIMEO"):
                direction = "send"
            if direction is not None and self.no_time(site.positional(2)):
                # a zero timeout is no timeout: the direction blocks again
                previous = self.state.get(key + "#timeo")
                left = {"both": {"recv", "send"}}.get(previous, {previous}) - {direction, None}
                if left:
                    self.set_state(key + "#timeo", left.pop())
                else:
                    self.drop_state(key + "#timeo")
                return
            if direction is not None:
                previous = self.state.get(key + "#timeo")
                if previous in ("recv", "send", "both") and previous != direction:
                    direction = "both"
                self.set_state(key + "#timeo", direction)
                attr = self.attr_key(key)
                if attr is not None and direction != "recv":
                    self.scope.cls.attr_partial.setdefault(attr, set()).add(SNDTIMEO)
            return
        if new is None:
            return
        self.set_state(key, new)
        # The modes that may make a send() partial on some path since the object was bound.
        if new == BLOCKING:
            self.drop_state(key + "#p")
        else:
            mode = new if new in PARTIAL_MODES else NONBLOCKING  # setblocking(flag)
            self.set_state(key + "#p", self.state.get(key + "#p", frozenset()) | {mode})
        attr = self.attr_key(key)
        if attr is not None:
            self.scope.cls.attr_states.setdefault(attr, []).append((new, self.scope))
            if new != BLOCKING and not self._mode_restored(site):
                mode = new if new in PARTIAL_MODES else NONBLOCKING
                self.scope.cls.attr_partial.setdefault(attr, set()).add(mode)


def _restores(stmt, key):
    """``stmt`` sets ``key``'s mode again: ``key.settimeout(None)`` /
    ``key.setblocking(True)`` put it back to blocking, and any other ``settimeout(t)`` or
    ``setblocking(flag)`` replaces the mode set before (``setblocking(False)`` then
    ``settimeout(timeout)``), which is then judged on its own."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1 or \
            not isinstance(stmt.body[0], cst.Expr):
        return False
    call = stmt.body[0].value
    if not isinstance(call, cst.Call) or not isinstance(call.func, cst.Attribute) or \
            key_of(call.func.value) != key or len(call.args) != 1 or \
            call.args[0].keyword is not None or call.args[0].star:
        return False
    return call.func.attr.value in ("settimeout", "setblocking")


def _only_own_calls(node, key, own=None, returns=False):
    """Every call under ``node`` is a method of ``key`` itself (``key.connect(addr)``), the
    function itself again (``self.<own>()``, a retry that sets the socket up anew), or a
    function outside the object that is handed nothing of it (``time.sleep(5)``); and nothing
    there can hand control elsewhere (``await``, ``yield``, ``return`` unless ``returns``,
    nested definitions)."""
    root = key.partition(".")[0]
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, (cst.Await, cst.Yield, cst.FunctionDef,
                                cst.ClassDef, cst.Lambda)) or \
                (isinstance(current, cst.Return) and not returns):
            return False
        if isinstance(current, cst.Call) and not _harmless_call(current, key, root, own):
            return False
        stack.extend(iter_children(current))
    return True


def _harmless_call(call, key, root, own):
    func = call.func
    if isinstance(func, cst.Attribute) and key_of(func.value) == key:
        return True
    called = key_of(func)
    if called is None:
        return False
    if own is not None and root == "self" and called == f"self.{own}" and not call.args:
        return True
    return called.partition(".")[0] != root and not any(
        mentions(arg.value, root) for arg in call.args)


def _quiet_until_restored(statements, key, own=None):
    """The statements run until ``key``'s mode is set again, on every path that goes on, and
    call nothing on the way that could use the socket elsewhere (``_only_own_calls``): the
    mode set before them never reaches another method. A ``try`` in between counts when its
    body does the same; a path through one of its handlers may leave by ``raise`` when the
    handler rebinds ``key`` (the half-set-up socket is dropped) or when the ``try`` was the
    socket's ``connect`` (the socket never connected, so nothing is ever written on it)."""
    return _quiet_block(statements, key, own, False) == _RESTORED


_RESTORED, _OPEN = "restored", "open"


def _quiet_block(statements, key, own, connect_failed):
    """_RESTORED when every path through the statements sets the mode again or leaves by an
    allowed ``raise``; _OPEN when some path runs off the end quietly; None otherwise."""
    rebound = False
    for stmt in statements:
        if _restores(stmt, key):
            return _RESTORED
        if _rebinds(stmt, key):
            rebound = True
        if isinstance(stmt, cst.SimpleStatementLine) and isinstance(stmt.body[-1], cst.Raise):
            if not (connect_failed or rebound) or not _only_own_calls(
                    cst.SimpleStatementLine(body=stmt.body[:-1]), key, own):
                return None
            return _RESTORED
        if isinstance(stmt, cst.If):
            outcomes = []
            branch = stmt
            while isinstance(branch, cst.If):
                if not _only_own_calls(branch.test, key, own):
                    return None
                outcomes.append(_quiet_block(_body(branch.body), key, own, connect_failed))
                branch = branch.orelse
            outcomes.append(_OPEN if branch is None else
                            _quiet_block(_body(branch.body), key, own, connect_failed))
            if None in outcomes:
                return None
            if _OPEN not in outcomes:
                return _RESTORED
            continue
        if isinstance(stmt, cst.Try):
            if stmt.orelse is not None or stmt.finalbody is not None or \
                    not _only_own_calls(stmt.body, key, own):
                return None
            connects = _calls_own_method(stmt.body, key, "connect")
            for handler in stmt.handlers:
                body = _body(handler.body)
                if body and isinstance(body[-1], cst.SimpleStatementLine) and \
                        isinstance(body[-1].body[-1], cst.Raise) and \
                        any(_rebinds(line, key) for line in body):
                    continue  # the half-set-up socket is dropped
                if _quiet_block(body, key, own, connects) is None:
                    return None
            continue
        if not isinstance(stmt, cst.SimpleStatementLine) or not _only_own_calls(stmt, key, own):
            return None
    return _OPEN


def _body(block):
    return block.body if isinstance(block, cst.IndentedBlock) else [block]


def _saved_timeout(node, key, scope):
    """``node`` is a local name every binding of which in ``scope`` is ``key.gettimeout()``:
    the socket's own timeout, saved to be set back."""
    if not isinstance(node, cst.Name) or scope is None or scope.kind != "function":
        return False
    bindings = scope.bindings.get(node.value)
    if not bindings:
        return False
    for binding in bindings:
        value = binding.value
        if binding.how != "assign" or binding.index is not None or \
                not isinstance(value, cst.Call) or value.args or \
                not isinstance(value.func, cst.Attribute) or \
                value.func.attr.value != "gettimeout" or key_of(value.func.value) != key:
            return False
    return True


def _sets_saved_timeout(block, key, scope):
    """A ``key.settimeout(saved)`` of a saved timeout (``_saved_timeout``) under ``block``,
    outside nested definitions."""
    return any(len(call.args) == 1 and _saved_timeout(call.args[0].value, key, scope)
               for call in _own_method_calls(block, key, "settimeout", nested=False))


def _calls_own_method(node, key, method):
    return any(_own_method_calls(node, key, method))


def _own_method_calls(node, key, method, nested=True):
    """The calls ``key.<method>(...)`` under ``node`` (with ``nested`` False, not those in
    functions, classes or lambdas defined there)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, cst.Call) and isinstance(current.func, cst.Attribute) and \
                current.func.attr.value == method and key_of(current.func.value) == key:
            yield current
        if not nested and isinstance(current, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        stack.extend(iter_children(current))


def _rebinds(stmt, key):
    if not isinstance(stmt, cst.SimpleStatementLine):
        return False
    return any(isinstance(small, cst.Assign) and any(key_of(t.target) == key
                                                    for t in small.targets)
               for small in stmt.body)


_RAISES_METHODS = frozenset({"assertRaises", "assertRaisesRegex", "assertRaisesRegexp"})


def _is_catching_context(imports, call):
    """``contextlib.suppress(E)``, ``self.assertRaises(E)``, ``pytest.raises(E)``: a with
    block that catches E raised inside it."""
    qname = imports.qualify(call.func)
    if qname in ("contextlib.suppress", "pytest.raises"):
        return True
    func = call.func
    return isinstance(func, cst.Attribute) and func.attr.value in _RAISES_METHODS


def exit_flag(test):
    """(key, truth that ends the loop) for a ``while`` test on one flag: ``not done`` ->
    ("done", True), ``running`` / ``self.running`` -> ("self.running", False); for an event,
    ``not stop.is_set()`` -> ("stop", "set"): ``stop.set()`` ends the loop."""
    wanted = False
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        test, wanted = test.expression, True
        if isinstance(test, cst.Call) and not test.args and \
                isinstance(test.func, cst.Attribute) and test.func.attr.value == "is_set":
            event = key_of(test.func.value)
            return (event, "set") if event is not None else None
    key = key_of(test)
    return (key, wanted) if key is not None else None


def exit_flags(test):
    """The flags (``exit_flag``) among the tests that ``and`` joins in a ``while`` test
    (``while not time_out and not got_answer:`` -> both): making any one of them false
    ends the loop. A single flag gives itself; ``or`` gives none."""
    if isinstance(test, cst.BooleanOperation):
        if not isinstance(test.operator, cst.And):
            return ()
        return exit_flags(test.left) + exit_flags(test.right)
    flag = exit_flag(test)
    return (flag,) if flag is not None else ()


def sets_flag(small, flag):
    """``small`` assigns the flag a literal of the truth that ends the loop (for an event,
    ``small`` is ``stop.set()``)."""
    if flag[1] == "set":
        call = small.value if isinstance(small, cst.Expr) else None
        return isinstance(call, cst.Call) and not call.args and \
            isinstance(call.func, cst.Attribute) and call.func.attr.value == "set" and \
            key_of(call.func.value) == flag[0]
    if not isinstance(small, cst.Assign) or len(small.targets) != 1 or \
            key_of(small.targets[0].target) != flag[0]:
        return False
    value = small.value
    if isinstance(value, cst.Name) and value.value in ("True", "False", "None"):
        return (value.value == "True") is flag[1]
    number = number_value(value)
    return number is not None and bool(number) is flag[1]


def _program_ending_functions(module):
    """The names of the module's top-level functions that never return: the last statement
    of the body ends the program (``sys.exit(0)``, ``os._exit(1)``) and no ``return`` or
    ``yield`` is in it, and the module binds the name once (a call of one, as a statement
    of a loop's pass, leaves the loop as ``sys.exit()`` there would)."""
    found = set()
    counts = {}
    for stmt in module.body:
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            counts[stmt.name.value] = counts.get(stmt.name.value, 0) + 1
        if not isinstance(stmt, cst.FunctionDef) or stmt.asynchronous is not None or \
                stmt.decorators or not isinstance(stmt.body, cst.IndentedBlock) or \
                not stmt.body.body or not statement_leaves(stmt.body.body[-1]):
            continue
        last = stmt.body.body[-1]
        if not any(small_leaves(small) and type(small) is cst.Expr for small in last.body):
            continue  # ``raise`` or ``return`` last: a caller's handler may go on
        if any(type(node) in (cst.Return, cst.Yield) for node in walk_nodes(stmt.body)):
            continue
        found.add(stmt.name.value)
    return frozenset(name for name in found if counts.get(name) == 1)


def _leaves_after(items, leaves):
    """flags[i]: some item after items[i] leaves the loop (``leaves(item)``); one pass from
    the end, so linear in the number of items."""
    flags = [False] * len(items)
    later = False
    for index in range(len(items) - 1, -1, -1):
        flags[index] = later
        later = later or leaves(items[index])
    return flags


def build_model(module: cst.Module, helpers: frozenset = frozenset(),
                constant=None) -> ModuleModel:
    """The walk of ``module``; calls of the names in ``helpers`` (project functions that
    return a socket call's result, ``helpers.helper_names``) are recorded too. ``constant``
    gives a module constant's value as the project index records it (for a dotted name as
    this module writes it), or None without an index."""
    model = ModuleModel(module)
    _Walker(model, helpers, constant).walk_module(module)
    return model


# Wrappers whose await gives the result, or raises the exception, of the awaitable they
# are handed first.
_AWAIT_WRAPPERS = frozenset({"asyncio.wait_for", "asyncio.shield", "asyncio.ensure_future"})


def _awaited_through(imports, call):
    """For ``await asyncio.wait_for(inner, timeout)`` (``shield``, ``ensure_future``): the
    call ``inner``, whose outcome the await gives; None otherwise."""
    if imports.qualify(call.func) not in _AWAIT_WRAPPERS or not call.args:
        return None
    first = call.args[0]
    if first.keyword is not None or first.star or type(first.value) is not cst.Call:
        return None
    return first.value


def _runs_in_executor(call):
    """``loop.run_in_executor(executor, func, *args)``: ``func`` runs in a worker, and the
    awaited future gives its result or raises its exception."""
    func = call.func
    return type(func) is cst.Attribute and func.attr.value == "run_in_executor"

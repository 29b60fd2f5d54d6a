"""What an ``except`` clause catches and what it does (raise, return, break, continue, fall
through, close, sleep) when the error is a given exception or errno."""

from __future__ import annotations

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.nodes import (
    EQUALITY_OPERATORS, contains, flat_elements, int_value, iter_children, key_of, strip_await)


class Handler:
    """One ``except`` clause: the classes it catches (canonical names) and its body."""

    __slots__ = ("node", "types", "bare", "name", "try_frame")

    def __init__(self, node: cst.ExceptHandler | cst.ExceptStarHandler, types: list[str],
                 bare: bool, name: str | None, try_frame: TryFrame) -> None:
        self.node = node
        self.types = types
        self.bare = bare
        self.name = name
        self.try_frame = try_frame

    def catches(self, exc):
        """True if this clause catches exception class ``exc``."""
        if self.bare:
            return True
        ancestors = tables.exception_ancestors(exc)
        return any(t in ancestors for t in self.types)

    def names(self, exc):
        """True if the clause names ``exc`` itself (not through a parent)."""
        return tables.canonical_exception(exc) in self.types

    def earlier(self):
        """The clauses of the same ``try`` before this one, in order."""
        handlers = self.try_frame.handlers
        return handlers[:handlers.index(self)]

    def shadowed(self):
        """An earlier clause of the same ``try`` catches every class this one names, so no
        exception ever reaches it (``except OSError:`` then ``except select.error:``, which
        is OSError on Python 3). A bare clause, or one naming a class lint-sockets does not
        know, is never shadowed."""
        if self.bare or not self.types:
            return False
        earlier = self.earlier()
        return bool(earlier) and all(
            tables.exception_ancestors(t) and any(h.catches(t) for h in earlier)
            for t in self.types)


class TryFrame:
    __slots__ = ("node", "handlers", "loop_depth")

    def __init__(self, node: cst.Try | cst.TryStar, loop_depth: int) -> None:
        self.node = node
        self.handlers: list[Handler] = []
        self.loop_depth = loop_depth

    def handler_for(self, exc):
        for handler in self.handlers:
            if handler.catches(exc):
                return handler
        return None


class SuppressFrame:
    """A ``with`` block that catches exceptions raised inside it: ``contextlib.suppress(E)``,
    or one that expects them (``expects``: ``pytest.raises(E)``, ``self.assertRaises(E)``),
    where the code inside is a test that the call fails."""

    __slots__ = ("node", "types", "loop_depth", "expects")

    def __init__(self, node: cst.With, types: list[str], loop_depth: int,
                 expects: bool = False) -> None:
        self.node = node
        self.types = types
        self.loop_depth = loop_depth
        self.expects = expects

    def catches(self, exc):
        ancestors = tables.exception_ancestors(exc)
        return any(t in ancestors for t in self.types)


def flatten_types(node, constants, depth=0):
    """The elements of an except clause's type: ``(A, B)``, ``A``, a module constant tuple,
    or a module name bound to another class (``SSLWantReadError = ssl.SSLWantReadError``,
    the first binding, as for every module constant); of ``A or B``, what Python catches:
    ``A``."""
    if isinstance(node, (cst.Tuple, cst.List)):
        result = []
        for element in node.elements:
            result.extend(flatten_types(element.value, constants, depth))
        return result
    if isinstance(node, cst.Name) and node.value in constants and depth < 3:
        value = constants[node.value]
        if isinstance(value, (cst.Tuple, cst.List, cst.Name, cst.Attribute)) and \
                value is not node:
            return flatten_types(value, constants, depth + 1)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        return (flatten_types(node.left, constants, depth)
                + flatten_types(node.right, constants, depth))
    if isinstance(node, cst.BooleanOperation):
        # ``except A or B:`` catches A alone, ``except A and B:`` B alone: a class (or a
        # tuple of them) is true, so the operation's value is that operand
        kept = node.left if isinstance(node.operator, cst.Or) else node.right
        return flatten_types(kept, constants, depth)
    return [node]


class HandlerFacts:
    """The guard questions of ``Facts``: which handler catches an exception raised by a call,
    and what it does."""

    def expected_to_raise(self, site) -> bool:
        """The call is in a ``with pytest.raises(...)`` or ``self.assertRaises(...)`` block:
        a test that it fails, which decides itself what the call may raise (a result it
        returned instead would fail the test too). In test code, a call inside an assertion
        is the same: ``assert sock.recv(1) == b""`` or ``self.assertEqual(b"",
        sock.recv(1024))`` checks what the call does, and an exception from it fails the
        test, as a wrong result would."""
        if any(isinstance(frame, SuppressFrame) and frame.expects for frame in site.guards):
            return True
        return bool(getattr(self, "test_code", False)) and _asserted(site)

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

    def caller_handlers(self, site, exc):
        """One step up from a call no ``try`` of its own function guards against ``exc``:
        for each call of that function in the module, the innermost ``except`` clause
        around the call, in the calling function, that catches ``exc``. None when a call
        has none, when there is no call, or when the calls are not all in sight: the
        function's name is used some other way (a callback, ``Thread(target=...)``) or
        bound elsewhere; a method counts only the calls ``self.m(...)`` from methods of
        its class. Its own callers are not searched (one step)."""
        if site.in_lambda:
            return None
        calls = self.function_calls(site.scope)
        if not calls:
            return None
        frames = self.memo("handlers.try_frames", lambda: {
            id(h.try_frame.node): h.try_frame for h in self.model.handlers})
        found = []
        for caller, call in calls:
            handler = None
            for node in reversed(_tries_around(caller.node, call)):
                frame = frames.get(id(node))
                handler = frame.handler_for(exc) if frame is not None else None
                if handler is not None:
                    break
            if handler is None:
                return None
            found.append(handler)
        return found

    def outer_loop_goes_round(self, site, frame, handler, exc, errno=None):
        """The ``try`` of ``frame`` (around the loop the call is in) sits in an outer server
        loop, a ``while`` that does not end by itself, and its ``handler`` for ``exc`` goes
        round on some path (no ``raise``, ``return`` or ``break`` on it): the outer loop
        comes back to the inner one on its next pass, and the server goes on (``while
        running: try: serve(listener) ... except OSError: log()``)."""
        if handler is None or frame.loop_depth < 1:
            return False
        outer = site.loops[frame.loop_depth - 1]
        if outer.kind != "while" or outer.bounded:
            return False
        outcome = self.handler_outcome(handler, exc, errno)
        return not outcome.all_paths(lambda path: bool(path & {RAISE, RETURN, BREAK}))

    def leaves_loop_on(self, site, exc, depth):
        """An exception ``exc`` raised by the call leaves the loop ``site.loops[depth - 1]``:
        no guard inside that loop catches it, or the one that does raises, returns, or
        breaks out of that loop on every path through its handler. A ``suppress()`` inside
        the loop swallows it (False). A handler that raises on every path, and never
        returns or breaks there, hands what it raises (``raised_on``) to the guards around
        its ``try``, which may still catch it inside the loop (``except ValueError: log;
        raise`` inside an outer ``except Exception: continue``)."""
        for frame in reversed(site.guards):
            if frame.loop_depth < depth:
                return True  # caught (if at all) outside the loop: it has left the loop
            if isinstance(frame, SuppressFrame):
                if frame.catches(exc):
                    return False
                continue
            handler = frame.handler_for(exc)
            if handler is None:
                continue
            stops = {RETURN, BREAK} if frame.loop_depth == depth else {RETURN}
            outcome = self.handler_outcome(handler, exc, None)
            if outcome.all_paths(lambda path: RAISE in path and not path & stops):
                exc = self.raised_on(handler, exc)
                if exc is None:
                    return True  # an exit, or an exception no ``except Exception`` catches
                continue
            return outcome.all_paths(lambda path: bool(path & (stops | {RAISE})))
        return True

    def eof_raised(self, site, depth):
        """The read is written for an object that raises at end of file instead of
        returning ``b""`` (pyOpenSSL's ``Connection.recv()``: ``ZeroReturnError`` on a clean
        TLS close, ``SysCallError`` or ``Error`` on a dropped connection), and that end of
        file leaves the loop ``site.loops[depth - 1]``. The evidence is a ``try`` inside
        that loop around the call whose handler names ``OpenSSL.SSL.ZeroReturnError`` or
        its base ``OpenSSL.SSL.Error`` (under any import spelling): a plain socket's
        ``recv()`` never raises them. Then each of those exceptions must leave the loop
        (``leaves_loop_on``)."""
        if not any(isinstance(frame, TryFrame) and frame.loop_depth >= depth and any(
                t in tables.RAISED_EOF_EVIDENCE
                for handler in frame.handlers for t in handler.types)
                for frame in site.guards):
            return False
        return all(self.leaves_loop_on(site, exc, depth) for exc in tables.RAISED_EOF)

    def handler_outcome(self, handler, exc, errno, holds=None):
        """The handler's ``Outcome`` for ``exc`` with ``errno``; ``holds``: a condition
        (an expression) taken to be true where the handler tests it, or its negation false
        (the loop's own test, which held when the pass began)."""
        return HandlerEval(self, handler, exc, errno, holds).outcome()

    def handler_clears_loop_flag(self, handler, loop, scope):
        """A ``while`` loop on one flag (``while self.running:``, ``while not done:``)
        whose handler, on every path that goes on, makes the flag end the loop before the
        test comes round again: an assignment of the literal (``self.running = False``), or
        a call of a method of the instance that sets it on every path it returns by
        (``self.stop()``, through the project index: ``ProjectIndex.method_clears``).
        Read from the top of the handler's body (``with`` blocks included) until a
        statement that may ``continue``; other compound statements are passed over."""
        from lint_sockets.analysis.walk import exit_flag, sets_flag

        flag = exit_flag(loop.node.test) if loop.kind == "while" else None
        if flag is None:
            return False
        key, wanted = flag
        head, _, attr = key.partition(".")
        cls_qname = self._class_qname(scope.cls) \
            if attr and "." not in attr and head == scope.self_name else None
        pending = _statements(handler.node.body)[::-1]
        while pending:
            stmt = pending.pop()
            if isinstance(stmt, cst.With):
                pending.extend(_statements(stmt.body)[::-1])
                continue
            if isinstance(stmt, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
                for small in stmt.body:
                    if isinstance(small, cst.Continue):
                        return False
                    if sets_flag(small, flag):
                        return True
                    call = small.value if isinstance(small, cst.Expr) else None
                    if cls_qname is not None and isinstance(call, cst.Call) and \
                            isinstance(call.func, cst.Attribute) and \
                            key_of(call.func.value) == head and self.project.method_clears(
                                cls_qname, call.func.attr.value).get(attr) is wanted:
                        return True
                continue
            if _may_continue(stmt):
                return False
        return False

    def raised_on(self, handler, exc):
        """What a handler that raises hands on to the ``try`` around it: ``exc`` itself when
        every ``raise`` in it re-raises what it caught (bare ``raise``, ``raise e`` with
        ``e`` its ``as`` name), ``"Exception"`` when every ``raise`` raises some other
        exception and none of them may be a ``BaseException`` that is no ``Exception``
        (``SystemExit``, ``KeyboardInterrupt``, ``GeneratorExit``, ``BaseException``), and
        None when it cannot tell: a ``raise`` of those, or an exit call (``sys.exit()``,
        ``os._exit()``, ``exit()``, ``quit()``). Functions and classes defined inside the
        handler are not its code."""
        same = True
        stack = list(iter_children(handler.node.body))
        while stack:
            node = stack.pop()
            if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
                continue
            if isinstance(node, cst.Call) and (
                    self.imports.qualify(node.func) in _EXITS or key_of(node.func) in _EXITS):
                return None
            if isinstance(node, cst.Raise):
                raised = node.exc
                if raised is None or (isinstance(raised, cst.Name) and handler.name is not None
                                      and raised.value == handler.name):
                    continue
                if isinstance(raised, cst.Call):
                    raised = raised.func
                name = (key_of(raised) or "").rpartition(".")[2]
                if not name or name in _NOT_EXCEPTIONS:
                    return None
                same = False
            stack.extend(iter_children(node))
        return exc if same else "Exception"

    def handler_aliases(self, handler):
        """Local names an except handler binds to its exception's errno."""
        cached = self._aliases.get(id(handler))
        if cached is None:
            evaluation = HandlerEval(self, handler, "OSError", None)
            evaluation.outcome()
            cached = frozenset(evaluation.aliases)
            self._aliases[id(handler)] = cached
        return cached


# BaseException classes that are no Exception: an ``except Exception`` lets them through.
_NOT_EXCEPTIONS = frozenset({"SystemExit", "KeyboardInterrupt", "GeneratorExit",
                             "BaseException"})
_EXITS = frozenset({"sys.exit", "os._exit", "exit", "quit"})

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

    def __init__(self, paths: set[frozenset[str]], tests_errno: bool,
                 errnos_tested: set[str]) -> None:
        self.paths = paths  # set of frozensets of flags; each path has one terminal flag
        self.tests_errno = tests_errno  # any errno / isinstance test at all
        self.errnos_tested = errnos_tested  # canonical errno names the tests mention

    def all_paths(self, predicate):
        return bool(self.paths) and all(predicate(p) for p in self.paths)

    def any_path(self, predicate):
        return any(predicate(p) for p in self.paths)


class HandlerEval:
    def __init__(self, facts, handler, exc, errno, holds=None):
        self.facts = facts
        self.holds = _code(holds) if holds is not None else None
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
        if isinstance(node, cst.IfExp):
            # ``e.args[0] if e.args else None``: the errno, or a constant when it has none
            branches = (node.body, node.orelse)
            return (any(self.is_errno_expr(b) for b in branches)
                    and all(self.is_errno_expr(b) or _is_constant(b) for b in branches))
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
        if self.holds is not None and _code(node) == self.holds:
            return True
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
            for element in flat_elements(node.args[1].value):
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
            operator = target.operator
            if not isinstance(operator, EQUALITY_OPERATORS):
                return None  # ``e.errno < 4`` names no errno
            values = self.facts.errno_set(right)
            if values is None:
                return None
            self.errnos_tested |= values
            if self.errno is None:
                return None
            hit = self.errno in values
            if isinstance(operator, (cst.Equal, cst.Is, cst.In)):
                return hit
            if isinstance(operator, (cst.NotEqual, cst.IsNot, cst.NotIn)):
                return not hit
            return None
        return None


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


def _is_constant(node):
    """``None``, a number or a string: the value a conditional errno read falls back to."""
    if isinstance(node, cst.Name):
        return node.value == "None"
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        node = node.expression
    return isinstance(node, (cst.Integer, cst.SimpleString))


def _may_continue(stmt):
    """A ``continue`` of the loop around ``stmt`` inside it (loops, functions and classes
    nested in it have their own)."""
    stack = list(iter_children(stmt))
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Continue):
            return True
        if isinstance(node, (cst.For, cst.While)):
            stack.extend(iter_children(node.orelse) if node.orelse is not None else ())
            continue
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        stack.extend(iter_children(node))
    return False


def _asserted(site) -> bool:
    """The call is part of an assertion: the test of an ``assert`` statement, or an
    argument of a statement that calls an assertion method (``self.assertEqual(...)``,
    ``mock.assert_called_with(...)``, ``assert_equal(...)``)."""
    stmt = site.stmt
    if isinstance(stmt, cst.Assert):
        return True
    if not isinstance(stmt, cst.Expr) or not isinstance(stmt.value, cst.Call):
        return False
    call = stmt.value
    if call is site.node:
        return False
    func = call.func
    name = func.attr.value if isinstance(func, cst.Attribute) else \
        func.value if isinstance(func, cst.Name) else ""
    return name.startswith("assert") and any(contains(arg.value, site.node)
                                             for arg in call.args)


def _tries_around(function, target):
    """The ``try`` statements of ``function`` (or of a module's top level) whose body holds
    the node ``target``, outermost first ([] when none, or when ``target`` is in a function,
    class or lambda defined inside, or in a handler, ``else`` or ``finally`` block)."""
    body = function.body  # a module's is a sequence of statements
    stack = [(node, ()) for node in body] if isinstance(body, (list, tuple)) else [(body, ())]
    while stack:
        node, tries = stack.pop()
        if node is target:
            return list(tries)
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, (cst.Try, cst.TryStar)):
            stack.append((node.body, tries + (node,)))
            for child in iter_children(node):
                if child is not node.body:
                    stack.append((child, tries))
            continue
        for child in iter_children(node):
            stack.append((child, tries))
    return []


def _code(node):
    """A condition's source text with its outer parentheses and spacing dropped, to tell
    one condition written twice (``while self.running:`` and ``if self.running:``)."""
    try:
        text = cst.Module(body=[]).code_for_node(node.with_changes(lpar=(), rpar=()))
    except (AttributeError, TypeError, ValueError):
        return None
    return "".join(text.split())

"""SCK202 eintr-retry-redundant."""

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.facts import CONTINUE, FALL, KNOWN, LIKELY
from lint_sockets.rules.fixutil import SAFE, FixNotPossible, FixSpec, find_statement, statement

_SOCKET_IO = tables.PEER_WAIT_METHODS
_RETRIED_FUNCTIONS = {
    "select.select", "os.read", "os.write", "os.readv", "os.writev", "os.pread", "os.pwrite",
    "os.waitpid", "os.wait", "os.wait3", "os.wait4", "os.waitid", "os.sendfile",
    "time.sleep", "signal.sigtimedwait", "signal.sigwaitinfo",
    # a blocking or timeout connect: CPython waits for it and reads SO_ERROR itself
    "socket.create_connection",
}
_RETRIED_METHODS = {"select", "poll", "control"}


def _retried_calls(facts, frame):
    """Calls in the try body that PEP 475 retries; None if the body holds a connect whose
    EINTR is meaningful (a non-blocking connect)."""
    found = False
    for site in facts.calls:
        if frame not in site.guards:
            continue
        method = site.method
        if method in ("connect", "connect_ex"):
            if facts.is_nonblocking(site) or any(
                h.names("BlockingIOError") for h in frame.handlers
            ):
                return None
        if site.qname in _RETRIED_FUNCTIONS:
            found = True
        elif method in _SOCKET_IO and site.receiver_key is not None:
            if facts.socket_confidence(site).confidence in (KNOWN, LIKELY):
                found = True
        elif method in _RETRIED_METHODS and site.receiver_key is not None:
            found = True
    return found


def _goes_round(outcome):
    return outcome.all_paths(lambda path: CONTINUE in path or FALL in path)


def check(facts, report):
    if facts.settings.target_version < (3, 5):
        return
    for handler in facts.handlers:
        frame = handler.try_frame
        if frame.loop_depth == 0:
            continue
        names_eintr = handler.names("InterruptedError")
        if not names_eintr and not handler.catches("InterruptedError"):
            continue
        retried = _retried_calls(facts, frame)
        wraps = ""
        if retried is False:
            # a retry helper (``until_concludes(f, *args)``) or decorator: what the project
            # hands it decides
            wraps = _helper_wraps(facts, frame)
            if not wraps:
                continue
        elif not retried:
            continue
        outcome = facts.handler_outcome(handler, "InterruptedError", "EINTR")
        if names_eintr:
            if _goes_round(outcome):
                what = ("`InterruptedError` in this except tuple" if len(handler.types) > 1
                        else "this `except InterruptedError` branch")
                report(handler.node, "SCK202", what=what, wraps=wraps,
                       fix=None if wraps else _handler_fix(facts, handler))
            continue
        if "EINTR" not in outcome.errnos_tested or not _goes_round(outcome):
            continue
        comparisons = facts.errno_comparisons(handler.node.body, "EINTR")
        if comparisons:
            report(comparisons[0], "SCK202", what="this EINTR test", wraps=wraps,
                   fix=None if wraps else _test_fix(facts, handler, comparisons[0]))


# Socket calls PEP 475 retries whatever the socket's mode (a non-blocking connect's EINTR
# means "in progress": a helper wrapping connect is left alone).
_HELPER_RETRIED = (tables.READ_METHODS | tables.SEND_METHODS | {"accept"})


def _helper_wraps(facts, frame):
    """`` (retries socket.send on EINTR for its callers)`` when the ``try`` is the retry
    loop of a project retry helper or decorator whose uses across the project hand it
    socket calls only PEP 475 retries; "" otherwise (no project, callers unknown, or
    one of them hands it something else worth retrying, such as connect)."""
    project = facts.project
    if project is None or facts.module_name is None:
        return ""
    scope = _function_of_try(facts).get(id(frame.node))
    if scope is None:
        return ""
    qname = _qualified(facts, scope)
    if qname is None or scope.parent is not None and scope.parent.kind == "function":
        # the wrapper inside a decorator: the decorator is what the project uses
        outer = scope.parent if scope.parent is not None else None
        qname = _qualified(facts, outer) if outer is not None else None
    if qname is None:
        return ""
    retry = project.retry_helper(qname)
    if retry is None or "EINTR" not in retry[0]:
        return ""
    calls = project.retried_socket_calls(qname)
    if not calls:
        return ""
    names = []
    for method, receiver in calls:
        last = receiver.rpartition(".")[2]
        if method not in _HELPER_RETRIED or not facts.name_pattern.search(last):
            return ""  # something else, or not visibly a socket: the retry may be live
        name = f"socket.{method}"
        if name not in names:
            names.append(name)
    helper = qname.rpartition(".")[2]
    return f" in `{helper}` (it retries {', '.join(names)} on EINTR for its callers)"


def _qualified(facts, scope):
    """``module.function`` / ``module.Class.method`` for a top-level function or a method
    of a top-level class, else None."""
    if scope is None or scope.kind != "function":
        return None
    name = scope.node.name.value
    parent = scope.parent
    if parent is not None and parent.kind == "module":
        return f"{facts.module_name}.{name}"
    if parent is not None and parent.kind == "class" and scope.cls is not None and \
            parent.parent is not None and parent.parent.kind == "module":
        return f"{facts.module_name}.{scope.cls.name}.{name}"
    return None


def _function_of_try(facts):
    """id(try node) -> the function scope whose body holds it (nested functions apart)."""

    def compute():
        found = {}
        for scope in facts.scopes:
            if scope.kind != "function":
                continue
            stack = list(scope.node.body.body) if isinstance(
                scope.node.body, cst.IndentedBlock) else []
            while stack:
                node = stack.pop()
                if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
                    continue
                if isinstance(node, (cst.Try, cst.TryStar)):
                    found[id(node)] = scope
                if isinstance(node, cst.BaseCompoundStatement):
                    stack.extend(_blocks(node))
        return found

    return facts.memo("eintr:function_of_try", compute)


def _blocks(node):
    """The statements directly in a compound statement's blocks."""
    found = []
    for field in ("body", "orelse", "finalbody", "handlers", "cases"):
        value = getattr(node, field, None)
        if value is None:
            continue
        items = value if isinstance(value, (list, tuple)) else [value]
        for item in items:
            if isinstance(item, (cst.IndentedBlock,)):
                found.extend(item.body)
            elif isinstance(item, (cst.Else, cst.Finally, cst.ExceptHandler,
                                   cst.ExceptStarHandler, cst.MatchCase)):
                body = item.body
                if isinstance(body, cst.IndentedBlock):
                    found.extend(body.body)
            elif isinstance(item, cst.If):  # elif
                found.append(item)
    return found


def _is_interrupted(facts, node):
    qname = facts.imports.qualify(node)
    return qname is not None and tables.canonical_exception(qname) == "InterruptedError"


def _handler_fix(facts, handler):
    node = handler.node
    try_node = handler.try_frame.node
    if isinstance(try_node, cst.TryStar):
        return None
    if len(handler.types) > 1:
        type_expr = node.type
        if not isinstance(type_expr, cst.Tuple):
            return None
        keep = [e for e in type_expr.elements if not _is_interrupted(facts, e.value)]
        if not keep or len(keep) == len(type_expr.elements):
            return None

        def build_tuple():
            if len(keep) == 1:
                new_type = keep[0].value
            else:
                elements = list(keep)
                elements[-1] = elements[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
                new_type = type_expr.with_changes(elements=elements)
            changes = {"type": new_type}
            if not node.whitespace_after_except.value and not new_type.lpar:
                changes["whitespace_after_except"] = cst.SimpleWhitespace(" ")
            return [(node, lambda updated: updated.with_changes(**changes))]

        return FixSpec(SAFE, "Remove `InterruptedError` from the except tuple", build_tuple)
    others = [h for h in try_node.handlers if h is not node]
    if others or try_node.finalbody is not None:
        return FixSpec(SAFE, "Remove the dead `except InterruptedError` clause",
                       lambda: [(node, cst.RemoveFromParent())])
    if (not isinstance(try_node.body, cst.IndentedBlock)
            or try_node.body.header.comment is not None):
        return None

    def build_unwrap():
        statements = list(try_node.body.body)
        if try_node.orelse is not None:
            if not isinstance(try_node.orelse.body, cst.IndentedBlock):
                raise FixNotPossible()
            statements += list(try_node.orelse.body.body)
        first = statements[0].with_changes(
            leading_lines=tuple(try_node.leading_lines) + tuple(statements[0].leading_lines))
        return [(try_node, cst.FlattenSentinel([first, *statements[1:]]))]

    return FixSpec(SAFE, "Remove the `try` whose only clause is the dead "
                         "`except InterruptedError`", build_unwrap)


def _test_fix(facts, handler, comparison):
    """``if e.errno == errno.EINTR: continue`` is never true: drop the branch;
    ``if e.errno != errno.EINTR: raise`` is always true: keep only its body."""
    if len(comparison.comparisons) != 1:
        return None
    target = comparison.comparisons[0]
    operator = target.operator
    values_right = facts.errno_set(target.comparator)
    values_left = facts.errno_set(comparison.left)
    values_node = target.comparator if values_right else comparison.left
    values = values_right or values_left
    if not values or "EINTR" not in values:
        return None
    stmt, block = find_statement(handler.node.body,
                                 lambda s: isinstance(s, cst.If) and s.test is comparison)
    if stmt is None or not isinstance(stmt.body, cst.IndentedBlock):
        return None
    if values != {"EINTR"}:
        if not isinstance(operator, (cst.In, cst.NotIn)) or not isinstance(
            values_node, (cst.Tuple, cst.List, cst.Set)
        ):
            return None
        keep = [e for e in values_node.elements if facts.errno_set(e.value) != {"EINTR"}]
        if not keep or len(keep) == len(values_node.elements):
            return None

        def build_set():
            elements = list(keep)
            if len(elements) > 1 or not isinstance(values_node, cst.Tuple):
                elements[-1] = elements[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            else:
                elements[-1] = elements[-1].with_changes(comma=cst.Comma())
            return [(values_node, values_node.with_changes(elements=elements))]

        return FixSpec(SAFE, "Remove EINTR from the tested errnos", build_set)
    always = isinstance(operator, (cst.NotEqual, cst.IsNot, cst.NotIn))
    never = isinstance(operator, (cst.Equal, cst.Is, cst.In))
    if not (always or never):
        return None

    def build_branch():
        if always:
            kept = list(stmt.body.body)
        elif isinstance(stmt.orelse, cst.Else):
            if not isinstance(stmt.orelse.body, cst.IndentedBlock):
                raise FixNotPossible()
            kept = list(stmt.orelse.body.body)
        elif isinstance(stmt.orelse, cst.If):
            return [(stmt, stmt.orelse.with_changes(leading_lines=stmt.leading_lines))]
        else:
            kept = []
        if not kept:
            if len(block) == 1:
                return [(stmt, statement(facts, "pass\n").with_changes(
                    leading_lines=stmt.leading_lines))]
            return [(stmt, cst.RemoveFromParent())]
        first = kept[0].with_changes(
            leading_lines=tuple(stmt.leading_lines) + tuple(kept[0].leading_lines))
        return [(stmt, cst.FlattenSentinel([first, *kept[1:]]))]

    return FixSpec(SAFE, "Remove the dead EINTR branch", build_branch)


def gate(evidence):
    """A handler that names InterruptedError or tests EINTR: by name, or by number against
    an errno expression of a handler's exception (``except OSError as e``: ``e.errno``,
    ``e.args[0]``, ...), never a 4 alone, which is any count or index: a 4 an errno set can be
    read from (compared for equality, in a tuple, list or set, a name's value), or a name
    compared with one that may hold another module's errnos (``imported_errno_refs``). The
    call it guards may be a parameter (a retry helper's ``f(*args)``), whose socket calls
    only the project shows, so any module that tests EINTR is kept."""
    usage = evidence.usage
    return evidence.mentions("InterruptedError") or any(
        "EINTR" in name for name in usage.names | usage.attributes) or (
        bool(usage.handler_names) and evidence.errno_expressions() and (any(
            tables.errno_for_number(number) == "EINTR" for number in usage.errno_ints)
            or evidence.imported_errno_refs()))


CHECKS = {  # code -> (check, gate): see Rule in rules/__init__.py
    "SCK202": (check, gate),
}

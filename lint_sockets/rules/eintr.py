"""SCK202 eintr-retry-redundant."""

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.facts import CONTINUE, FALL, KNOWN, LIKELY
from lint_sockets.rules import Rule
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
        if not _retried_calls(facts, frame):
            continue
        outcome = facts.handler_outcome(handler, "InterruptedError", "EINTR")
        if names_eintr:
            if _goes_round(outcome):
                what = ("`InterruptedError` in this except tuple" if len(handler.types) > 1
                        else "this `except InterruptedError` branch")
                report(handler.node, "SCK202", fix=_handler_fix(facts, handler), what=what)
            continue
        if "EINTR" not in outcome.errnos_tested or not _goes_round(outcome):
            continue
        comparisons = facts.errno_comparisons(handler.node.body, "EINTR")
        if comparisons:
            report(comparisons[0], "SCK202", fix=_test_fix(facts, handler, comparisons[0]),
                   what="this EINTR test")


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
    """A handler that names InterruptedError or tests EINTR (by name or number), around a
    call that PEP 475 retries."""
    usage = evidence.usage
    eintr = evidence.mentions("InterruptedError") or any(
        "EINTR" in name for name in usage.names | usage.attributes) or any(
        tables.errno_for_number(number) == "EINTR" for number in usage.ints)
    return eintr and (evidence.calls(*_RETRIED_METHODS)
                      or evidence.qualified_call(_RETRIED_FUNCTIONS)
                      or evidence.socket_call(_SOCKET_IO))


RULES = [
    Rule(
        "SCK202", "eintr-retry-redundant",
        "EINTR retry code that Python already does (PEP 475)",
        "dead EINTR retry: Python retries interrupted calls itself (PEP 475)",
        check=check, fix="safe", gate=gate,
    ),
]

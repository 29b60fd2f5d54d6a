"""SCK301 connect-in-progress-unchecked and SCK302 connect-retried."""

import libcst as cst

from lint_sockets.analysis.facts import KNOWN, LIKELY, RAISE
from lint_sockets.analysis.nodes import iter_children, key_of, socket_never_used

_IN_PROGRESS = {"EINPROGRESS", "EAGAIN", "EALREADY"}


def _nonblocking_connect(facts, site):
    """True if this connect()/connect_ex() is visibly a non-blocking one."""
    if facts.is_blocking_or_timeout(site):
        return False
    handler = None
    if site.method == "connect":
        _, handler = facts.catching_frame(site, "BlockingIOError")
        if handler is not None and _reports_not_connected(handler.node.body):
            return False  # reported to the caller as no connection, to be asked again later
    if facts.is_nonblocking(site):
        return True
    if site.method == "connect":
        if handler is not None and facts.handler_outcome(
                handler, "BlockingIOError", "EINPROGRESS").all_paths(lambda p: RAISE in p):
            return False  # an attempt still under way ends it: the socket is not used
        for exc in ("BlockingIOError", "InterruptedError"):
            _, handler = facts.catching_frame(site, exc)
            if handler is not None and handler.names(exc):
                if facts.handler_outcome(handler, exc, "EINTR").all_paths(
                        lambda p: RAISE in p):
                    continue  # the attempt ends there: no connect in progress is used
                return True
            if handler is not None:
                outcome = facts.handler_outcome(handler, exc, None)
                if outcome.errnos_tested & _IN_PROGRESS:
                    return True
        return False
    # connect_ex: its result compared with EINPROGRESS / EWOULDBLOCK.
    return bool(_result_errnos(facts, site) & _IN_PROGRESS)


def _result_errnos(facts, site):
    """The errno names the result of ``connect_ex()`` is compared with, in its function."""
    keys = set(site.targets)
    found = set()
    for comparison, scope, _ in facts.comparisons:
        if scope is not site.scope:
            continue
        sides = [comparison.left] + [t.comparator for t in comparison.comparisons]
        if not any(side is site.node or key_of(side) in keys for side in sides):
            continue
        for side in sides:
            found |= facts.errno_set(side) or set()
    return found


def _asks_again(facts, site):
    """The code tells EISCONN apart: it calls the connect again to learn how the attempt
    ended (EISCONN or 0: connected; EINPROGRESS/EALREADY: still under way; anything
    else: failed) and takes the socket for connected only on success, so a failed
    attempt is never used as open. For ``connect_ex()``, the branch its function takes
    when the result says "in progress" must leave the socket alone (it waits to be asked
    again); one that goes on to use it (waits for writability, then sends) is the
    unchecked connect this rule is about."""
    if site.method == "connect_ex":
        return "EISCONN" in _result_errnos(facts, site) and \
            _in_progress_branches_leave_it(facts, site)
    _, handler = facts.catching_frame(site, "OSError")
    return handler is not None and \
        "EISCONN" in facts.handler_outcome(handler, "OSError", None).errnos_tested


def _in_progress_branches_leave_it(facts, site):
    """Every ``if``/``elif`` of the function that tests the ``connect_ex()`` result for an
    in-progress errno takes a branch on "in progress" that makes no use of the socket
    (calls no method of it but ``close``/``connect``/``connect_ex`` and hands it to no
    call), and there is at least one."""
    keys = set(site.targets)
    key = site.receiver_key
    found = False
    stack = [site.scope.node.body]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, cst.If) and isinstance(node.test, cst.Comparison) and \
                len(node.test.comparisons) == 1 and key_of(node.test.left) in keys:
            target = node.test.comparisons[0]
            values = facts.errno_set(target.comparator) or set()
            if values & _IN_PROGRESS:
                found = True
                negated = isinstance(target.operator, (cst.NotEqual, cst.NotIn))
                branch = node.orelse if negated else node.body
                if branch is not None and _uses(branch, key):
                    return False
        stack.extend(iter_children(node))
    return found


def _uses(node, key):
    """Code under ``node`` calls a method of ``key`` other than closing or connecting it
    again, or hands it to a call."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, cst.Call) and isinstance(current.func, cst.Attribute) and \
                key_of(current.func.value) == key and \
                current.func.attr.value not in ("close", "connect", "connect_ex"):
            return True
        if isinstance(current, cst.Arg) and key_of(current.value) == key:
            return True
        stack.extend(iter_children(current))
    return False


def _reports_not_connected(block):
    """The handler's block ends with ``return False`` and returns nothing else."""
    body = getattr(block, "body", ())
    if not body:
        return False
    last = body[-1]
    if not (isinstance(last, cst.SimpleStatementLine) and last.body
            and _returns_false(last.body[-1])):
        return False
    stack = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, cst.Return) and not _returns_false(node):
            return False
        stack.extend(iter_children(node))
    return True


def _returns_false(small):
    return isinstance(small, cst.Return) and isinstance(small.value, cst.Name) and \
        small.value.value == "False"


def _connect_sites(facts):
    for site in facts.calls:
        if site.method not in ("connect", "connect_ex") or site.receiver_key is None:
            continue
        info = facts.socket_confidence(site)
        if info.confidence not in (KNOWN, LIKELY) or info.datagram:
            continue
        if facts.constructed_kind(site)[0] == "unix":
            continue  # an AF_UNIX connect ends in the call: never in progress
        if _nonblocking_connect(facts, site):
            yield site


def _retried(site):
    loop = site.innermost_loop
    # The same socket again: one created afresh in the loop is a new attempt, not a poll.
    return loop is not None and site.receiver_key not in loop.bound


def _accepted_here(facts, site, accepts):
    """A connect to our own listener, then accept() on it in the same function (a
    socketpair made by hand): the accepted end proves the connection. ``accepts`` caches
    each scope's accept() calls."""
    scope_accepts = accepts.get(id(site.scope))
    if scope_accepts is None:
        scope_accepts = accepts[id(site.scope)] = [
            other for other in facts.calls_in(site.scope) if other.method == "accept"]
    return any(other.order > site.order and other.receiver_key != site.receiver_key
               for other in scope_accepts)


def check(facts, report):
    checks_so_error = None
    accepts = {}
    for site in _connect_sites(facts):
        if _retried(site):
            report(site.node, "SCK302", call=f".{site.method}()")
            continue
        if _accepted_here(facts, site, accepts) or _asks_again(facts, site) or \
                socket_never_used(site):
            continue
        if checks_so_error is None:
            checks_so_error = facts.module_checks_so_error()
        if not checks_so_error:
            report(site.node, "SCK301", call=f".{site.method}()")


CHECKS = {  # code -> (check, gate): see Rule in rules/__init__.py
    "SCK301": (check, lambda evidence: evidence.socket_call(("connect", "connect_ex"))),
    "SCK302": (check, lambda evidence: evidence.socket_call(("connect", "connect_ex"))),
}

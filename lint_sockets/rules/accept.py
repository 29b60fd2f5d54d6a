"""SCK501 accept-abort-fatal and SCK502 accept-retry-fatal."""

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.facts import (
    BREAK, CONTINUE, FALL, KNOWN, LIKELY, NOT_SOCKET, RAISE, RETURN, SLEEP, UNKNOWN,
)
from lint_sockets.analysis.nodes import (
    iter_children, key_of, method_calls, name_stays_local, thread_call, tls_handovers, walk,
)
from lint_sockets.analysis.listeners import loopback_listener, self_connected_listener
from lint_sockets.analysis.platforms import LINUX
from lint_sockets.analysis.walk import exit_flags, sets_flag
from lint_sockets.rules.fixutil import SAFE, FixSpec

_FATAL = (RAISE, RETURN, BREAK)
_ACCEPTS = tables.ACCEPT_METHODS
_BROAD = {"OSError", "Exception", "BaseException"}


def server_loop_depth(site):
    """1-based depth of the innermost ``while`` loop around the call, 0 if none.

    Server loops are ``while`` loops; a ``for`` loop accepts a known number of clients or
    drains a backlog inside an event-loop callback, which an escaping error does not stop.
    """
    for depth in range(len(site.loops), 0, -1):
        loop = site.loops[depth - 1]
        if loop.kind == "while":
            return 0 if loop.bounded else depth
    return 0


def _accept_sites(facts, drain_loops=False):
    """(site, depth) for accept calls in a server loop: the innermost ``while`` loop, or
    with ``drain_loops`` the innermost ``for`` loop that stops on BlockingIOError."""
    for site in facts.calls:
        if not site.loops:
            continue
        if site.method == "accept" and site.receiver_key is not None and \
                _accepts_directly(facts, site):
            pass
        elif site.method == "sock_accept" and site.node.args:
            pass
        elif not _accepts_through_helper(facts, site):
            continue
        depth = server_loop_depth(site)
        if not depth and drain_loops:
            frame, handler = facts.catching_frame(site, "BlockingIOError")
            if (handler is not None and handler.names("BlockingIOError")
                    and frame.loop_depth >= len(site.loops)):
                depth = len(site.loops)
        if depth:
            yield site, depth


def _accepts_directly(facts, site):
    if len(site.node.args) != 0:
        return False
    confidence = facts.socket_confidence(site).confidence
    if confidence == UNKNOWN and not _accept_unpacked(site):
        return False
    return confidence in (KNOWN, LIKELY, UNKNOWN)


def _accepts_through_helper(facts, site):
    """A call of a project helper that returns an accept() of its socket unhandled
    (``def accept(self): return self.handle.accept()`` on a transport class)."""
    helper = facts.through_helper(site)
    return helper is not None and helper.method in _ACCEPTS and \
        helper.info.confidence != NOT_SOCKET


def _call_text(facts, site):
    """How a message names the call: ``.accept()``, or the helper as written."""
    if site.method in _ACCEPTS and site.receiver_key is not None and \
            facts.through_helper(site) is None:
        return f".{site.method}()"
    return f"{facts.code_for(site.node.func)}()"


def _accept_unpacked(site):
    """``conn, addr = x.accept()``: the shape of a socket accept even if x is not known."""
    return len(site.targets) == 2 and site.role == "assign" and site.direct


def _drain_loop(facts, site, handler, outcome):
    """A loop that drains a non-blocking listener and stops when it would block."""
    if site.method == "accept" and facts.is_nonblocking(site):
        return True
    return handler.names("BlockingIOError") or "EAGAIN" in outcome.errnos_tested


def _unix_listener(facts, site):
    """The listener is an AF_UNIX socket (its constructor is in sight, see
    ``Facts.constructed_kind``): accept() on a local-domain socket never fails with
    ECONNABORTED (Linux unix_accept; OpenBSD/NetBSD abort only PR_ABRTACPTDIS (TCP)
    connections; FreeBSD and macOS check in TCP's accept hook, and their local-domain
    accept hook always succeeds). A listener that is a parameter is AF_UNIX when every call
    of the function in the module passes such a socket (``family_from_callers``)."""
    if site.method == "accept" and site.receiver_key is not None and \
            facts.through_helper(site) is None:
        return facts.listener_family(site) == "unix"
    if site.method != "sock_accept" or site.arg_key is None:
        return False
    key = site.arg_key
    # or a listener handed in: every call of the function passes an AF_UNIX socket
    return facts.constructed_kind(site, key)[0] == "unix" or (
        "." not in key and facts.family_from_callers(site.scope, key) == "unix")


def _serves_with_linux_code(facts, site):
    """Every connection the accept loop takes is handed, by a statement of the loop's own
    body after the accept (not in a branch), to a function of the module written for Linux
    alone (``Facts.platforms`` of its first statement: it sets ``TCP_CORK`` with no test
    or fallback, say): called with it, or run on a thread started on it
    (``threading.Thread(target=handle, args=(conn,))``). Anywhere else the server fails
    on its first connection, so it runs on Linux alone too."""
    loop = site.loops[-1].node if site.loops else None
    if loop is None or len(site.targets) == 0 or not isinstance(loop.body, cst.IndentedBlock):
        return False
    conn = site.targets[0]
    statements = loop.body.body
    after = False
    for stmt in statements:
        if not after:
            after = any(node is site.node for node in _walk_calls(stmt))
            continue
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for call in _walk_calls(stmt):
            thread = thread_call(facts.imports, call)
            target, passed = thread if thread is not None else (call.func, call)
            if not any(key_of(arg.value) == conn for arg in passed.args):
                continue
            function = _module_function(facts, target)
            if function is not None and function.body.body and \
                    facts.platforms(function.body.body[0]) <= {LINUX}:
                return True
    return False


def _walk_calls(root):
    """The calls under ``root``, not in a function, class or lambda defined there."""
    return (node for node in walk(root) if isinstance(node, cst.Call))


def _module_function(facts, target):
    """The ``def`` of the module's top level that ``target`` (a plain name) names, when the
    module binds that name once, to it."""
    if not isinstance(target, cst.Name):
        return None
    bindings = facts.model.module_scope.bindings.get(target.value, ())
    if len(bindings) != 1 or not isinstance(bindings[0].node, cst.FunctionDef):
        return None
    return bindings[0].node


def check_abort(facts, report):
    if facts.test_code:
        return  # a test's server serves the test's own clients (the page: "What a finding is worth")
    for site, depth in _accept_sites(facts, drain_loops=True):
        if self_connected_listener(facts, site):
            continue
        if site.leaves_loop and len(site.loops) == 1:
            # ``while True: try: conn, addr = s.accept(); return conn ... except
            # BlockingIOError: wait()``: the loop accepts one connection; an abort is the
            # caller's concern, as in a ``for`` loop over a known number of clients
            continue
        if _unix_listener(facts, site) or loopback_listener(facts, site):
            continue
        if facts.platforms(site.node) <= {LINUX} or _serves_with_linux_code(facts, site):
            continue  # Linux accepts a connection reset while queued: no ECONNABORTED
        frame, handler = facts.catching_frame(site, "ConnectionAbortedError")
        if frame is not None and frame.loop_depth < depth and (
                _callback_drain(facts, site, frame, handler)
                or facts.outer_loop_goes_round(site, frame, handler, "ConnectionAbortedError",
                                               "ECONNABORTED")):
            continue
        if frame is None or frame.loop_depth < depth:
            report(site.node, "SCK501", fix=_fix(site, depth), call=_call_text(facts, site),
                   what="ConnectionAbortedError escapes the loop")
            continue
        if handler is None:  # suppress()
            continue
        outcome = facts.handler_outcome(handler, "ConnectionAbortedError", "ECONNABORTED")
        if _drain_loop(facts, site, handler, outcome):
            fatal = outcome.all_paths(lambda path: RAISE in path)
        else:
            fatal = outcome.all_paths(lambda path: any(flag in path for flag in _FATAL))
        if fatal:
            what = "a ConnectionAbortedError handler leaves the loop"
            if outcome.all_paths(lambda path: RAISE in path) and outcome.tests_errno:
                what = "the handler turns ECONNABORTED into a loop-ending raise"
            report(site.node, "SCK501", fix=_fix(site, depth), call=_call_text(facts, site),
                   what=what)


def _callback_drain(facts, site, frame, handler):
    """An accept drain loop inside a ``try`` whose handler returns to the event loop.

    ``try: while True: conn, _ = listener.accept() ... except BlockingIOError: return`` runs
    as a readiness callback: it accepts until the listener would block, and the event loop
    calls it again on the next readiness event (select/poll/epoll are level-triggered by
    default, so a backlog that still holds connections is reported again at once). When the
    handler that catches ECONNABORTED there also returns (or falls through) rather than
    raising, the aborted connection costs nothing: the rest of the backlog is accepted on
    the next call. The loop is a drain loop when the listener is non-blocking or the same
    ``try`` treats EAGAIN as "done" (names BlockingIOError or tests EAGAIN/EWOULDBLOCK)."""
    if handler is None:
        # suppress(ConnectionAbortedError) around the loop: a drain loop if the listener is
        return facts.is_nonblocking(site)
    drain = facts.is_nonblocking(site) or any(
        h.names("BlockingIOError") for h in frame.handlers)
    if not drain:
        for other in frame.handlers:
            if other.catches("BlockingIOError"):
                tested = facts.handler_outcome(other, "BlockingIOError", "EAGAIN").errnos_tested
                drain = bool(tested & {"EAGAIN", "EWOULDBLOCK"})
                break
    if not drain:
        return False
    outcome = facts.handler_outcome(handler, "ConnectionAbortedError", "ECONNABORTED")
    return not outcome.all_paths(lambda path: RAISE in path)


def _fix(site, depth):
    """Wrap the accept statement in try/except ConnectionAbortedError: continue, when the
    statement sits directly in the server loop (continue goes round that loop)."""
    if site.line is None or depth != len(site.loops):
        return None
    line = site.line

    def build():
        def wrap(updated):
            handler = cst.ExceptHandler(
                type=cst.Name("ConnectionAbortedError"),
                body=cst.IndentedBlock(body=[cst.SimpleStatementLine(body=[cst.Continue()])]),
            )
            return cst.Try(
                body=cst.IndentedBlock(body=[updated.with_changes(leading_lines=())]),
                handlers=[handler],
                leading_lines=updated.leading_lines,
            )
        return [(line, wrap)]

    return FixSpec(SAFE, "Wrap the accept in `try`/`except ConnectionAbortedError: continue`",
                   build)


_WAITS = frozenset({"select", "poll", "epoll", "kqueue", "control", "wait"})


def _polled_without_wait(facts, site, loop):
    """A non-blocking listener accepted in a loop that waits for nothing (no readiness
    wait, no sleep): every idle pass already fails with EAGAIN and goes round at full
    speed, and EMFILE takes the same path at the same rate, so an errno test would change
    nothing. (The busy poll itself is the defect there, not the retry.)"""
    if not facts.is_nonblocking(site):
        return False
    for call in loop.calls:
        last = call.method or (call.qname or "").rpartition(".")[2]
        if last in _WAITS:
            return False
    return True


def _served_one_at_a_time(facts, site, loop):
    """A listener the function makes itself (a local name bound in it, not a parameter, so
    no other method or thread can close it under the loop; module code's listener when no
    function, class or lambda of the module mentions its name; or, for a nested function such
    as a thread's target, made by the function around it, which closes it only after
    making the loop end: ``_stopped_before_closed``; or ``self.x`` that no code of the
    module closes, ``_attribute_never_closed``), whose accepted connection the
    loop closes before it accepts again (``Facts.closed_in_same_pass``) or only its local
    name holds (also through a TLS wrapper held so, ``tls_handovers``): the loop holds one
    connection at a time, so its own accepts cannot use up the descriptors (EMFILE), and
    nothing else closes the listener (EBADF)."""
    if site.method != "accept" or not _accept_unpacked(site) or facts.through_helper(site):
        return False
    listener = site.receiver_key
    if not listener or site.scope.kind not in ("function", "module"):
        return False
    if site.scope.kind == "module" and ("." in listener or _mentioned_in_definitions(
            facts, listener)):
        return False  # module code: a function or thread of the module may close it
    if "." in listener:
        # an attribute: only when no code of the module can close it
        if not _attribute_never_closed(facts, site.scope, listener):
            return False
    else:
        bindings = site.scope.bindings.get(listener, ())
        if not bindings:
            # a nested function's (a thread's target) listener, made by the function around
            outer = site.scope.parent
            bindings = outer.bindings.get(listener, ()) if outer is not None and \
                outer.kind == "function" else ()
            if not bindings or any(binding.how == "with" for binding in bindings) or \
                    not _stopped_before_closed(outer.node, site.scope.node, listener, loop):
                return False  # ``with ... as listener:`` closes it when the block ends
        if any(binding.how == "param" for binding in bindings):
            return False  # a parameter: its owner may close it under the loop
    connection = site.targets[0]
    if facts.closed_in_same_pass(site, connection, loop):
        return True
    # held by its local name alone: the next accept rebinds the name, and CPython frees
    # (closes) the connection then, whatever path the pass took
    if "." in connection or {connection, "*"} & facts.declared_names():
        return False
    if name_stays_local(site.scope.node, connection):
        return True
    # or handed to a TLS wrapper held the same way: the wrapper owns the descriptor
    handed = tls_handovers(site.scope.node, connection)
    if not handed or not handed[0]:
        return False
    uses, holders = handed
    return name_stays_local(site.scope.node, connection, frozenset(uses)) and all(
        holder is None or (holder not in facts.declared_names()
                           and name_stays_local(site.scope.node, holder))
        for holder in holders)


def _mentioned_in_definitions(facts, name):
    """Some function, class body or lambda of the module mentions the module-level
    ``name``: code that may run beside the module's own statements (a thread, a signal
    handler, a callback) could close it under the loop."""
    def scan():
        stack = [(facts.model.module, False)]
        while stack:
            node, inside = stack.pop()
            if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
                inside = True
            elif inside and type(node) is cst.Name and node.value == name:
                return True
            stack.extend((child, inside) for child in iter_children(node))
        return False
    return facts.memo(f"accept.mentioned_in_definitions:{name}", scan)


def _attribute_never_closed(facts, scope, key):
    """``self.x`` (one level, in a method) that no code of the module can close: every use
    of an attribute named ``x`` anywhere in the module (of an imported module's, such as
    ``socket.socket``, aside) is a call of one of its methods other than ``close``,
    ``shutdown`` and ``detach`` (``self.x.accept()``, ``self.x.listen(5)``) or an
    assignment to it. Nothing in the module then closes the
    listener under the loop or hands it to code that could."""
    head, _, attr = key.partition(".")
    if scope.self_name is None or head != scope.self_name or not attr or "." in attr:
        return False

    def scan():
        stack = [(facts.model.module, None, None)]
        while stack:
            node, parent, grandparent = stack.pop()
            if type(node) is cst.Attribute and node.attr.value == attr and \
                    (key_of(node) or ".").partition(".")[0] not in facts.imports.aliases:
                # (not an imported module's, ``socket.socket``)
                if isinstance(parent, cst.AssignTarget) and parent.target is node:
                    pass
                elif not (type(parent) is cst.Attribute and parent.value is node and
                          type(grandparent) is cst.Call and grandparent.func is parent and
                          parent.attr.value not in ("close", "shutdown", "detach")):
                    return False
            stack.extend((child, node, parent) for child in iter_children(node))
        return True
    return facts.memo(f"accept.never_closed:{attr}", scan)


def _stopped_before_closed(outer, inner, listener, loop):
    """In ``outer`` (the function that made the listener), every statement that closes it
    (``listener.close()``, ``listener.shutdown(...)``) comes after a statement of the same
    block that makes the accept loop of ``inner`` (a ``while`` on one flag) end at its next
    test: ``stop.set()`` for ``while not stop.is_set():``, ``running = False`` for ``while
    running:``. Closes anywhere else (a nested function, a branch of their own) count
    against it. Then EBADF from the closed listener ends the loop instead of spinning."""
    if loop.kind != "while":
        return False
    stops = _stop_test(loop.node.test)
    if stops is None:
        return False
    stack = [outer.body]
    while stack:
        node = stack.pop()
        if node is inner:
            continue
        if isinstance(node, cst.WithItem) and key_of(node.item) == listener:
            return False  # ``with listener:`` closes it when the block ends
        if isinstance(node, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            if _closes(node, listener):
                return False
            continue
        if isinstance(node, cst.IndentedBlock) or (node is outer.body):
            stopped = False
            for stmt in getattr(node, "body", ()):
                if isinstance(stmt, cst.SimpleStatementLine):
                    if any(stops(small) for small in stmt.body):
                        stopped = True
                    elif _closes(stmt, listener) and not stopped:
                        return False
                    continue
                stack.append(stmt)
            continue
        if isinstance(node, cst.SimpleStatementLine) and _closes(node, listener):
            return False
        stack.extend(iter_children(node))
    return True


def _runs_on_a_flag(loop):
    """``while not stop.is_set():`` / ``while self.running:``: a loop that ends when its
    flag is set, the way a test stops the server it started."""
    test = loop.node.test if loop.kind == "while" else None
    if isinstance(test, cst.Name) and test.value in ("True", "False", "None"):
        return False  # ``while True:`` is no flag
    return test is not None and _stop_test(test) is not None


def _stop_test(test):
    """A predicate on small statements: the one that makes ``while <test>:`` end."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        call = test.expression
        if isinstance(call, cst.Call) and not call.args and \
                isinstance(call.func, cst.Attribute) and call.func.attr.value == "is_set":
            event = key_of(call.func.value)
            if event is None:
                return None

            def sets_event(small):
                value = small.value if isinstance(small, cst.Expr) else None
                return isinstance(value, cst.Call) and not value.args and \
                    isinstance(value.func, cst.Attribute) and \
                    value.func.attr.value == "set" and key_of(value.func.value) == event
            return sets_event
    flags = exit_flags(test)
    if not flags:
        return None
    return lambda small: any(sets_flag(small, flag) for flag in flags)


def _closes(node, listener):
    return bool(method_calls(node, listener, ("close", "shutdown", "detach")))


def check_retry(facts, report):
    for site, depth in _accept_sites(facts):
        frame, handler = facts.catching_frame(site, "OSError")
        if handler is None or frame.loop_depth < depth:
            continue
        if not handler.bare and not (set(handler.types) & _BROAD):
            continue
        if site.loops[depth - 1].has_sleep:
            continue
        if _polled_without_wait(facts, site, site.loops[depth - 1]):
            continue
        if _served_one_at_a_time(facts, site, site.loops[depth - 1]):
            continue
        if facts.handler_clears_loop_flag(handler, site.loops[depth - 1], site.scope):
            continue  # ``self.running = False`` / ``self.stop()``: the loop ends
        if facts.test_code and _runs_on_a_flag(site.loops[depth - 1]):
            continue  # a test's server, stopped by its flag: no EMFILE, no lasting EBADF
        outcome = facts.handler_outcome(handler, "OSError", "EMFILE")
        if outcome.tests_errno and outcome.errnos_tested != {"EINTR"}:
            continue  # an EINTR test alone tells nothing apart: PEP 475 retries EINTR
        if outcome.all_paths(
            lambda path: (CONTINUE in path or FALL in path) and SLEEP not in path
        ):
            report(site.node, "SCK502", call=_call_text(facts, site))


CHECKS = {  # code -> (check, gate): see Rule in rules/__init__.py
    "SCK501": (check_abort, lambda evidence: evidence.calls(*_ACCEPTS)),
    "SCK502": (check_retry, lambda evidence: evidence.calls(*_ACCEPTS)),
}

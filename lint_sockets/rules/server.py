"""SCK402 peer-reset-escapes-server-loop."""

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.facts import KNOWN, LIKELY, RAISE, UNKNOWN, SuppressFrame
from lint_sockets.analysis.listeners import loopback_listener
from lint_sockets.analysis.platforms import WINDOWS
from lint_sockets.analysis.nodes import (
    accepted_binding, accepted_value, bound_keys, iter_children, key_of, method_calls,
    name_stays_local, small_leaves, suites_of, target_keys,
)

_RECV = tables.READ_METHODS
_SEND = tables.SEND_METHODS
_WRITES = _SEND | {"write", "makefile", "sendfile"}  # what puts our data in the peer's way


def _is_accept(facts, site):
    if site.method != "accept" or site.receiver_key is None or site.node.args:
        return False
    confidence = facts.socket_confidence(site).confidence
    if confidence in (KNOWN, LIKELY):
        return True
    return confidence == UNKNOWN and len(site.targets) == 2 and site.role == "assign"


def _protected(facts, site, exc, depth):
    """A guard inside the loop catches ``exc`` and does not raise on every path; a handler
    that does raise hands what it raises (``facts.raised_on``) to the guards around its
    ``try``, which may still keep the loop going (an inner ``except: log; raise`` inside
    an outer ``except Exception:`` that goes on to the next client). Past the loop, the
    first guard that catches it counts when an outer server loop goes round after it
    (``facts.outer_loop_goes_round``)."""
    for frame in reversed(site.guards):
        if frame.loop_depth < depth:
            # the server loop is left; a ``try`` around it inside an outer server loop whose
            # handler goes round brings the server back (SCK501 reads it the same way)
            if isinstance(frame, SuppressFrame):
                if not frame.catches(exc):
                    continue
                outer = site.loops[frame.loop_depth - 1] if frame.loop_depth else None
                return outer is not None and outer.kind == "while" and not outer.bounded
            handler = frame.handler_for(exc)
            if handler is None:
                continue
            return facts.outer_loop_goes_round(site, frame, handler, exc)
        if isinstance(frame, SuppressFrame):
            if frame.catches(exc):
                return True
            continue
        handler = frame.handler_for(exc)
        if handler is None:
            continue
        outcome = facts.handler_outcome(handler, exc, None)
        if not outcome.all_paths(lambda path: RAISE in path):
            return True
        exc = facts.raised_on(handler, exc)
        if exc is None:
            return False
    return False


_SERVER_LOOP = ("in a server loop", "one client's reset ends the server")
_BROADCAST = ("in a loop over clients", "one reset skips the clients after it")


def _missing(facts, site, depth, first_unix_write=False):
    """The errors a reset or closed client brings that escape the server loop:
    ``ConnectionResetError`` for a read; also ``BrokenPipeError`` for a write, and only
    that for the first write on a connection accepted from an AF_UNIX listener
    (``_first_write_to_unix_client``)."""
    if first_unix_write:
        wanted = ("BrokenPipeError",)
    elif site.method in _RECV:
        wanted = ("ConnectionResetError",)
    else:
        wanted = ("ConnectionResetError", "BrokenPipeError")
    return [exc for exc in wanted if not _protected(facts, site, exc, depth)]


def _own_connection(facts, site):
    """Every binding that reaches the receiver makes the socket with socket(),
    create_connection() or socketpair(): a connection the server opened itself (an
    upstream or backend connection in a proxy, a wake-up pipe), not a client it accepted.
    Its reset may rightly end the loop."""
    bindings = site.reaching
    if not bindings and site.receiver_key is not None and "." in site.receiver_key:
        cls = site.scope.cls
        attr = site.receiver_key.partition(".")[2]
        if cls is not None and site.receiver_key.startswith((site.scope.self_name or "") + "."):
            bindings = cls.attr_bindings.get(attr, ())
    if not bindings:
        return False
    for binding in bindings:
        if not facts.makes_socket(binding.value):
            return False
    return True


def _unread_unix_connection(facts, site, accepts):
    """A read of a connection accepted from an AF_UNIX listener (every accept of the loop
    is on one), which the function never writes to and never hands on (a local name whose
    only uses are its own methods: ``name_stays_local``). A Unix stream socket gets
    ECONNRESET only when its peer closes with data of ours still unread (Linux,
    ``unix_release_sock()``; the BSDs and macOS give end of file): with nothing written,
    the peer's close is end of file."""
    key = site.receiver_key
    if "." in key or site.scope.kind != "function" or \
            not all(facts.listener_family(accept) == "unix" for accept in accepts):
        return False
    body = site.scope.node.body
    return not method_calls(body, key, _WRITES) and name_stays_local(body, key)


def _accepted_this_pass(site, loop):
    """The call is in the accept loop's own body (not an inner loop), on a name every
    binding of which that reaches it is an accept of that loop in the same scope: the
    connection this pass accepted."""
    reaching = site.reaching
    return site.loops[-1] is loop and bool(reaching) and all(
        accepted_binding(b) and b.scope is site.scope and any(loop is l for l in b.loops)
        for b in reaching)


def _read_before_writing_to_local_peer(facts, site, loop, accepts):
    """A read of a connection this pass accepted from an AF_UNIX listener, or from one
    bound only to loopback in code that cannot run on Windows (every accept of the loop is
    on such a listener: ``loopback_listener``), in the loop's own body (not an inner loop),
    with no write of ours on it earlier in the function and the name never handed on
    (``name_stays_local``); in a module's own code, no write on it in any of the module's
    functions either. The peer is a program on this host, and with nothing of ours
    unread its close is end of file (a FIN on TCP): only a client that aborts on purpose
    (``SO_LINGER`` 0) can reset it before our first write. Windows resets the
    connections of a process that is killed or exits without closing them, so there a
    local TCP client that dies resets it."""
    key = site.receiver_key
    if "." in key or site.scope.kind not in ("function", "module") or \
            not _accepted_this_pass(site, loop):
        return False
    local_tcp = WINDOWS not in facts.platforms(site.node)
    if not all(facts.listener_family(accept) == "unix" or
               (local_tcp and loopback_listener(facts, accept)) for accept in accepts):
        return False
    # a module's global may be written by any function of the module: every write on it,
    # wherever it is, must come later in the module's own code
    writes = facts.calls if site.scope.kind == "module" else facts.calls_in(site.scope)
    if any(other.receiver_key == key and other.method in _WRITES and
           (other.order < site.order or other.scope is not site.scope) for other in writes):
        return False
    return name_stays_local(site.scope.node.body if site.scope.kind == "function"
                            else site.scope.node, key)


def _first_write_to_unix_client(facts, site, loop, accepts):
    """A write, in the accept loop's own body (not an inner loop), on a connection an accept
    of this pass gave from an AF_UNIX listener (every accept of the loop is on one), with no
    write of ours on it before it on any path of the function (a write in the other branch
    of an ``if`` does not come before it) and the name never handed on
    (``name_stays_local``). The client can only have closed with nothing of ours unread,
    and a write to a Unix stream socket whose peer has closed so fails with EPIPE alone
    (Linux ``unix_stream_sendmsg()``; ECONNRESET is set on it only when the peer closed
    with our data unread, ``unix_release_sock()``; the BSDs and macOS mark it unable to
    send, ``socantsendmore()``, which fails a send with EPIPE)."""
    key = site.receiver_key
    if "." in key or site.scope.kind != "function" or not _accepted_this_pass(site, loop):
        return False
    if not all(facts.listener_family(accept) == "unix" for accept in accepts):
        return False
    earlier = [other for other in facts.calls_in(site.scope)
               if other.receiver_key == key and other.method in _WRITES
               and other.order < site.order]
    if earlier:
        paths = _branch_paths(site.scope.node, {id(other.node) for other in earlier}
                              | {id(site.node)})
        own = paths.get(id(site.node), {})
        if any(not _exclusive(own, paths.get(id(other.node), {})) for other in earlier):
            return False
    return name_stays_local(site.scope.node.body, key)


def _branch_paths(root, wanted):
    """id of each node of ``wanted`` under ``root`` -> {id of an ``if`` around it: 0 in its
    body, 1 in its ``else`` or ``elif``}."""
    found = {}
    stack = [(root, {})]
    while stack:
        node, path = stack.pop()
        if id(node) in wanted:
            found[id(node)] = path
        if isinstance(node, cst.If):
            stack.append((node.test, path))
            stack.append((node.body, {**path, id(node): 0}))
            if node.orelse is not None:
                stack.append((node.orelse, {**path, id(node): 1}))
            continue
        stack.extend((child, path) for child in iter_children(node))
    return found


def _exclusive(one, other):
    """Two nodes with these branch paths never run in the same pass: they lie in
    different branches of one ``if``."""
    return any(other.get(node, side) != side for node, side in one.items())


def check(facts, report):
    if facts.test_code:
        return  # a test's server serves the test's own clients (the page: "What a finding is worth")
    reported = set()
    for loop in facts.loops:
        if loop.kind != "while" or loop.bounded:
            continue
        accepts = [s for s in loop.calls if _is_accept(facts, s)]
        if not accepts or all(s.loops[-1] is loop and s.leaves_loop for s in accepts):
            continue  # no accept, or it waits for one connection and hands it on
        listeners = {s.receiver_key for s in accepts}
        for site in loop.calls:
            if site.method not in _RECV and site.method not in _SEND:
                continue
            if site.receiver_key is None or site.receiver_key in listeners:
                continue
            info = facts.socket_confidence(site)
            if info.confidence not in (KNOWN, LIKELY) or info.datagram:
                continue
            if _own_connection(facts, site):
                continue
            if (site.loops[-1] is loop and site.leaves_loop) or \
                    _function_ends_after(facts, site):
                continue  # the server loop ends right after it anyway (a shutdown reply)
            if site.method in _RECV and (
                    _unread_unix_connection(facts, site, accepts)
                    or _read_before_writing_to_local_peer(facts, site, loop, accepts)):
                continue
            first_unix_write = site.method in _SEND and \
                _first_write_to_unix_client(facts, site, loop, accepts)
            missing = _missing(facts, site, site.loops.index(loop) + 1, first_unix_write)
            if missing:
                where, effect = _SERVER_LOOP
                if _broadcast_loop(facts, site, loop):
                    where, effect = _BROADCAST[0], "one client's reset ends the server"
                reported.add(id(site.node))
                report(site.node, "SCK402", call=f".{site.method}()", where=where,
                       exc=" / ".join(missing), effect=effect)
    check_broadcast(facts, report, reported)


def _function_ends_after(facts, site):
    """A later statement of the call's own block returns or ends the program, with
    nothing in between that leaves the pass (``conn.send(b"bye"); conn.close();
    return``): whatever loops are around, the server loop ends right after the call."""
    line = site.line
    if line is None or site.scope.kind != "function":
        return False
    block = facts.scope_parents(site.scope).get(id(line))
    if type(block) is not cst.IndentedBlock:
        return False
    later = False
    for stmt in block.body:
        if stmt is line:
            later = True
            continue
        if not later:
            continue
        if not isinstance(stmt, cst.SimpleStatementLine):
            return False
        for small in stmt.body:
            if type(small) is cst.Return or (small_leaves(small) and type(small) is cst.Expr):
                return True
            if type(small) in (cst.Break, cst.Continue, cst.Raise):
                return False
    return False


def _broadcast_loop(facts, site, outer):
    """The call is on the variable of a ``for`` loop inside ``outer`` over the clients."""
    for loop in site.loops[site.loops.index(outer) + 1:]:
        if loop.kind == "for" and _loop_variable(loop) == site.receiver_key:
            return True
    return False


def _loop_variable(loop):
    target = loop.node.target
    return target.value if isinstance(target, cst.Name) else None


def _iterated_key(loop):
    """``clients`` for ``for c in clients`` / ``clients.values()`` / ``list(clients)`` /
    ``clients.copy()``."""
    node = loop.node.iter
    while True:
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and \
                node.func.attr.value in ("values", "copy", "keys") and not node.args:
            node = node.func.value
            continue
        if isinstance(node, cst.Call) and key_of(node.func) in ("list", "tuple", "set") \
                and len(node.args) == 1:
            node = node.args[0].value
            continue
        return key_of(node)


def _client_collections(facts):
    """Keys of containers the module fills with accepted connections: ``clients.append(conn)``,
    ``self.clients.add(conn)``, ``clients[addr] = conn`` where ``conn`` comes from
    ``accept()``. The statements before the one that stores the name, in its block and the
    blocks around it, decide what it holds when one of them binds it: a connection wrapped
    in another object first (``client = ServerClient(self, socket=client)``, then
    ``clients.append(client)``) puts that object in the container, not the socket. Where no
    simple statement before it in sight binds the name, a name some accept binds anywhere
    counts."""
    accepted = set()
    for scope in facts.scopes:
        for name, bindings in scope.bindings.items():
            if any(accepted_binding(binding) for binding in bindings):
                accepted.add(name)
    if not accepted:
        return set()
    collections = set()

    def holds_connection(item, last):
        key = key_of(item)
        held = last.get(key)
        return key in accepted if held is None else held

    def stored(node, last):
        for inner in _walk_in_statement(node):
            if isinstance(inner, cst.Call) and isinstance(inner.func, cst.Attribute) and \
                    inner.func.attr.value in ("append", "add", "insert") and inner.args:
                if holds_connection(inner.args[-1].value, last):
                    collections.add(key_of(inner.func.value))
            elif isinstance(inner, cst.Assign) and holds_connection(inner.value, last):
                for target in inner.targets:
                    if isinstance(target.target, cst.Subscript):
                        collections.add(key_of(target.target.value))

    def block(statements, last):
        last = dict(last)
        for stmt in statements:
            if isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    stored(small, last)
                    _note_binding(small, last)
                continue
            if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
                block(_suite_statements(stmt.body), {})
                continue
            stored(stmt, last)  # the headers: tests, iterables, ``with`` items
            for suite in suites_of(stmt):
                block(_suite_statements(suite), last)
            for inner in _walk_in_statement(stmt, into_suites=True):
                for key in bound_keys(inner):
                    last[key] = None  # bound on some path through it: not known
        return last

    block(facts.module.body, {})
    collections.discard(None)
    return collections


def _suite_statements(suite):
    body = getattr(suite, "body", ())
    return body if isinstance(body, (list, tuple)) else ()


def _walk_in_statement(node, into_suites=False):
    """The nodes of a statement, without the blocks of a compound one (unless
    ``into_suites``) and never inside a nested function, class or lambda."""
    stack = [node]
    while stack:
        inner = stack.pop()
        yield inner
        for child in iter_children(inner):
            if isinstance(child, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
                continue
            if not into_suites and isinstance(child, cst.BaseSuite):
                continue
            stack.append(child)


def _note_binding(small, last):
    """Record what a simple statement binds a plain name to: True for the connection of an
    accept (``conn, addr = srv.accept()``, ``conn = srv.accept()[0]``), False for anything
    else; names bound some other way (``for``, ``with``, augmented) become unknown."""
    if isinstance(small, cst.Assign):
        for target in small.targets:
            target = target.target
            if isinstance(target, cst.Name):
                last[target.value] = accepted_value(small.value, None)
            elif isinstance(target, (cst.Tuple, cst.List)):
                elements = target.elements
                for position, element in enumerate(elements):
                    if isinstance(element.value, cst.Name):
                        last[element.value.value] = not isinstance(
                            element, cst.StarredElement) and accepted_value(
                            small.value, (position, len(elements)))
            for key in target_keys(target):
                last.setdefault(key, None)
        return
    for key in bound_keys(small):
        last[key] = None


def check_broadcast(facts, report, reported):
    """``for c in clients: c.sendall(msg)`` with no handler inside the for loop."""
    collections = None
    for loop in facts.loops:
        if loop.kind != "for":
            continue
        variable = _loop_variable(loop)
        if variable is None:
            continue
        sends = [s for s in loop.calls if s.method in ("send", "sendall")
                 and s.receiver_key == variable and id(s.node) not in reported]
        if not sends:
            continue
        if collections is None:
            collections = _client_collections(facts)
        if _iterated_key(loop) not in collections:
            continue
        for site in sends:
            if site.loops[-1] is not loop and any(
                    inner.kind == "for" and _loop_variable(inner) == variable
                    for inner in site.loops[site.loops.index(loop) + 1:]):
                continue  # the name belongs to an inner loop
            missing = _missing(facts, site, site.loops.index(loop) + 1)
            if missing:
                reported.add(id(site.node))
                report(site.node, "SCK402", call=f".{site.method}()", where=_BROADCAST[0],
                       exc=" / ".join(missing), effect=_BROADCAST[1])


CHECKS = {  # code -> (check, gate): see Rule in rules/__init__.py
    # a server loop's accept(), or a collection of accepted connections
    "SCK402": (check, lambda evidence: evidence.calls(*tables.ACCEPT_METHODS)),
}

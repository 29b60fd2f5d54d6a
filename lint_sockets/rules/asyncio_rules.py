"""SCK204 asyncio-blocking-socket."""

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.facts import BLOCKING, TIMEOUT
from lint_sockets.analysis.nodes import iter_children, strip_await
from lint_sockets.rules.fixutil import SAFE, FixSpec, flatten_after, statement

LOOP_SOCKET_CALLS = tables.LOOP_SOCKET_CALLS


def _proactor_loop(facts, site):
    """The loop is a ProactorEventLoop (Windows' overlapped I/O): its sock_* calls never
    call the socket directly, so the socket's mode does not matter there."""
    key = site.receiver_key
    if key is None:
        return False
    head, _, rest = key.partition(".")
    scope = site.scope
    if rest:
        if scope.cls is None or head != scope.self_name or "." in rest:
            return False
        bindings = scope.cls.attr_bindings.get(rest, ())
    else:
        bindings = site.reaching or ()
    values = [strip_await(b.value) for b in bindings]
    return bool(values) and all(
        isinstance(v, cst.Call) and _is_proactor(facts.imports.qualify(v.func) or "")
        for v in values)


def _is_proactor(qname):
    return qname.startswith("asyncio.") and qname.endswith(".ProactorEventLoop")


def check(facts, report):
    reported = set()
    for site in sorted(facts.calls, key=lambda s: s.order):
        if site.method not in LOOP_SOCKET_CALLS or site.arg_key is None:
            continue
        if _proactor_loop(facts, site):
            continue
        if "." in site.arg_key or not site.arg_reaching:
            continue  # attributes and parameters are made elsewhere
        ident = (id(site.scope), site.arg_key)
        if ident in reported:
            continue
        if not all(facts.binding_creates_socket(b) and b.scope is site.scope
                   for b in site.arg_reaching):
            continue
        state = facts.state(site, site.arg_key)
        if state in (BLOCKING, TIMEOUT):
            reported.add(ident)
            report(site.node, "SCK204", fix=_fix(facts, site), call=f".{site.method}()",
                   sock=site.arg_key,
                   state="blocking" if state == BLOCKING else "in timeout mode")


_DIRECT_USE = tables.PEER_WAIT_METHODS | {
    "connect_ex", "makefile", "sendfile", "settimeout", "setblocking"}


_HARMLESS = {"close", "setsockopt", "getsockopt", "bind", "listen", "shutdown",
             "getpeername"}


def _name_uses(node, name):
    count = 0
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, cst.Name):
            count += current.value == name
            continue
        stack.extend(iter_children(current))
    return count


def _fix(facts, site):
    """Insert ``sock.setblocking(False)`` right after the socket is created, where nothing
    else in the function uses the socket in a way that would notice."""
    if len(site.arg_reaching) != 1:
        return None
    binding = next(iter(site.arg_reaching))
    key = site.arg_key
    # Every use of the name must be one we can see is harmless: a loop.sock_* argument or a
    # call of a method that does not care about blocking mode. Anything else (returned,
    # stored, handed to other code, a blocking call) keeps the fix away.
    allowed = len(site.scope.bindings.get(key, ()))
    for other in facts.calls_in(site.scope):
        if other.receiver_key == key:
            if other.method in _DIRECT_USE or other.method not in _HARMLESS:
                return None
            allowed += 1
        elif other.arg_key == key and other.method in LOOP_SOCKET_CALLS:
            allowed += 1
    if _name_uses(site.scope.node, key) != allowed:
        return None
    message = f"Insert `{key}.setblocking(False)` after the socket is created"
    if binding.how == "assign" and binding.line is not None:
        return FixSpec(SAFE, message, lambda: [
            (binding.line, flatten_after([statement(facts, f"{key}.setblocking(False)\n")]))
        ])
    if binding.how == "with" and isinstance(binding.node, cst.With) and isinstance(
        binding.node.body, cst.IndentedBlock
    ):
        body = binding.node.body

        def build():
            new = statement(facts, f"{key}.setblocking(False)\n")
            return [(body, lambda updated: updated.with_changes(body=[new, *updated.body]))]

        return FixSpec(SAFE, message, build)
    return None


CHECKS = {  # code -> (check, gate): see Rule in rules/__init__.py
    # the socket passed is made here: socket(), socketpair() or accept()
    "SCK204": (
        check,
        lambda evidence: evidence.calls(*LOOP_SOCKET_CALLS) and evidence.known_sockets(),
    ),
}

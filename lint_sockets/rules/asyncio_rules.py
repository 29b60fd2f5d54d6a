"""SCK204 asyncio-blocking-socket."""

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.facts import BLOCKING, TIMEOUT
from lint_sockets.analysis.model import strip_await
from lint_sockets.rules import Rule

LOOP_SOCKET_CALLS = frozenset({
    "sock_recv", "sock_recv_into", "sock_sendall", "sock_accept", "sock_connect",
    "sock_sendto", "sock_recvfrom", "sock_recvfrom_into", "sock_sendfile",
})


def created_here(facts, binding):
    """The binding creates a plain (blocking unless told otherwise) socket."""
    if binding.how not in ("assign", "with") or binding.value is None:
        return False
    value = strip_await(binding.value)
    if not isinstance(value, cst.Call):
        return False
    qname = facts.imports.qualify(value.func)
    if qname in tables.SOCKET_CONSTRUCTORS:
        return binding.index is None
    if qname in tables.SOCKET_PAIR_CONSTRUCTORS:
        return binding.index is not None
    func = value.func
    # a plain accept(); asyncio's sock_accept() returns non-blocking sockets
    return (isinstance(func, cst.Attribute) and func.attr.value == "accept"
            and binding.index is not None and binding.index[0] == 0)


def check(facts, report):
    reported = set()
    for site in sorted(facts.model.calls, key=lambda s: s.order):
        if site.method not in LOOP_SOCKET_CALLS or site.arg_key is None:
            continue
        if "." in site.arg_key or not site.arg_reaching:
            continue  # attributes and parameters are made elsewhere
        ident = (id(site.scope), site.arg_key)
        if ident in reported:
            continue
        if not all(created_here(facts, b) and b.scope is site.scope for b in site.arg_reaching):
            continue
        state = facts.state(site, site.arg_key)
        if state in (BLOCKING, TIMEOUT):
            reported.add(ident)
            report(site.node, "SCK204", call=f".{site.method}()", sock=site.arg_key,
                   state="blocking" if state == BLOCKING else "in timeout mode")


RULES = [
    Rule(
        "SCK204", "asyncio-blocking-socket",
        "blocking socket passed to asyncio's loop.sock_* calls",
        "`{sock}` is {state} when passed to `{call}`: the call can block the whole event "
        "loop; call `{sock}.setblocking(False)` after creating it",
        check=check,
    ),
]

"""SCK601 send-result-ignored, SCK602 connect-ex-result-ignored, SCK603 sendall-nonblocking."""

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.facts import KNOWN, LIKELY, NONBLOCKING, SNDTIMEO
from lint_sockets.analysis.nodes import int_value, key_of
from lint_sockets.rules import Rule
from lint_sockets.rules.fixutil import SAFE, UNSAFE, FixSpec


def _statement_call(site, method):
    return site.method == method and site.role == "stmt" and site.direct and \
        site.receiver_key is not None


# Smaller than the smallest send buffer of any platform (Linux clamps SO_SNDBUF to at least
# 4608 bytes; macOS, the BSDs and Windows start at 8 KiB or more).
_FITS_EMPTY_BUFFER = 512
_WRITES = tables.SEND_METHODS | {"sendfile", "write"}


def _constant_length(node, constants):
    """The length of a payload whose length the code fixes: a bytes literal (or a module
    constant bound to one), ``bytes(n)``/``bytearray(n)``, ``bytes([x])``; else None."""
    if isinstance(node, cst.Name) and node.value in constants:
        node = constants[node.value]  # WAKEUP_BYTE = b"x" at module level
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = node.evaluated_value
        return len(value) if isinstance(value, bytes) else None
    if isinstance(node, cst.Call) and key_of(node.func) in ("bytes", "bytearray") \
            and len(node.args) == 1 and node.args[0].keyword is None:
        arg = node.args[0].value
        number = int_value(arg)
        if number is not None:
            return number
        if isinstance(arg, (cst.List, cst.Tuple)) and all(
                not isinstance(e, cst.StarredElement) for e in arg.elements):
            return len(arg.elements)
    return None


def _first_write_of_fresh_socket(facts, site):
    """The socket was made in this function (socket(), socketpair(), create_connection())
    and this is its first write: its send buffer is empty."""
    reaching = site.reaching
    if not reaching or site.loops:
        return False
    for binding in reaching:
        if binding.scope is not site.scope or not facts.makes_socket(binding.value):
            return False
    return not any(
        other.order < site.order and other.receiver_key == site.receiver_key
        and other.method in _WRITES
        for other in facts.calls_in(site.scope)
    )


def _rename(site, method, applicability):
    attr = site.node.func.attr
    return FixSpec(applicability, f"Replace `{attr.value}` with `{method}`",
                   lambda: [(attr, cst.Name(method))])


def check(facts, report):
    for site in facts.calls:
        if _statement_call(site, "send"):
            length = _constant_length(site.positional(0), facts.constants)
            if length is not None and length <= 1:
                continue  # the self-pipe wake-up byte: sent whole or not at all
            if length is not None and length <= _FITS_EMPTY_BUFFER and \
                    _first_write_of_fresh_socket(facts, site):
                continue  # a short constant into an empty send buffer: taken whole
            info = facts.socket_confidence(site)
            # An SSL socket's send() writes everything or raises: CPython never turns on
            # OpenSSL's partial writes (SSL_MODE_ENABLE_PARTIAL_WRITE).
            ssl_only = info.ssl and not info.plain
            if info.confidence not in (KNOWN, LIKELY) or info.datagram or ssl_only:
                continue
            # ``await sock.send(data)``: an async library's socket (trio, curio, anyio) is
            # non-blocking underneath and its send() writes what fits once writable.
            awaited = isinstance(site.stmt, cst.Expr) and isinstance(site.stmt.value, cst.Await)
            modes = facts.partial_write_modes(site)
            if not modes and not awaited:
                continue  # blocking on every path the analysis sees, or a mode it cannot see
            fix = None
            if not awaited and facts.state(site) != NONBLOCKING and not site.timeo \
                    and NONBLOCKING not in modes and SNDTIMEO not in modes:
                fix = _rename(site, "sendall", SAFE)
            report(site.node, "SCK601", fix=fix)
        elif _statement_call(site, "connect_ex"):
            if facts.socket_confidence(site).confidence in (KNOWN, LIKELY):
                fix = None
                if facts.state(site) != NONBLOCKING:
                    fix = _rename(site, "connect", UNSAFE)
                report(site.node, "SCK602", fix=fix)
        elif site.method == "sendall" and site.receiver_key is not None:
            if facts.socket_confidence(site).confidence not in (KNOWN, LIKELY):
                continue
            if facts.state(site) == NONBLOCKING:
                report(site.node, "SCK603")


RULES = [
    Rule(
        "SCK601", "send-result-ignored",
        "socket send() result ignored: the rest of a partial write is lost",
        "`.send()` count ignored: a partial write silently loses the rest",
        check=check, fix="safe", gate=lambda evidence: evidence.socket_call(("send",)),
    ),
    Rule(
        "SCK602", "connect-ex-result-ignored",
        "connect_ex() result ignored: the only report of a failed connect is dropped",
        "`.connect_ex()` result ignored: a failed connect goes unnoticed",
        check=check, fix="unsafe",
        gate=lambda evidence: evidence.socket_call(("connect_ex",)),
    ),
    Rule(
        "SCK603", "sendall-nonblocking",
        "sendall() on a non-blocking socket loses count of what was sent",
        "`.sendall()` on a non-blocking socket: EAGAIN loses the count sent",
        check=check, gate=lambda evidence: evidence.socket_call(("sendall",)),
    ),
]

"""SCK601 send-result-ignored, SCK602 connect-ex-result-ignored, SCK603 sendall-nonblocking."""


import libcst as cst

from lint_sockets.analysis.facts import KNOWN, LIKELY, NONBLOCKING, SNDTIMEO, TIMEOUT
from lint_sockets.analysis.nodes import socket_never_used
from lint_sockets.analysis.payloads import (
    composed_message, constant_length, early_write_of_connected_socket,
    early_write_of_fresh_socket, fits_writable_buffer, payload_bound,
)
from lint_sockets.rules.fixutil import SAFE, UNSAFE, FixSpec


def _statement_call(site, method):
    return site.method == method and site.role == "stmt" and site.direct and \
        site.receiver_key is not None


def _rename(site, method, applicability):
    attr = site.node.func.attr
    return FixSpec(applicability, f"Replace `{attr.value}` with `{method}`",
                   lambda: [(attr, cst.Name(method))])


def check(facts, report):
    python3 = facts.settings.target_version >= (3, 0)
    for site in facts.calls:
        if site.method in ("send", "sendall") and python3 and \
                facts.text_payload(site, site.positional(0)):
            continue  # a str: TypeError on Python 3 before anything is written
        if _statement_call(site, "send"):
            if facts.expected_to_raise(site):
                continue  # ``with pytest.raises(...)``: a test that the call fails
            length = constant_length(site.positional(0), facts.constants)
            bound = length if length is not None else \
                payload_bound(facts, site, site.positional(0))
            if bound is not None and bound <= 1:
                continue  # one byte (a wake-up byte, a command code): whole or not at all
            if early_write_of_fresh_socket(facts, site, length):
                continue  # short constants into an empty send buffer: taken whole
            # ``await sock.send(data)``: an async library's socket (trio, curio, anyio) is
            # non-blocking underneath and its send() writes what fits once writable.
            awaited = isinstance(site.stmt, cst.Expr) and isinstance(site.stmt.value, cst.Await)
            info = facts.socket_confidence(site)
            # An SSL socket's send() writes everything or raises: CPython never turns on
            # OpenSSL's partial writes (SSL_MODE_ENABLE_PARTIAL_WRITE).
            ssl_only = info.ssl and not info.plain
            if info.confidence not in (KNOWN, LIKELY) or info.datagram or ssl_only:
                continue
            modes = facts.partial_write_modes(site)
            if not modes and not awaited:
                continue  # blocking on every path the analysis sees, or a mode it cannot see
            if modes == {TIMEOUT} and not awaited and fits_writable_buffer(facts, site, length):
                continue  # polled for writability first: a small payload is taken whole
            if modes == {TIMEOUT} and not awaited and \
                    composed_message(facts, site, site.positional(0)):
                continue  # a request composed by the code: the wait leaves room for it
            fix = None
            if not awaited and facts.state(site) != NONBLOCKING and not site.timeo \
                    and NONBLOCKING not in modes and SNDTIMEO not in modes:
                fix = _rename(site, "sendall", SAFE)
            report(site.node, "SCK601", fix=fix)
        elif _statement_call(site, "connect_ex"):
            if facts.expected_to_raise(site):
                continue  # ``with pytest.raises(...)``: a test that the call fails
            if socket_never_used(site):
                continue  # set up, connected and closed: nothing can take it for open
            if facts.socket_confidence(site).confidence in (KNOWN, LIKELY):
                fix = None
                if facts.state(site) != NONBLOCKING:
                    fix = _rename(site, "connect", UNSAFE)
                report(site.node, "SCK602", fix=fix)
        elif site.method == "sendall" and site.receiver_key is not None:
            info = facts.socket_confidence(site)
            if info.confidence not in (KNOWN, LIKELY):
                continue
            if info.datagram or facts.constructed_kind(site)[1] == "dgram":
                continue  # one datagram, sent whole or not at all: no count to lose
            if facts.state(site) == NONBLOCKING and \
                    not early_write_of_connected_socket(facts, site):
                report(site.node, "SCK603")


CHECKS = {  # code -> (check, gate): see Rule in rules/__init__.py
    "SCK601": (check, lambda evidence: evidence.socket_call(("send",))),
    "SCK602": (check, lambda evidence: evidence.socket_call(("connect_ex",))),
    "SCK603": (check, lambda evidence: evidence.socket_call(("sendall",))),
}

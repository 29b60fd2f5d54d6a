"""SCK601 send-result-ignored, SCK602 connect-ex-result-ignored, SCK603 sendall-nonblocking."""

import libcst as cst

from lint_sockets.analysis.facts import KNOWN, LIKELY, NONBLOCKING
from lint_sockets.rules import Rule
from lint_sockets.rules.fixutil import SAFE, UNSAFE, FixSpec


def _statement_call(site, method):
    return site.method == method and site.role == "stmt" and site.direct and \
        site.receiver_key is not None


def _single_byte(node, constants):
    if isinstance(node, cst.Name) and node.value in constants:
        node = constants[node.value]  # WAKEUP_BYTE = b"x" at module level
    if isinstance(node, cst.SimpleString) and "b" in node.prefix.lower():
        value = node.evaluated_value
        return isinstance(value, bytes) and len(value) <= 1
    return False


def _rename(site, method, applicability):
    attr = site.node.func.attr
    return FixSpec(applicability, f"Replace `{attr.value}` with `{method}`",
                   lambda: [(attr, cst.Name(method))])


def check(facts, report):
    for site in facts.model.calls:
        if _statement_call(site, "send"):
            if _single_byte(site.positional(0), facts.model.constants):
                continue  # the self-pipe wake-up byte: sent whole or not at all
            info = facts.socket_confidence(site)
            # An SSL socket's send() writes everything or raises: CPython never turns on
            # OpenSSL's partial writes (SSL_MODE_ENABLE_PARTIAL_WRITE).
            ssl_only = info.ssl and not info.plain
            if info.confidence in (KNOWN, LIKELY) and not info.datagram and not ssl_only:
                fix = None
                if facts.state(site) != NONBLOCKING and not site.timeo:
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
        check=check, fix="safe",
    ),
    Rule(
        "SCK602", "connect-ex-result-ignored",
        "connect_ex() result ignored: the only report of a failed connect is dropped",
        "`.connect_ex()` result ignored: a failed connect goes unnoticed",
        check=check, fix="unsafe",
    ),
    Rule(
        "SCK603", "sendall-nonblocking",
        "sendall() on a non-blocking socket loses count of what was sent",
        "`.sendall()` on a non-blocking socket: EAGAIN loses the count sent",
        check=check,
    ),
]

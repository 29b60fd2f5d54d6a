"""SCK401 sigpipe-default."""

from lint_sockets.analysis import tables
from lint_sockets.analysis.facts import KNOWN, LIKELY, UNKNOWN
import libcst as cst

from lint_sockets.rules.fixutil import UNSAFE, FixSpec

_WRITES = tables.SEND_METHODS | {"sendfile"}


_SOCKET_MODULES = ("socket", "ssl", "socketserver")


def _writes_to_sockets(facts):
    """A write to a socket: on a known or likely socket, or, in a module that imports a
    socket module, on anything not known to be something else (``for c in clients:
    c.sendall(m)``)."""
    uses_sockets = any(
        target.split(".")[0] in _SOCKET_MODULES for target in facts.imports.aliases.values()
    ) or any(module in _SOCKET_MODULES for module in facts.imports.star)
    for site in facts.calls:
        if site.method in _WRITES and site.receiver_key is not None:
            confidence = facts.socket_confidence(site).confidence
            if confidence in (KNOWN, LIKELY):
                return True
            if uses_sockets and confidence == UNKNOWN and site.node.args:
                return True
        if site.method == "write" and site.receiver_key is not None:
            # socketserver handlers write through self.wfile, a file over the socket.
            if site.receiver_key.endswith(".wfile") and site.scope.cls is not None:
                if facts.info(site.scope, site.receiver_key.rpartition(".")[0] + ".request") \
                        .confidence == KNOWN:
                    return True
    return False


def check(facts, report):
    writes = None
    for site in facts.calls:
        if site.qname != "signal.signal":
            continue
        signum = site.argument(0, "signalnum")
        handler = site.argument(1, "handler")
        if signum is None or handler is None:
            continue
        if facts.imports.qualify(signum) != "signal.SIGPIPE":
            continue
        if facts.imports.qualify(handler) not in ("signal.SIG_DFL", "signal.Handlers.SIG_DFL"):
            continue
        if facts.runs_in_child(site):
            continue  # a preexec_fn: it sets the disposition of the program about to start
        if writes is None:
            writes = _writes_to_sockets(facts)
        if writes:
            report(site.node, "SCK401", fix=_fix(facts, handler))


def _fix(facts, handler):
    """SIG_DFL -> SIG_IGN, spelled the way the code spells SIG_DFL."""
    if isinstance(handler, cst.Attribute):
        return FixSpec(UNSAFE, "Replace `SIG_DFL` with `SIG_IGN`", lambda: [
            (handler.attr, cst.Name("SIG_IGN"))
        ])
    if isinstance(handler, cst.Name) and facts.imports.qualify_key("SIG_IGN") in (
        "signal.SIG_IGN", "signal.Handlers.SIG_IGN"
    ):
        return FixSpec(UNSAFE, "Replace `SIG_DFL` with `SIG_IGN`", lambda: [
            (handler, handler.with_changes(value="SIG_IGN"))
        ])
    return None


CHECKS = {  # code -> (check, gate): see Rule in rules/__init__.py
    "SCK401": (check, lambda evidence: evidence.mentions("SIGPIPE") and evidence.called("signal")),
}

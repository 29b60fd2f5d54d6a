"""SCK401 sigpipe-default."""

from lint_sockets.analysis.facts import KNOWN, LIKELY
from lint_sockets.rules import Rule

_WRITES = {"send", "sendall", "sendto", "sendmsg", "sendfile"}


def _writes_to_sockets(facts):
    for site in facts.model.calls:
        if site.method in _WRITES and site.receiver_key is not None:
            if facts.socket_confidence(site).confidence in (KNOWN, LIKELY):
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
    for site in facts.model.calls:
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
        if writes is None:
            writes = _writes_to_sockets(facts)
        if writes:
            report(site.node, "SCK401")


RULES = [
    Rule(
        "SCK401", "sigpipe-default",
        "SIGPIPE set back to SIG_DFL in code that writes to sockets",
        "SIGPIPE set to SIG_DFL in code that writes to sockets: a write to a reset peer "
        "then kills the process silently instead of raising BrokenPipeError",
        check=check,
    ),
]

"""SCK402 peer-reset-escapes-server-loop."""

from lint_sockets.analysis.facts import KNOWN, LIKELY, RAISE, UNKNOWN
from lint_sockets.rules import Rule

_RECV = {"recv", "recv_into", "recvfrom", "recvfrom_into", "recvmsg", "recvmsg_into"}
_SEND = {"send", "sendall", "sendto", "sendmsg"}


def _is_accept(facts, site):
    if site.method != "accept" or site.receiver_key is None or site.node.args:
        return False
    confidence = facts.socket_confidence(site).confidence
    if confidence in (KNOWN, LIKELY):
        return True
    return confidence == UNKNOWN and len(site.targets) == 2 and site.role == "assign"


def _protected(facts, site, exc, depth):
    frame, handler = facts.catching_frame(site, exc)
    if frame is None or frame.loop_depth < depth:
        return False
    if handler is None:
        return True
    outcome = facts.handler_outcome(handler, exc, None)
    return not outcome.all_paths(lambda path: RAISE in path)


def check(facts, report):
    for loop in facts.model.loops:
        if loop.kind != "while" or loop.bounded:
            continue
        listeners = {s.receiver_key for s in loop.calls if _is_accept(facts, s)}
        if not listeners:
            continue
        for site in loop.calls:
            if site.method not in _RECV and site.method not in _SEND:
                continue
            if site.receiver_key is None or site.receiver_key in listeners:
                continue
            info = facts.socket_confidence(site)
            if info.confidence not in (KNOWN, LIKELY) or info.datagram:
                continue
            depth = site.loops.index(loop) + 1
            wanted = ("ConnectionResetError",) if site.method in _RECV else (
                "ConnectionResetError", "BrokenPipeError")
            missing = [exc for exc in wanted if not _protected(facts, site, exc, depth)]
            if missing:
                report(site.node, "SCK402", call=f".{site.method}()",
                       exc=" / ".join(missing))


RULES = [
    Rule(
        "SCK402", "peer-reset-escapes-server-loop",
        "a client's reset escapes the server loop and ends the server",
        "`{call}` in a server loop: one client's reset ends the server",
        check=check,
    ),
]

"""SCK202 eintr-retry-redundant."""

from lint_sockets.analysis.facts import CONTINUE, FALL, KNOWN, LIKELY
from lint_sockets.rules import Rule

_SOCKET_IO = {"recv", "recv_into", "recvfrom", "recvfrom_into", "recvmsg", "recvmsg_into",
              "send", "sendall", "sendto", "sendmsg", "accept", "connect"}
_RETRIED_FUNCTIONS = {
    "select.select", "os.read", "os.write", "os.readv", "os.writev", "os.pread", "os.pwrite",
    "os.waitpid", "os.wait", "os.wait3", "os.wait4", "os.waitid", "os.sendfile",
    "time.sleep", "signal.sigtimedwait", "signal.sigwaitinfo",
    # a blocking or timeout connect: CPython waits for it and reads SO_ERROR itself
    "socket.create_connection",
}
_RETRIED_METHODS = {"select", "poll", "control"}


def _retried_calls(facts, frame):
    """Calls in the try body that PEP 475 retries; None if the body holds a connect whose
    EINTR is meaningful (a non-blocking connect)."""
    found = False
    for site in facts.model.calls:
        if frame not in site.guards:
            continue
        method = site.method
        if method in ("connect", "connect_ex"):
            if facts.is_nonblocking(site) or any(
                h.names("BlockingIOError") for h in frame.handlers
            ):
                return None
        if site.qname in _RETRIED_FUNCTIONS:
            found = True
        elif method in _SOCKET_IO and site.receiver_key is not None:
            if facts.socket_confidence(site).confidence in (KNOWN, LIKELY):
                found = True
        elif method in _RETRIED_METHODS and site.receiver_key is not None:
            found = True
    return found


def _goes_round(outcome):
    return outcome.all_paths(lambda path: CONTINUE in path or FALL in path)


def check(facts, report):
    if facts.settings.target_version < (3, 5):
        return
    for handler in facts.model.handlers:
        frame = handler.try_frame
        if frame.loop_depth == 0:
            continue
        names_eintr = handler.names("InterruptedError")
        if not names_eintr and not handler.catches("InterruptedError"):
            continue
        if not _retried_calls(facts, frame):
            continue
        outcome = facts.handler_outcome(handler, "InterruptedError", "EINTR")
        if names_eintr:
            if _goes_round(outcome):
                what = ("`InterruptedError` in this except tuple" if len(handler.types) > 1
                        else "this `except InterruptedError` branch")
                report(handler.node, "SCK202", what=what)
            continue
        if "EINTR" not in outcome.errnos_tested or not _goes_round(outcome):
            continue
        comparisons = facts.errno_comparisons(handler.node.body, "EINTR")
        if comparisons:
            report(comparisons[0], "SCK202", what="this EINTR test")


RULES = [
    Rule(
        "SCK202", "eintr-retry-redundant",
        "EINTR retry code that Python already does (PEP 475)",
        "{what} retries after EINTR, which Python has done itself since 3.5 (PEP 475); "
        "the branch is dead code",
        check=check,
    ),
]

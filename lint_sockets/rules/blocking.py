"""SCK201 blocking-io-unhandled and SCK203 ssl-want-unhandled."""

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.facts import CLOSE, ENTRY, KNOWN, LIKELY, NONBLOCKING, RAISE
from lint_sockets.analysis.listeners import loopback_listener, self_connected_listener
from lint_sockets.analysis.platforms import LINUX
from lint_sockets.analysis.nodes import int_value, iter_children, key_of, mentions
from lint_sockets.analysis.payloads import early_write_of_connected_socket

_READS = tables.READ_METHODS
_WRITES = tables.COUNTED_SEND_METHODS
_PLAIN_CALLS = _READS | _WRITES | {"accept"}
_SSL_READS = tables.SSL_READ_METHODS
_SSL_WRITES = tables.SSL_WRITE_METHODS  # sendall belongs to SCK603


def _zero_length(site):
    if site.method not in ("recv", "recv_into"):
        return False
    first = site.positional(0)
    if site.method == "recv":
        return first is not None and int_value(first) == 0
    return (isinstance(first, cst.Call) and key_of(first.func) in ("bytearray", "bytes")
            and not first.args)


def _guarded(facts, site, exc, errno, accepted_errnos):
    """True if a handler catches ``exc`` and treats it as "not ready yet": in the call's
    function, or, when none there catches it, in the callers of that function, every call
    of it in the module (one step: ``Facts.caller_handlers``)."""
    frame, handler = facts.catching_frame(site, exc)
    if frame is None:
        handlers = facts.caller_handlers(site, exc)
        return bool(handlers) and all(
            _treated_as_normal(facts, h, exc, errno, accepted_errnos) for h in handlers)
    if handler is None:  # contextlib.suppress
        return True
    return _treated_as_normal(facts, handler, exc, errno, accepted_errnos) or \
        _closed_outside(facts, site, handler) and \
        facts.handler_outcome(handler, exc, errno).any_path(lambda path: RAISE not in path)


def _treated_as_normal(facts, handler, exc, errno, accepted_errnos):
    """The clause tests the errno for one of ``accepted_errnos``, has a path that neither
    raises nor closes, or hands the condition on as another exception (a project's
    would-block signal)."""
    outcome = facts.handler_outcome(handler, exc, errno)
    if outcome.errnos_tested & accepted_errnos:
        return True
    if outcome.any_path(lambda path: RAISE not in path and CLOSE not in path):
        return True
    # a clause naming the exception itself that raises another one on every path hands
    # the condition on in its callers' terms (a project's would-block signal): translated
    return handler.names(exc) and outcome.all_paths(lambda path: RAISE in path) and \
        facts.raised_on(handler, exc) == "Exception"


_CLOSING = frozenset({"close", "shutdown"})


def _closed_outside(facts, site, handler):
    """The function closes ``site``'s socket in a statement after the call that is in no
    handler of the ``try``: on the path where the call succeeds."""
    key = site.receiver_key
    if key is None:
        return False
    inside = set()
    stack = [other.node for other in handler.try_frame.handlers]
    while stack:
        node = stack.pop()
        inside.add(id(node))
        stack.extend(iter_children(node))
    return any(other.method in _CLOSING and other.receiver_key == key
               and other.order > site.order and id(other.node) not in inside
               for other in facts.calls_in(site.scope))


def _single_datagram_send(facts, site):
    """A send on a UDP (or UDP-over-IPv6) socket that runs once per call of its function,
    wherever the socket was made non-blocking: EAGAIN there needs a send buffer's worth
    (SO_SNDBUF, 208 KiB by default on Linux) of this socket's datagrams still queued on the
    local interface, and a fixed handful of sends per call cannot queue that. Nor can a
    send that a sleep always follows (``FlowFacts.paced_by_sleep``), however often it runs,
    or a send in a loop that is always left after it (``FlowFacts.left_after_first_pass``),
    which completes once per call.
    A send in a loop (a burst) with no sleep after it, one whose socket has SO_SNDBUF set,
    and datagram sockets of other families (AF_UNIX: the receiver's full queue gives EAGAIN
    at once) stay reported."""
    if site.method not in _WRITES:
        return False
    if facts.constructed_kind(site) != ("ip", "dgram"):
        return False
    if not facts.paced_by_sleep(site) and facts.repeated_on_same_socket(site) and \
            not facts.left_after_first_pass(site):
        return False
    for other in facts.calls_on(site.receiver_key):
        if other.method == "setsockopt" and (other.scope is site.scope or (
                site.scope.cls is not None and other.scope.cls is site.scope.cls)):
            option = other.positional(1)
            if option is not None and mentions(option, ("SO_SNDBUF",)):
                return False
    return True


def _read_of_ready_stream(facts, site):
    """A read of a stream socket reached only right after a readiness wait reported that
    socket readable (``Facts.read_reported_ready``): the kernel holds data, a FIN or an
    error for it, so the read returns or raises that error, never EAGAIN. Datagram sockets
    stay reported (Linux reports a UDP socket readable for a datagram with a bad checksum,
    which the read drops before raising BlockingIOError), but for ICMP ping sockets
    (``SOCK_DGRAM`` with ``IPPROTO_ICMP``/``IPPROTO_ICMPV6``), whose replies are checked
    before they are queued. A socket whose type is not in
    sight (a parameter, an attribute set elsewhere) counts as a stream when it is read with
    ``recv()`` or ``recv_into()``, the reads of a connected stream, and nothing says it is
    a datagram socket; ``recvfrom()``, the datagram read, keeps it reported. A read callback
    of the socket (``loop.add_reader(self.x, self.on_read)``: ``read_in_reader_callback``)
    is such a read too."""
    if site.method not in _READS:
        return False
    kind = facts.constructed_kind(site)[1]
    if kind is None and (site.method not in ("recv", "recv_into")
                         or facts.socket_confidence(site).datagram):
        return False
    if kind == "dgram" and (facts.constructed_protocols(site) or {"UDP"}) <= _ICMP:
        kind = "icmp"  # a ping socket: the kernel checks each reply before queueing it
    return kind in ("stream", "icmp", None) and (
        facts.read_reported_ready(site) or facts.read_in_reader_callback(site)
        or facts.after_async_wait(site, "read"))


# ICMP "ping" sockets (SOCK_DGRAM with these protocols): Linux's icmp_rcv() and icmpv6_rcv()
# validate the checksum before ping_rcv() queues a reply, and ping_recvmsg() drops nothing,
# so a socket reported readable holds one. (Raw sockets are not: rawv6_recvmsg() drops an
# ICMPv6 packet with a bad checksum and fails with EAGAIN, as udp_recvmsg() does.)
_ICMP = frozenset({"IPPROTO_ICMP", "IPPROTO_ICMPV6"})


def _accept_of_ready_local_listener(facts, site):
    """``accept()`` on an AF_UNIX listener, reached only right after a readiness wait in the
    same function reported that listener readable (``Facts.read_reported_ready``): a local
    connection waiting in the queue is never withdrawn (no reset in transit; a client that
    closes first still leaves its connection to be accepted, and its reads then give end of
    file), so with one acceptor the accept finds it. TCP listeners stay reported: the BSDs
    and macOS drop a queued connection the client resets; unless the function connects its
    only client itself (``self_connected_listener``: a socketpair emulation), which resets
    nothing before the accept; or a listener bound only to loopback (``loopback_listener``,
    as SCK501 reads it: only a local program that aborts on purpose resets a queued
    connection); or code that runs on Linux alone (``Facts.platforms``), whose TCP keeps a
    connection reset while queued in the queue and hands it to ``accept()``."""
    return site.method == "accept" and facts.read_reported_ready(site) and (
        facts.constructed_kind(site)[0] == "unix" or self_connected_listener(facts, site)
        or loopback_listener(facts, site) or facts.platforms(site.node) <= {LINUX})


def _write_of_writable_stream(facts, site):
    """A ``send()`` of a stream socket in its write callback (``loop.add_writer(self.x,
    self.on_write)``: ``Facts.write_in_writer_callback``): the event loop runs it when the
    socket is writable, which for a stream socket means room in its send buffer (Linux:
    a third of the buffer free; the BSDs and macOS: ``SO_SNDLOWAT``, 2 KiB), so the send
    copies what fits and returns that count instead of raising EAGAIN. The type counts as
    for a read (``_read_of_ready_stream``): ``send()`` on a socket whose type is not in
    sight and that nothing makes a datagram socket; ``sendmsg()`` only on a socket made
    as a stream in sight; ``sendto()`` stays reported, and so do datagram sockets, whose
    writability promises no room for a datagram of any size. The first send after
    ``await anyio.wait_socket_writable(sock)`` (``Facts.after_async_wait``) is such a
    send too."""
    if site.method not in ("send", "sendmsg"):
        return False
    kind = facts.constructed_kind(site)[1]
    if kind is None and (site.method != "send" or facts.socket_confidence(site).datagram):
        return False
    return kind in ("stream", None) and (facts.write_in_writer_callback(site)
                                         or facts.after_async_wait(site, "write"))


def check(facts, report):
    if facts.test_code:
        return  # the exception fails the test that made the call: the page says why
    for site in facts.calls:
        method = site.method
        if method is None or site.receiver_key is None:
            continue
        if method not in _PLAIN_CALLS and method not in _SSL_READS | _SSL_WRITES:
            continue
        info = facts.socket_confidence(site)
        if info.confidence not in (KNOWN, LIKELY):
            continue
        if _zero_length(site):
            continue  # recv(0) / recv_into(bytearray()) return at once, no system call
        if method in _WRITES and facts.settings.target_version >= (3, 0) and \
                facts.text_payload(site, site.positional(0)):
            continue  # a str: TypeError on Python 3 before anything is written
        if site.role == "return" and site.direct and site.state == ENTRY:
            # `return self.sock.send(data)` on a socket made non-blocking elsewhere: a thin
            # wrapper whose caller handles EAGAIN, out of sight.
            continue
        if facts.expected_to_raise(site):
            continue  # a test that the call fails: it decides what the call may raise
        state = facts.state(site)
        # SO_RCVTIMEO makes receives fail with EAGAIN, SO_SNDTIMEO sends; neither touches
        # the other direction (nor accept); an option set on one branch only is unknown.
        timeo = (site.timeo in ("recv", "both") and method in _READS) or (
            site.timeo in ("send", "both") and method in _WRITES)
        if state != NONBLOCKING and not timeo:
            continue
        if info.ssl:
            if method not in _SSL_READS | _SSL_WRITES:
                continue
            exc = "ssl.SSLWantWriteError" if method in _SSL_WRITES else "ssl.SSLWantReadError"
            wanted = {"SSL_ERROR_WANT_READ", "SSL_ERROR_WANT_WRITE"}
            errno = "SSL_ERROR_WANT_WRITE" if method in _SSL_WRITES else "SSL_ERROR_WANT_READ"
            if not _guarded(facts, site, exc, errno, wanted):
                report(site.node, "SCK203", call=f".{method}()",
                       exc=exc.rpartition(".")[2])
            continue
        if method not in _PLAIN_CALLS:
            continue
        if _single_datagram_send(facts, site):
            continue
        if _read_of_ready_stream(facts, site) or _write_of_writable_stream(facts, site) or \
                _accept_of_ready_local_listener(facts, site):
            continue
        if early_write_of_connected_socket(facts, site):
            continue
        if not _guarded(facts, site, "BlockingIOError", "EAGAIN", {"EAGAIN"}):
            why = "non-blocking" if state == NONBLOCKING else "SO_RCVTIMEO/SO_SNDTIMEO"
            report(site.node, "SCK201", call=f".{method}()", why=why)


def gate(evidence):
    return evidence.socket_call(_PLAIN_CALLS | _SSL_READS | _SSL_WRITES)


CHECKS = {  # code -> (check, gate): see Rule in rules/__init__.py
    "SCK201": (check, gate),
    "SCK203": (check, gate),
}

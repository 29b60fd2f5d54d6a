"""SCK901 errno-literal, SCK902 timeout-by-errno and SCK903 exception-indexed."""

import errno as _errno
import os

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.facts import BLOCKING, KNOWN, LIKELY, RAISE, TIMEOUT
from lint_sockets.analysis.platforms import BSD, LINUX, WINDOWS
from lint_sockets.analysis.nodes import (
    EQUALITY_OPERATORS, bound_keys, called_name, contains, flat_elements, int_value,
    iter_children, key_of, mentions, walk,
)
from lint_sockets.rules.fixutil import SAFE, FixSpec, import_edit, module_alias, name_is_free

_TIMED_CALLS = tables.PEER_WAIT_METHODS | tables.FILE_READ_METHODS | {"write"}


def _non_errno_handler(handler):
    """A handler whose exception's errno/args[0] is not an errno: SSL error codes, EAI_*."""
    if handler is None or handler.bare or not handler.types:
        return False
    return all(t.startswith("ssl.") or t in ("socket.gaierror", "socket.herror")
               for t in handler.types)


def _is_winerror(node):
    """``e.winerror`` holds Windows' own error code, Windows-only by definition."""
    return isinstance(node, cst.Attribute) and node.attr.value == "winerror"


def _numbers(node):
    """Integer literals in a comparison side: ``104``, ``(11, 115)``, ``{EAGAIN, 35}``."""
    for leaf in flat_elements(node):
        if int_value(leaf) is not None and isinstance(leaf, (cst.Integer, cst.UnaryOperation)):
            yield leaf


def _windows_extra(facts, sides, errno_sides, literal, number):
    """A Winsock number next to another spelling of the same error in the same test
    (``e.errno in (errno.EWOULDBLOCK, 10035)``, ``(98, 10048)``, ``e.errno != 98 and e.errno
    != 10048``): no other platform reports the number, and on Windows it equals what the
    other spelling covers elsewhere, so it is never the comparison's defect. WSAENOTSOCK
    (10038) is also Windows' spelling of EBADF for a socket already closed."""
    name = tables.WINDOWS_ERRNO_NAMES.get(number)
    if name is None:
        return False
    wanted = {tables.canonical_errno(name)} | tables.WINDOWS_ALSO_MEANS.get(number, set())
    for element in _beside(sides, errno_sides, literal):
        other = int_value(element)
        if other is not None:
            if other in tables.WINDOWS_ERRNO_NAMES:
                continue  # another Winsock number covers no other platform
            names = {tables.canonical_errno(n) for n in (
                tables.LINUX_ERRNO_NAMES.get(other), tables.errno_for_number(other)) if n}
        else:
            names = facts.errno_set(element)
        if names and wanted & names:
            return True
    return False


def _beside(sides, errno_sides, literal):
    """The elements of the test's sides that are not the errno, other than ``literal``."""
    for side in sides:
        if side in errno_sides:
            continue
        for element in flat_elements(side):
            if element is not literal:
                yield element


def _meanings(number, windows=True):
    """The canonical errno names ``number`` has on Linux, on macOS/BSD and (``windows``) in
    Winsock."""
    tables_ = (tables.LINUX_ERRNO_NAMES, tables.BSD_ERRNO_NAMES) + (
        (tables.WINDOWS_ERRNO_NAMES,) if windows else ())
    return {tables.canonical_errno(name) for name in (t.get(number) for t in tables_) if name}


def _named_alongside(facts, sides, errno_sides, literal, number):
    """The number's error on Linux or on macOS/BSD is also named by an ``errno`` constant
    in the same test (``e.errno in (errno.EAGAIN, 35)``, ``e.errno == errno.ECONNRESET or
    e.errno == 104``): the constant catches that error on every platform, so the number
    never decides whether the handler runs for it."""
    meanings = _meanings(number, windows=False)
    if not meanings:
        return False
    for element in _beside(sides, errno_sides, literal):
        if int_value(element) is None:
            names = facts.errno_set(element)
            if names and meanings & names:
                return True
    return False


# The errno names Python's errno module takes from Winsock on Windows (``errno.ECONNRESET``
# is 10054 there); ``EAGAIN`` is not among them and keeps the C runtime's 11.
_WINSOCK_NAMED = frozenset(tables.WINDOWS_ERRNO_NAMES.values())


def _family_pair(sides, errno_sides, literal, number):
    """Another number in the same test is the same error's number on the other family, and
    the error's constant is no better on Windows: ``e.errno in (11, 35)`` lists EAGAIN as
    Linux numbers it (11) and as macOS and the BSDs do (35). The pair catches it on both,
    as ``errno.EAGAIN`` would, which matches no Winsock error either (Winsock's is
    WSAEWOULDBLOCK, 10035); each number's meaning on the other family (EDEADLK) is no
    error a socket call gives. ``(104, 54)`` stays reported: ``errno.ECONNRESET`` is 10054
    on Windows, which the numbers miss; ``(104, 54, 10054)`` is not, nor any test that
    holds one error's number on each of Linux, macOS/BSD and Windows."""
    numbers = {int_value(element) for element in _beside(sides, errno_sides, literal)}
    numbers.discard(None)
    for other in numbers - {number}:
        for linux, bsd in ((number, other), (other, number)):
            name = tables.LINUX_ERRNO_NAMES.get(linux)
            bsd_name = tables.BSD_ERRNO_NAMES.get(bsd)
            if name and bsd_name and name not in _WINSOCK_NAMED and \
                    tables.canonical_errno(name) == tables.canonical_errno(bsd_name):
                return True
    numbers.add(number)
    # every family's number of one error: Linux's, macOS/BSD's and Winsock's (``(49, 99,
    # 10049)``, EADDRNOTAVAIL on each): the test catches it wherever the code runs
    for table in (tables.LINUX_ERRNO_NAMES, tables.BSD_ERRNO_NAMES,
                  tables.WINDOWS_ERRNO_NAMES):
        name = table.get(number)
        if name is None:
            continue
        canonical = tables.canonical_errno(name)
        if all(any(tables.canonical_errno(family.get(n, "")) == canonical for n in numbers)
               for family in (tables.LINUX_ERRNO_NAMES, tables.BSD_ERRNO_NAMES,
                              tables.WINDOWS_ERRNO_NAMES)):
            return True
    return False


def _chained_sides(facts, scope, comparison, errno_sides):
    """The other sides of the comparisons joined to this one by ``and``/``or`` that test the
    same errno expression (``e.errno != 98 and e.errno != 10048``)."""
    keys = {key_of(side) for side in errno_sides} - {None}
    if not keys:
        return []
    chains = facts.memo(f"901.chains:{id(scope.node)}", lambda: _boolean_chains(scope.node))
    extra = []
    for other in chains.get(id(comparison), ()):
        if other is comparison or not all(isinstance(t.operator, EQUALITY_OPERATORS)
                                          for t in other.comparisons):
            continue
        other_sides = [other.left] + [t.comparator for t in other.comparisons]
        if any(key_of(side) in keys for side in other_sides):
            extra.extend(side for side in other_sides if key_of(side) not in keys)
    return extra


# The errnos only a call on a non-blocking socket (or one with SO_RCVTIMEO/SO_SNDTIMEO)
# reports: "not now" answers.
_WOULD_BLOCK = frozenset({"EAGAIN", "EWOULDBLOCK", "EINPROGRESS", "EALREADY"})


def _would_block_only(number):
    """On every platform the number is a "not now" errno or an errno socket calls never
    report (35: EAGAIN on macOS, EDEADLK on Linux; 115: EINPROGRESS on Linux)."""
    meanings = _meanings(number)
    return bool(meanings & _WOULD_BLOCK) and all(
        m in _WOULD_BLOCK or m not in NETWORK_ERRNOS for m in meanings)


def _taken_earlier(handler, number):
    """On every system, the socket errno the number names is raised as an exception class
    that an earlier clause of the same ``try`` catches (11 is EAGAIN on Linux, raised as
    BlockingIOError, after ``except BlockingIOError:``; on macOS 11 is EDEADLK, which no
    socket call reports): the error the comparison means never reaches this clause."""
    earlier = handler.earlier()
    meanings = _meanings(number) & NETWORK_ERRNOS
    return bool(earlier) and bool(meanings) and all(
        m in tables.EXCEPTION_FOR_ERRNO
        and any(h.catches(tables.EXCEPTION_FOR_ERRNO[m]) for h in earlier) for m in meanings)


def _calls_never_would_block(facts, handler):
    """Every socket call of the handler's ``try`` body is on a socket that is blocking or
    in timeout mode there, with no SO_RCVTIMEO/SO_SNDTIMEO: such calls wait (CPython waits
    for a timeout-mode connect itself and raises TimeoutError), so they never fail with
    EAGAIN, EINPROGRESS or EALREADY."""
    seen = False
    for site in _try_socket_calls(facts, handler):
        if site.method is None or site.method in ("select", "poll"):
            continue
        if facts.socket_confidence(site).confidence not in (KNOWN, LIKELY):
            continue
        if facts.state(site) not in (BLOCKING, TIMEOUT) or site.timeo is not None:
            return False
        seen = True
    return seen


def _text_alongside(facts, scope, comparison, errno_sides, number):
    """A Winsock number joined by ``and``/``or`` to a test of the same exception's message
    for the text of the same error (``e.errno == 10048 or "already in use" in
    str(e).lower()``): elsewhere the text decides, and no other platform reports the
    number. The text must be part of the error's message on Linux (``os.strerror``)."""
    name = tables.WINDOWS_ERRNO_NAMES.get(number)
    value = getattr(_errno, tables.canonical_errno(name), None) if name else None
    if value is None:
        return False
    message = os.strerror(value).lower()
    owners = set()  # the exception: ``e`` of ``e.errno`` / ``e.args[0]``
    for side in errno_sides:
        inner = side.value if isinstance(side, cst.Subscript) else side
        if isinstance(inner, cst.Attribute):
            owners.add(key_of(inner.value))
    owners.discard(None)
    chains = facts.memo(f"901.chains:{id(scope.node)}", lambda: _boolean_chains(scope.node))
    for other in chains.get(id(comparison), ()):
        if other is comparison or len(other.comparisons) != 1 or not isinstance(
                other.comparisons[0].operator, (cst.In, cst.NotIn)):
            continue
        text = other.left.evaluated_value if isinstance(other.left, cst.SimpleString) \
            else None
        if not isinstance(text, str) or len(text.strip()) < 4 or \
                text.strip().lower() not in message:
            continue
        target = other.comparisons[0].comparator
        if isinstance(target, cst.Call) and isinstance(target.func, cst.Attribute) and \
                target.func.attr.value == "lower" and not target.args:
            target = target.func.value  # ``str(e).lower()``
        if isinstance(target, cst.Call) and isinstance(target.func, cst.Name) and \
                target.func.value in ("str", "repr") and len(target.args) == 1 and \
                key_of(target.args[0].value) in owners:
            return True
    return False


def _boolean_chains(root):
    """id of each comparison -> the comparisons of the ``and``/``or`` chain it is part of."""
    chains = {}
    stack = [(root, False)]
    while stack:
        node, inside = stack.pop()
        if isinstance(node, cst.BooleanOperation) and not inside:
            members = []
            operands = [node]
            while operands:
                operand = operands.pop()
                if isinstance(operand, cst.BooleanOperation):
                    operands.extend((operand.left, operand.right))
                elif isinstance(operand, cst.Comparison):
                    members.append(operand)
            for member in members:
                chains[id(member)] = members
        nested = isinstance(node, cst.BooleanOperation)
        stack.extend((child, nested) for child in iter_children(node))
    return chains


def errno_name_for(number):
    if number in tables.LINUX_ERRNO_NAMES:
        return tables.LINUX_ERRNO_NAMES[number], "on Linux"
    if number in tables.WINDOWS_ERRNO_NAMES:
        return tables.WINDOWS_ERRNO_NAMES[number], "on Windows"
    return None, None


# Errnos that socket code meets; other numbers count only next to socket calls.
NETWORK_ERRNOS = frozenset({
    "EAGAIN", "EWOULDBLOCK", "EINPROGRESS", "EALREADY", "EINTR", "ECONNABORTED", "ECONNRESET",
    "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "ESHUTDOWN", "ENOTCONN", "EISCONN", "EADDRINUSE",
    "EADDRNOTAVAIL", "ENETDOWN", "ENETUNREACH", "ENETRESET", "EHOSTDOWN", "EHOSTUNREACH",
    "ENOBUFS", "EMFILE", "ENFILE", "EPROTO", "ENOTSOCK", "EMSGSIZE", "EPROTONOSUPPORT",
    "EAFNOSUPPORT", "EOPNOTSUPP", "ENOPROTOOPT", "EDESTADDRREQ", "EPROTOTYPE",
})
# The errnos of Version 7 Unix, 1 (EPERM) to 34 (ERANGE), have kept their numbers on Linux (every
# architecture: asm-generic/errno-base.h), macOS, the BSDs and Windows' C runtime, with one
# exception: 11 is EAGAIN on Linux and Windows but EDEADLK on macOS, the BSDs and Linux/Alpha
# (EAGAIN is 35 there). A comparison with one of these numbers means the same errno wherever
# the code runs.
SAME_EVERYWHERE = frozenset(range(1, 35)) - {11}
_SOCKET_CALLS = tables.PEER_WAIT_METHODS | {
    "connect_ex", "bind", "listen", "shutdown", "select", "poll", "getsockopt", "setsockopt",
    "do_handshake", "create_connection", "getpeername"}  # ENOTCONN once the peer is gone


# The numbers each family of systems gives its errnos: a number compared only where the code
# runs on that family means what that family says.
_NUMBERS_OF = {
    WINDOWS: set(tables.WINDOWS_ERRNO_NAMES) | set(SAME_EVERYWHERE),
    LINUX: set(tables.LINUX_ERRNO_NAMES),
    BSD: set(tables.BSD_ERRNO_NAMES) | set(SAME_EVERYWHERE),
}


def _right_where_it_runs(facts, literal, number):
    """The comparison runs only on systems that all give ``number`` to an errno: a
    Winsock number under ``if sys.platform == "win32":``, 104 in a module that leaves
    anything but Linux with ``if not sys.platform.startswith("linux"): raise ...``."""
    families = facts.platforms(literal)
    return all(number in _NUMBERS_OF.get(family, ()) for family in families)


def _socket_try_body(facts, handler):
    """The handler's try body calls socket or readiness APIs: a module function
    (``select.select``, ``socket.create_connection``), or a method of something that may be
    a socket (not ``writer.send(("exit", None))`` on a pipe end)."""
    for site in _try_socket_calls(facts, handler):
        module = (site.qname or "").partition(".")[0]
        if site.method is None or site.method in ("select", "poll") \
                or module in ("socket", "select", "ssl") \
                or facts.socket_confidence(site).confidence in (KNOWN, LIKELY):
            return True
    return False


def _try_socket_calls(facts, handler):
    """The calls of the handler's ``try`` body named like socket or readiness APIs
    (``_SOCKET_CALLS``: ``sock.recv(n)``, ``select.select(...)``), whatever they are
    called on."""
    frame = handler.try_frame
    for site in facts.calls:
        if frame in site.guards and (
                site.method or (site.qname or "").rpartition(".")[2]) in _SOCKET_CALLS:
            yield site


def _only_reports(facts, scope, comparison):
    """The comparison is the test of an ``if``, or a part of it joined by ``and``, ``or`` or
    ``not`` (``if first and err not in (0, 115):``), whose body, and ``else`` if it has
    one, only print, log or pass (``if e.errno == 101: print("Network is unreachable")``,
    ``if e.errno in (64, 113): pass else: log.exception(...)``): the number decides a
    message, not what the program does next."""
    def compute():
        stack = [scope.node]
        while stack:
            node = stack.pop()
            if isinstance(node, cst.IndentedBlock):
                for position, stmt in enumerate(node.body):
                    if isinstance(stmt, cst.If) and _in_test(stmt.test, comparison):
                        return _decides_message(stmt, node.body[position + 1:]) or \
                            _chain_reports(stmt)
                    if isinstance(stmt, cst.If) and _in_chain(stmt, comparison):
                        return _chain_reports(stmt)
            if isinstance(node, cst.If) and _in_test(node.test, comparison):
                return _decides_message(node, None)
            stack.extend(iter_children(node))
        return False
    return facts.memo(f"901.reports:{id(comparison)}", compute)


def _in_chain(stmt, comparison):
    """``comparison`` is in the test of one of the ``elif`` branches of the ``if`` ``stmt``."""
    other = stmt.orelse
    while isinstance(other, cst.If):
        if _in_test(other.test, comparison):
            return True
        other = other.orelse
    return False


def _chain_reports(stmt):
    """Every branch of the ``if``/``elif`` chain ``stmt`` (its ``else`` too, if it has one)
    only prints, logs or passes: whichever test holds, the program goes on the same way."""
    node = stmt
    while True:
        if not _reports_only(node.body):
            return False
        other = node.orelse
        if other is None:
            return True
        if isinstance(other, cst.Else):
            return _reports_only(other.body)
        node = other


def _in_test(test, comparison):
    """``comparison`` is ``test`` or one of the parts ``and``, ``or`` and ``not`` join in it."""
    while isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        test = test.expression
    if isinstance(test, cst.BooleanOperation):
        return _in_test(test.left, comparison) or _in_test(test.right, comparison)
    return test is comparison


def _decides_message(node, after):
    """The ``if`` only reports, or (with ``after``, the statements that follow it in its
    block) reports and then ends the way the code after it ends: ``if e.errno == 98:
    print("in use"); return False`` followed by ``print("failed"); return False``."""
    other = node.orelse
    if _reports_only(node.body) and (
            other is None or (isinstance(other, cst.Else) and _reports_only(other.body))):
        return True
    if isinstance(other, cst.Else) and _alike_but_reports(node.body, other.body):
        return True  # both branches do the same, one of them also reports
    if other is not None or not after:
        return False
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else [node.body]
    ending = _reported_ending(body)
    return ending is not None and ending.deep_equals(_reported_ending(after) or cst.Pass())


def _alike_but_reports(one, other):
    """The two blocks run the same statements once those that only print, log or pass are
    left out of each (``tryReceiveMore = False; peer.lost(self)`` in both, and
    ``logger.error(...)`` in one): which of them runs decides a message alone."""
    def kept(block):
        body = block.body if isinstance(block, cst.IndentedBlock) else [block]
        return [_statement_code(stmt) for stmt in body if not _statements_report([stmt])]
    left = kept(one)
    return bool(left) and left == kept(other)


_EMPTY_MODULE = cst.Module(body=[])


def _statement_code(stmt):
    """A statement's code, without the blank or comment lines before it and the comment
    after it."""
    if isinstance(stmt, cst.SimpleStatementLine):
        stmt = stmt.with_changes(leading_lines=(), trailing_whitespace=cst.TrailingWhitespace())
    elif hasattr(stmt, "leading_lines"):
        stmt = stmt.with_changes(leading_lines=())
    return _EMPTY_MODULE.code_for_node(stmt)


def _reported_ending(statements):
    """The ``return``/``raise`` statement that ends ``statements`` when everything before it
    only reports; None otherwise."""
    if not statements:
        return None
    last = statements[-1]
    if not isinstance(last, cst.SimpleStatementLine) or len(last.body) != 1 or \
            not isinstance(last.body[0], (cst.Return, cst.Raise)):
        return None
    if not _statements_report(statements[:-1]):
        return None
    return last.body[0]


def _reports_only(block):
    return _statements_report(block.body if isinstance(block, cst.IndentedBlock) else [block])


def _statements_report(statements):
    """Every statement only prints, logs or passes (none at all: true)."""
    for stmt in statements:
        smalls = stmt.body if isinstance(stmt, (cst.SimpleStatementLine,
                                                cst.SimpleStatementSuite)) else None
        if not smalls:
            return False
        for small in smalls:
            if isinstance(small, cst.Pass):
                continue
            call = small.value if isinstance(small, cst.Expr) else None
            if not isinstance(call, cst.Call) or called_name(call) not in tables.REPORTING_CALLS:
                return False
    return True


def check_literal(facts, report):
    for comparison, scope, handler in facts.comparisons:
        if not all(isinstance(t.operator, EQUALITY_OPERATORS) for t in comparison.comparisons):
            continue
        if handler is not None and handler.shadowed():
            continue  # an earlier clause of the ``try`` takes every error: this one never runs
        context = handler
        if handler is not None and (_non_errno_handler(handler)
                                    or not handler.catches("OSError")):
            context = None  # its errno / args[0] is not an errno
        sides = [comparison.left] + [t.comparator for t in comparison.comparisons]
        errno_sides = [s for s in sides if facts.is_errno_expression(s, scope, context)
                       and not _is_winerror(s)]
        if not errno_sides:
            continue
        indexed = {id(subscript) for _, subscript in _indexed(facts)}
        if all(id(side) in indexed for side in errno_sides):
            continue  # ``e[0]`` raises TypeError first: the number is never compared (SCK903)
        # connect_ex() / SO_ERROR results are socket errnos by construction
        from_call = any(facts.is_errno_expression(s, scope, None) for s in errno_sides)
        near_sockets = from_call or (context is not None and _socket_try_body(facts, context))
        for side in sides:
            if side in errno_sides:
                continue
            for literal in _numbers(side):
                number = int_value(literal)
                if not number or number < 0 or number in tables.WINSOCK_WITHOUT_CONSTANT:
                    # 0 is success; -1 is "no errno"; WSAEINVAL and the like have no errno
                    # constant on any platform, so they are written as numbers on purpose.
                    continue
                if number in SAME_EVERYWHERE:
                    continue  # EINTR is 4 everywhere: no platform gets it wrong
                if _windows_extra(facts, sides, errno_sides, literal, number) or (
                        number in tables.WINDOWS_ERRNO_NAMES and _windows_extra(
                            facts, _chained_sides(facts, scope, comparison, errno_sides),
                            (), literal, number)):
                    continue
                if _family_pair(sides, errno_sides, literal, number) or _family_pair(
                        _chained_sides(facts, scope, comparison, errno_sides), (), literal,
                        number):
                    continue
                if _named_alongside(facts, sides, errno_sides, literal, number) or \
                        _named_alongside(facts, _chained_sides(
                            facts, scope, comparison, errno_sides), (), literal, number):
                    continue
                if context is not None and _would_block_only(number) and \
                        _calls_never_would_block(facts, context):
                    continue
                if handler is not None and _taken_earlier(handler, number):
                    continue
                if number in tables.WINDOWS_ERRNO_NAMES and _text_alongside(
                        facts, scope, comparison, errno_sides, number):
                    continue
                if _right_where_it_runs(facts, literal, number):
                    continue
                name, where = errno_name_for(number)
                if not near_sockets and name not in NETWORK_ERRNOS:
                    continue
                if _only_reports(facts, scope, comparison):
                    continue
                meaning = f" ({name} {where})" if name else ""
                report(literal, "SCK901", fix=_fix(facts, literal, number), number=number,
                       meaning=meaning)


def _fix(facts, literal, number):
    """The number -> errno.NAME, only where the number means one socket errno: a Linux
    socket errno (macOS numbers for socket errnos are other Linux errnos, so they are
    left alone) or a Winsock number Python's errno module names the same way."""
    name = tables.WINDOWS_ERRNO_NAMES.get(number)
    if name is None:
        name = tables.LINUX_ERRNO_NAMES.get(number)
        if name not in NETWORK_ERRNOS:
            return None
    message = f"Replace {number} with `errno.{name}`"
    if facts.imports.qualify_key(name) == f"errno.{name}":
        return FixSpec(SAFE, message, lambda: [
            (literal, cst.Name(name, lpar=literal.lpar, rpar=literal.rpar))
        ])
    alias = module_alias(facts, "errno")
    if alias is not None:
        return FixSpec(SAFE, message, lambda: [
            (literal, cst.Attribute(value=cst.Name(alias), attr=cst.Name(name),
                                    lpar=literal.lpar, rpar=literal.rpar))
        ])
    if not name_is_free(facts, "errno"):
        return None
    return FixSpec(SAFE, message + " and add `import errno`", lambda: [
        (literal, cst.Attribute(value=cst.Name("errno"), attr=cst.Name(name),
                                lpar=literal.lpar, rpar=literal.rpar)),
        import_edit(facts, "import errno"),
    ])


def _timed_frames(facts):
    """ids of the try frames around a call that can time out: on a socket with a timeout,
    or create_connection with one."""
    frames = set()
    for site in facts.calls:
        if not site.guards:
            continue
        if (site.method in _TIMED_CALLS and site.receiver_key is not None
                and facts.state(site) == TIMEOUT) or (
                site.qname == "socket.create_connection"
                and site.argument(1, "timeout") is not None):
            frames.update(id(frame) for frame in site.guards)
    return frames


def check_timeout_errno(facts, report):
    timed_frames = None
    for handler in facts.handlers:
        if not handler.catches("TimeoutError") or _non_errno_handler(handler):
            continue
        if any(other.catches("TimeoutError") for other in handler.earlier()):
            continue  # an earlier clause takes Python's timeouts: ETIMEDOUT here is the kernel's
        if timed_frames is None:
            timed_frames = _timed_frames(facts)
        if id(handler.try_frame) not in timed_frames:
            continue
        cleared = _not_timeout_branches(facts, handler)
        for comparison in facts.errno_comparisons(handler.node.body, "ETIMEDOUT"):
            if any(contains(branch, comparison) for branch in cleared):
                continue  # ``if not isinstance(e, socket.timeout):``: the kernel's ETIMEDOUT
            sides = [comparison.left] + [t.comparator for t in comparison.comparisons]
            if any(facts.is_errno_expression(side, handler_scope(facts, handler), handler)
                   for side in sides):
                report(comparison, "SCK902")


def _not_timeout_branches(facts, handler):
    """The blocks of the handler that run only when the exception it bound is not Python's
    timeout: the body of ``if not isinstance(e, socket.timeout):``, the ``else`` of ``if
    isinstance(e, TimeoutError):`` (classes read as ``except`` clauses read them)."""
    name = handler.name
    found = []
    if name is None:
        return found
    flags = _timeout_flags(facts, handler.node.body, name)
    stack = [handler.node.body]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, cst.If):
            test, negated = node.test, False
            if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
                test, negated = test.expression, True
            if _timeout_instance_test(facts, test, name) or (
                    isinstance(test, cst.Name) and test.value in flags):
                if negated:
                    found.append(node.body)
                elif node.orelse is not None:
                    found.append(node.orelse)
        stack.extend(iter_children(node))
    return found


def _timeout_flags(facts, body, name):
    """Local names the handler binds once, by a plain assignment, to such a test
    (``fast = isinstance(e, (ConnectionResetError, TimeoutError))``), and binds nowhere
    else but inside the blocks of an ``if`` that tests the name, which run after its test:
    ``if not fast:`` then runs only when the exception is not Python's timeout."""
    assigned, bound = set(), {}
    stack = [(body, frozenset())]
    while stack:
        node, tested = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, cst.If):
            test = _unnegated(node.test)
            if isinstance(test, cst.Name):
                # what its blocks bind of the name it tests comes after the test
                inner = tested | {test.value}
                stack.extend((child, inner) for child in iter_children(node))
                continue
        if isinstance(node, cst.Assign) and len(node.targets) == 1 and \
                isinstance(node.targets[0].target, cst.Name) and \
                _timeout_instance_test(facts, node.value, name):
            assigned.add(node.targets[0].target.value)
        for key in bound_keys(node):
            if key not in tested:
                bound[key] = bound.get(key, 0) + 1
        stack.extend((child, tested) for child in iter_children(node))
    return {flag for flag in assigned if bound.get(flag) == 1}


def _unnegated(test):
    while isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        test = test.expression
    return test


def _timeout_instance_test(facts, test, name):
    """``isinstance(name, socket.timeout)`` (or ``TimeoutError``, alone or in a tuple)."""
    if not isinstance(test, cst.Call) or facts.imports.qualify(test.func) != "isinstance" or \
            len(test.args) != 2 or key_of(test.args[0].value) != name:
        return False
    classes = test.args[1].value
    elements = [e.value for e in classes.elements] if isinstance(classes, cst.Tuple) \
        else [classes]
    return any(tables.canonical_exception(facts.imports.qualify(e) or "") == "TimeoutError"
               for e in elements)


def handler_scope(facts, handler):
    for _, scope, owner in facts.comparisons:
        if owner is handler:
            return scope
    return facts.module_scope


def _os_error_handler(handler):
    """The clause catches OSError through classes lint-sockets knows (OSError, socket.error,
    IOError, ConnectionError, ...): none of them can be indexed on Python 3."""
    if handler.bare or handler.name is None or not handler.types:
        return False
    if not all(tables.exception_ancestors(t) for t in handler.types):
        return False  # a class of the project's own may define __getitem__
    return any("OSError" in tables.exception_ancestors(t) for t in handler.types)


def _indexing(facts, body, name):
    """``name[...]`` subscripts in a handler body that can run on Python 3: outside nested
    functions and lambdas, outside a branch that only runs when ``name`` is not an OSError
    (``if isinstance(e, OSError): e.errno else: e[0]``, ``if hasattr(e, "errno")``), and
    outside a ``try`` that catches the TypeError itself."""
    found = []
    stack = [body]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, cst.If):
            live = _py3_branch(facts, node.test, name)
            stack.append(node.test)
            if live is not False:
                stack.append(node.body)
            if live is not True and node.orelse is not None:
                stack.append(node.orelse)
            continue
        if isinstance(node, cst.IfExp):
            live = _py3_branch(facts, node.test, name)
            stack.append(node.test)
            if live is not False:
                stack.append(node.body)
            if live is not True:
                stack.append(node.orelse)
            continue
        if isinstance(node, cst.Try) and any(
                h.type is None or _catches_type_error(facts, h.type) for h in node.handlers):
            stack.extend(h for h in node.handlers)
            if node.orelse is not None:
                stack.append(node.orelse)
            if node.finalbody is not None:
                stack.append(node.finalbody)
            continue  # the body's TypeError is caught: deliberate Python 2 compatibility
        if isinstance(node, cst.Subscript) and isinstance(node.value, cst.Name) \
                and node.value.value == name:
            found.append(node)
        stack.extend(reversed(list(iter_children(node))))
    return found


def _catches_type_error(facts, type_node):
    elements = type_node.elements if isinstance(type_node, cst.Tuple) else [type_node]
    for element in elements:
        value = element.value if isinstance(element, cst.Element) else element
        qname = facts.imports.qualify(value)
        if qname and "TypeError" in tables.exception_ancestors(qname) + [qname]:
            return True
    return False


def _py3_branch(facts, test, name):
    """True when ``test`` always holds for an OSError bound to ``name`` on Python 3, False
    when it never does, None when it cannot be told."""
    negate = False
    while isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        negate = not negate
        test = test.expression
    version = facts.on_python3(test)
    if version is not None:
        return version != negate
    if not isinstance(test, cst.Call) or len(test.args) != 2 or \
            key_of(test.args[0].value) != name:
        return None
    func = key_of(test.func)
    second = test.args[1].value
    if func == "hasattr" and isinstance(second, cst.SimpleString) and \
            second.evaluated_value in ("errno", "strerror", "args"):
        result = True
    elif func == "isinstance":
        elements = second.elements if isinstance(second, cst.Tuple) else [second]
        classes = []
        for element in elements:
            value = element.value if isinstance(element, cst.Element) else element
            classes.append(tables.canonical_exception(facts.imports.qualify(value) or ""))
        if not any(c in ("OSError", "EnvironmentError", "IOError", "socket.error",
                         "select.error", "Exception", "BaseException") for c in classes):
            return None
        result = True
    else:
        return None
    return result != negate


def _rebinds(body, name):
    stack = [body]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.AssignTarget, cst.AugAssign, cst.AnnAssign, cst.For,
                             cst.NamedExpr, cst.WithItem)):
            target = getattr(node, "target", None) or getattr(
                getattr(node, "asname", None), "name", None)
            if target is not None and mentions(target, name):
                return True
        stack.extend(iter_children(node))
    return False


def check_indexed(facts, report):
    for handler, subscript in _indexed(facts):
        report(subscript, "SCK903", fix=_index_fix(subscript), name=handler.name,
               index=_index_text(subscript))


def _indexed(facts):
    """(handler, subscript) of each index of a caught socket error that raises TypeError
    on the target (SCK903), in order; computed once per module."""
    return facts.memo("errnos.indexed", lambda: list(_find_indexed(facts)))


def _find_indexed(facts):
    if facts.settings.target_version < (3, 0):
        return  # Python 2 exceptions can be indexed: ``e[0]`` is ``e.args[0]`` there
    for handler in facts.handlers:
        if not _os_error_handler(handler) or not _socket_try_body(facts, handler):
            continue
        if handler.shadowed():
            continue  # an earlier ``except OSError`` takes every error: this one never runs
        body = handler.node.body
        name = handler.name
        if _rebinds(body, name):
            continue
        subscripts = _indexing(facts, body, name)
        if subscripts and _eintr_test_only(facts, handler, subscripts):
            continue
        for subscript in _first_per_statement(body, subscripts):
            yield handler, subscript


def _first_per_statement(body, subscripts):
    """The subscripts, less those that come after another one in the same statement (a
    small statement, or the test of an ``if``/``while``): ``"err " + e[0] + e[1]`` crashes
    at ``e[0]``, and the rest of the statement never runs, so it is one finding (once the
    first is fixed, the next is reported, and ``--fix`` goes on to a fixed point)."""
    if len(subscripts) < 2:
        return subscripts
    order = {id(s): i for i, s in enumerate(subscripts)}
    later = set()
    for node in walk(body):
        if isinstance(node, cst.BaseSmallStatement):
            part = node
        elif isinstance(node, (cst.If, cst.While)):
            part = node.test
        else:
            continue
        inside = [id(n) for n in walk(part, nested=True) if id(n) in order]
        if len(inside) > 1:
            inside.sort(key=order.__getitem__)
            later.update(inside[1:])
    return [s for s in subscripts if id(s) not in later]


def _eintr_test_only(facts, handler, subscripts):
    """Every index feeds a comparison with EINTR alone (``if e[0] == errno.EINTR:
    continue``), and the handler raises on every path for any other error: the retry of a
    call that Python 3.5 retries itself (PEP 475), so no error the handler was written to
    handle reaches it, and any error that does was going to leave the handler anyway (the
    TypeError carries it as its context)."""
    tests = {}
    for comparison, _scope, owner in facts.comparisons:
        if owner is handler:
            sides = [comparison.left] + [t.comparator for t in comparison.comparisons]
            for side in sides:
                tests[id(side)] = [other for other in sides if other is not side]
    for subscript in subscripts:
        others = tests.get(id(subscript))
        if not others or any(facts.errno_set(other) != {"EINTR"} for other in others):
            return False
    outcome = facts.handler_outcome(handler, "OSError", "ECONNRESET")
    return outcome.all_paths(lambda path: RAISE in path)


def _index_text(subscript):
    element = subscript.slice[0].slice if len(subscript.slice) == 1 else None
    if isinstance(element, cst.Index):
        number = int_value(element.value)
        if number is not None:
            return str(number)
    return "..."


def _index_fix(subscript):
    """``e[0]`` -> ``e.args[0]``: on Python 2, indexing an exception read its args."""
    value = subscript.value

    def build():
        return [(value, cst.Attribute(value=cst.Name(value.value), attr=cst.Name("args"),
                                      lpar=value.lpar, rpar=value.rpar))]

    return FixSpec(SAFE, f"Replace `{value.value}[...]` with `{value.value}.args[...]`", build)


# ---- gates: what the module must hold for each rule to fire ------------------------------

def _literal_gate(evidence):
    """A number compared for equality that is reported somewhere, and an errno expression:
    a number that means no network errno counts only next to socket calls."""
    numbers = {n for n in evidence.usage.compared_ints
               if n > 0 and n not in SAME_EVERYWHERE
               and n not in tables.WINSOCK_WITHOUT_CONSTANT}
    if not numbers or not evidence.errno_expressions():
        return False
    return any(errno_name_for(n)[0] in NETWORK_ERRNOS for n in numbers) or evidence.called(
        *_SOCKET_CALLS)


def _timeout_errno_gate(evidence):
    usage = evidence.usage
    etimedout = any("ETIMEDOUT" in name for name in usage.names | usage.attributes) or any(
        tables.errno_for_number(number) == "ETIMEDOUT" for number in usage.errno_ints) or (
        evidence.imported_errno_refs())
    # a timeout comes only from settimeout(), create_connection(timeout=...) and
    # setdefaulttimeout()
    return etimedout and evidence.called("settimeout", "create_connection",
                                         "setdefaulttimeout")


def _indexed_gate(evidence):
    usage = evidence.usage
    return bool(usage.handler_names & usage.subscripted) and evidence.called(*_SOCKET_CALLS)


CHECKS = {  # code -> (check, gate): see Rule in rules/__init__.py
    "SCK901": (check_literal, _literal_gate),
    "SCK902": (check_timeout_errno, _timeout_errno_gate),
    "SCK903": (check_indexed, _indexed_gate),
}

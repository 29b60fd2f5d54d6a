"""SCK101 recv-eof-unchecked."""

import libcst as cst

from lint_sockets.analysis.eof import rest_of_block, truth_when_empty
from lint_sockets.analysis.facts import KNOWN, LIKELY, NOT_SOCKET
from lint_sockets.analysis.nodes import (
    bound_keys, contains, int_value, iter_children, key_of, mentions, strip_await,
    suite_leaves,
)
from lint_sockets.rules.fixutil import SAFE, FixSpec, flatten_after, statement

_RECV = ("recv", "recv_into")
_LOOP_RECV = ("sock_recv", "sock_recv_into")


def _eof_value(method):
    return "0" if method.endswith("_into") else 'b""'


def check(facts, report):
    # id(loop node) -> the (receiver, method) calls made in that loop; ("checked", id(read
    # node)) -> whether that read is checked (``_checked_first``)
    asked = {}
    guarded = {}  # id(loop node) -> {id(small statement): the ``if``s whose body holds it}
    for site in facts.calls:
        method = site.method
        if not site.loops:
            continue
        loop = _innermost_while(site.loops)
        if loop is None or loop.bounded or site.leaves_loop:
            continue
        helper = _read_helper(facts, site)
        if helper is not None:
            if helper.info.confidence not in (KNOWN, LIKELY) or helper.info.datagram:
                continue
            method = helper.method
        elif method in _RECV:
            if site.receiver_key is None:
                continue
            info = facts.socket_confidence(site)
            if info.confidence not in (KNOWN, LIKELY) or info.datagram:
                continue
            size = site.argument(0, "bufsize" if method == "recv" else "buffer")
            if method == "recv" and (size is None or int_value(size) == 0):
                continue
        elif method in _LOOP_RECV:
            sock = site.argument(0, "sock")
            if sock is None or len(site.node.args) < 2:
                continue
            info = facts.info(site.scope, key_of(sock))
            if info.datagram or info.confidence == NOT_SOCKET:
                continue
        elif method == "read":
            info = facts.info(site.scope, site.receiver_key)
            if not info.reader:
                continue
            size = site.argument(0, "n")
            if size is None or int_value(size) in (0, -1):
                continue
        else:
            continue
        # compared with None only, and not handed on either: a read the loop returns or
        # yields goes to the caller as it is, b"" included, whatever the None test says
        none_only = helper is None and _none_tested(site, loop) and \
            not (_carriers(site.targets, loop) & loop.returned)
        if not none_only and (_tested(site, loop, asked) or _growth_tested(site, loop)):
            if helper is None and method in _RECV and \
                    facts.eof_leaves_inner_loop_only(site, loop):
                report(site.node, "SCK101", call=f".{method}()", problem=(
                    "at EOF breaks only the inner loop; the outer loop spins"))
            continue
        if _carriers(site.targets, loop) & loop.skipped and (
                loop.has_sleep or facts.loop_reads_clock(loop)):
            # ``if data: handle(data)`` in a loop that sleeps (a slow poll, no spin) or reads
            # a clock (a time limit the empty read may run into)
            continue
        if loop.has_sleep and _sleeps_after(facts, site, loop):
            continue  # the pass of an empty read sleeps: a slow poll, no spin
        if method in _RECV and helper is None and facts.pair_writer_kept_open(site):
            continue
        depth = site.loops.index(loop) + 1
        if _counted_apart(site, loop):
            continue  # ``done += size``: the loop ends after a number of passes fixed apart
        if facts.loop_has_deadline(loop):
            continue  # the loop ends at a deadline fixed before it: no spin for ever
        if facts.loop_waits_for_a_person(loop):
            continue  # every pass waits for a line typed at the terminal: no spin
        if _fed_to_h11(facts, site, loop):
            continue  # h11 takes b"" as the end of input and never asks for more
        if facts.test_code and facts.runs_in_daemon_thread(site.scope):
            continue  # a test's daemon server thread: it cannot keep the test run alive
        if helper is None and method in _RECV and facts.made_each_pass(site, loop):
            continue  # a new connection each pass: one end of file is read once
        if helper is None and method in _RECV and _checked_first(facts, site, asked):
            continue  # a checked read of the same socket opens every pass: it sees the EOF
        if helper is None and method in _RECV and _behind_earlier_read(site, guarded):
            continue  # runs only when an earlier read of the socket returned data
        if helper is None and method == "recv" and _completed_after(facts, site, asked):
            continue  # a loop completing the read runs on an empty one, and sees the EOF
        if facts.eof_raised(site, depth):
            continue  # pyOpenSSL: end of file is an exception, and it leaves the loop
        if facts.settings.target_version >= (3, 0) and (
                facts.read_joined_with_str(site) or facts.read_name_joined_with_str(site, loop)) \
                and facts.leaves_loop_on(site, "TypeError", depth):
            continue  # str + bytes: the first read raises TypeError, the loop never spins
        if facts.settings.target_version >= (3, 0) and facts.after_text_send(site):
            continue  # a str sent first raises TypeError on Python 3: the read never runs
        if helper is None and method in _RECV and _written_each_pass(facts, site, loop, depth):
            continue  # the next write after the peer closed raises: the loop ends, no spin
        failure = facts.read_fails_when_empty(site, loop)
        if failure is not None and facts.leaves_loop_on(site, failure, depth):
            continue  # decoding b"" raises, and the exception ends the loop: no spin
        if facts.read_decoder_handlers_leave(site, loop):
            continue  # decoding b"" raises in a try whose handlers leave the loop
        call, via = f".{method}()", ""
        if helper is not None:
            call = f"{facts.code_for(site.node.func)}()"
            via = f"(the `.{method}()` that `{helper.short_name}` returns) "
        if none_only:
            report(site.node, "SCK101", call=call, problem=(
                "compared with None (reads never return it): EOF goes unseen"))
            continue
        compared = _str_tested(site, loop)
        if compared:
            if compared == "derived" or facts.settings.target_version < (3, 0):
                continue  # decoded text, or Python 2's str: the comparison is the EOF test
            report(site.node, "SCK101", call=call, problem=via + (
                "compared with a str: bytes never equal it, so EOF is never seen"))
            continue
        report(site.node, "SCK101", fix=_fix(facts, site, loop), call=call,
               problem=via + f"never checked for EOF ({_eof_value(method)}): spins once the peer "
               "closes")


def _fed_to_h11(facts, site, loop):
    """The read goes to a sans-IO connection's ``receive_data()`` (in place,
    ``conn.receive_data(sock.recv(n))``, also inside a wrapper such as
    ``asyncio.wait_for(...)``, or through the name it is bound to) in a loop that
    compares an event with ``h11.NEED_DATA``: h11 reads ``b""`` as the end of the peer's
    input, and from then on its ``next_event()`` gives ``ConnectionClosed`` or raises,
    never ``NEED_DATA`` again, so the loop reads no more."""
    qualify = facts.imports.qualify
    need_data = fed = False
    keys = set(site.targets)
    for node in _nodes_in(loop.node):
        if isinstance(node, (cst.Name, cst.Attribute)) and qualify(node) == "h11.NEED_DATA":
            need_data = True
        elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and \
                node.func.attr.value == "receive_data" and len(node.args) == 1:
            value = strip_await(node.args[0].value)
            fed = fed or contains(value, site.node) or (
                isinstance(value, (cst.Name, cst.Attribute)) and key_of(value) in keys)
    return need_data and fed


def _written_each_pass(facts, site, loop, depth):
    """A stream read with, in its own block, a ``send()``/``sendall()`` on the same socket
    that runs in every pass (before the read, or after it with nothing in between that may
    leave the pass) and whose error leaves the loop (no handler inside it keeps going):
    once the peer has closed, the first write after it draws a reset and the next one raises
    (BrokenPipeError or ConnectionResetError; CPython ignores SIGPIPE), so the loop ends
    within two passes instead of spinning on ``b""``."""
    sends = facts.sent_in_pass(site, loop)
    return bool(sends) and any(
        facts.leaves_loop_on(send, "BrokenPipeError", depth)
        and facts.leaves_loop_on(send, "ConnectionResetError", depth)
        and not facts.expected_to_raise(send) for send in sends)


def _read_helper(facts, site):
    """The project helper whose recv() result the call returns unchecked (``self._read()``,
    ``read_some(sock)``, a wrapper object's forwarding ``recv``), or None. A direct read of
    a known or likely socket is the read itself."""
    method = site.method
    if method in _LOOP_RECV or method == "read":
        return None
    if method in _RECV and facts.socket_confidence(site).confidence in (KNOWN, LIKELY):
        return None
    helper = facts.through_helper(site)
    return helper if helper is not None and helper.method in _RECV else None


def _str_tested(site, loop):
    """"raw" when the result is only compared with a str literal (``if data == '':``): for
    the bytes ``recv()`` returns that never matches on Python 3; "derived" when a name
    computed from it (``text = data.decode()``, or the read's own name rebound from itself,
    ``data = data.decode()``) is, which may rightly hold a str, so the comparison is a
    test; None otherwise."""
    carriers = _carriers(site.targets, loop)
    compared = carriers & loop.str_tested
    if not compared:
        return None
    raw = set(site.targets) if site.direct and site.role == "assign" else set()
    # ``data = data.decode()`` in the loop: the read's own name, rebound to a value computed
    # from itself, may hold text at the comparison
    raw = {key for key in raw if not any(key in targets for targets in loop.flows_from(key))}
    return "derived" if compared - raw else "raw"


def _none_tested(site, loop):
    """The read's own result (``data = sock.recv(n)``) is compared with None in the loop
    (``if data is None: break``): a read returns bytes (a str on Python 2) and never None,
    so the comparison cannot see the end of file. A name computed from the read, or the
    result of a helper, may rightly be None, and its comparison is a test."""
    if not (site.direct and site.role == "assign"):
        return False
    targets = set(site.targets)
    return bool(targets & loop.none_tested) and \
        not (_carriers(site.targets, loop) & loop.plain_tested)


def _counted_apart(site, loop):
    """The loop's condition looks at a counter that every pass steps by an amount the
    reads do not decide (``while done < total: ... done += size`` with ``size`` a
    parameter, an attribute, or a name of the loop computed without the read and without
    ``len()``): the loop ends after a number of passes fixed apart from what the reads
    return, end of file or not. A step computed from the read (``done += len(chunk)``,
    ``n = sock.recv_into(buf); done += n``) is zero at end of file: no bound."""
    counters = {key for key, _ in loop.steps} & loop.test_keys
    if not counters:
        return False
    carriers = _carriers(site.targets, loop)
    scope = site.scope
    for key, step in loop.steps:
        if key not in counters or any(loop in binding.loops
                                      for binding in scope.bindings.get(key, ())):
            continue  # a counter the loop also sets anew may never reach its bound
        if _step_apart(step, carriers, scope, loop):
            return True
    return False


def _step_apart(step, carriers, scope, loop, depth=0):
    names = _names_without_calls(step)
    if names is None or names & carriers or depth > 2:
        return False
    for name in names:
        for binding in scope.bindings.get(name, ()) if "." not in name else ():
            if loop not in binding.loops:
                continue
            if binding.how != "assign" or binding.index is not None or binding.value is None \
                    or not _step_apart(binding.value, carriers, scope, loop, depth + 1):
                return False
    return True


def _names_without_calls(node):
    """The names and attributes an expression mentions, or None when it calls anything
    (``len(chunk)`` and the like may measure the read)."""
    names = set()
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.Call, cst.Lambda, cst.Await, cst.Yield)):
            return None
        key = key_of(node) if isinstance(node, (cst.Name, cst.Attribute)) else None
        if key is not None:
            names.add(key)
            continue
        stack.extend(iter_children(node))
    return names


def _fix(facts, site, loop):
    """``data = sock.recv(n)`` directly in the while loop: add ``if not data: break``."""
    if site.loops[-1] is not loop or site.line is None:
        return None
    small = site.line.body[0]
    if not isinstance(small, cst.Assign) or len(small.targets) != 1:
        return None
    target = small.targets[0].target
    if not isinstance(target, cst.Name) or strip_await(small.value) is not site.node:
        return None
    name = target.value

    def build():
        check = statement(facts, f"if not {name}:\n\tbreak\n")
        return [(site.line, flatten_after([check]))]

    return FixSpec(SAFE, f"Insert `if not {name}: break` after the read", build)


def _innermost_while(loops):
    for loop in reversed(loops):
        if loop.kind == "while":
            return loop
    return None


def _completed_after(facts, site, asked):
    """``data = sock.recv(n)`` is followed, in its block, by a loop completing it, ``while
    len(data) < m:`` (``m`` a whole number of at least one, written or as a module
    constant, or the read's own size), with nothing in between that binds ``data`` or
    leaves the block; and that loop reads the same socket and leaves the function when
    that read is empty (``more = sock.recv(m - len(data))``, ``if not more: return``; not a
    ``break``, which would leave only the completing loop). At end of file ``data`` is
    empty, shorter than ``m``, so the completing loop runs, and its own read sees the end
    of file and ends the outer loop too."""
    if site.role != "assign" or len(site.targets) != 1 or site.line is None:
        return False
    name, key = site.targets[0], site.receiver_key
    size = site.argument(0, "bufsize")
    for stmt in rest_of_block(site.loops[-1].node, site.line) or ():
        if isinstance(stmt, cst.SimpleStatementLine):
            if any(isinstance(small, (cst.Return, cst.Raise, cst.Break, cst.Continue))
                   or name in bound_keys(small) for small in stmt.body):
                return False
            continue
        if not isinstance(stmt, cst.While) or \
                not _shorter_than_size(facts, stmt.test, name, size):
            return False
        loop = next((l for l in facts.loops if l.node is stmt), None)
        return loop is not None and any(
            other.receiver_key == key and other.method in _RECV and other.loops[-1] is loop
            and _tested(other, loop, asked) and _leaves_function_when_empty(other, stmt)
            for other in loop.calls)
    return False


def _shorter_than_size(facts, test, name, size):
    """``len(name) < m`` (or ``m > len(name)``) with ``m`` a whole number of at least one,
    a module constant holding one, or the same expression as ``size``."""
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return False
    left, target = test.left, test.comparisons[0]
    right, operator = target.comparator, target.operator
    if isinstance(operator, cst.GreaterThan):
        left, right = right, left
    elif not isinstance(operator, cst.LessThan):
        return False
    if not (isinstance(left, cst.Call) and key_of(left.func) == "len" and len(left.args) == 1
            and key_of(left.args[0].value) == name):
        return False
    if isinstance(right, cst.Name) and right.value in facts.constants:
        right = facts.constants[right.value]
    number = int_value(right)
    if number is not None:
        return number >= 1
    return size is not None and key_of(right) is not None and key_of(right) == key_of(size)


def _leaves_function_when_empty(other, loop_node):
    """The read's result, bound to one name, is tested right after it for being empty
    (``if not more:``, ``if more == b"":``, ``if len(more) == 0:``) by an ``if`` of the
    loop's own body whose block ends in ``return`` or ``raise``."""
    if other.role != "assign" or len(other.targets) != 1 or other.line is None:
        return False
    name = other.targets[0]
    body = loop_node.body.body if isinstance(loop_node.body, cst.IndentedBlock) else ()
    for position, stmt in enumerate(body):
        if stmt is other.line:
            after = body[position + 1] if position + 1 < len(body) else None
            if not isinstance(after, cst.If) or after.orelse is not None or \
                    truth_when_empty(after.test, name) is not True:
                return False
            last = after.body.body[-1] if isinstance(after.body, cst.IndentedBlock) \
                else after.body
            smalls = last.body if isinstance(last, (cst.SimpleStatementLine,
                                                    cst.SimpleStatementSuite)) else ()
            return bool(smalls) and isinstance(smalls[-1], (cst.Return, cst.Raise))
    return False


def _checked_first(facts, site, asked):
    """Another read of the same socket, checked, comes first on every path to the read
    within a pass (``header = sock.recv(10)``, ``if not header: break``, then ``body =
    sock.recv(n)``). End of file is for good on a stream: once the unchecked read gets
    ``b""``, the checked one gets it before the unchecked one runs again, and ends the
    loop. "First on every path": the checked read's statement and a statement that holds
    the unchecked read are in the same block, in that order, in a pass of the innermost
    loop around both (neither in a loop inside it). That holds for the loops around that
    one too (a ``for`` over the sockets ``select()`` reported ready, inside the server's
    ``while``): each time the unchecked read runs, the checked one ran just before. A read
    whose empty result raises at its decoder, and the exception leaves the loop
    (``size = struct.unpack(FMT, sock.recv(4))[0]``), is checked too."""
    key = site.receiver_key
    inner = site.loops[-1]
    if site.line is None:
        return False
    for other in inner.calls:
        if other is site or other.receiver_key != key or other.method not in _RECV \
                or other.order >= site.order or other.line is None \
                or other.loops[-1] is not inner:
            continue
        # whether each read is checked is asked once: a loop may hold thousands of reads
        checked = asked.get(("checked", id(other.node)))
        if checked is None:
            checked = asked[("checked", id(other.node))] = \
                _tested(other, inner, asked) or _fails_out(facts, other, inner)
        if not checked:
            continue
        carriers = _carriers(other.targets, inner)
        # a value some ``if`` of the loop skips on (``if header: ...``) counts only when an
        # ``if`` that leaves the pass on an empty read comes between the two reads
        exits = carriers if carriers & inner.skipped else ()
        if _precedes(inner.node.body, other.line, site.line, exits):
            return True
    return False


def _behind_earlier_read(site, guarded):
    """The read runs only in the body of an ``if`` (or ``elif``) of the innermost loop whose
    test an empty result of an earlier read of the same socket in the pass makes false
    (``choice = conn.recv(n).decode()``, then ``if choice == "1": text = conn.recv(n)``):
    at end of file that earlier read returns ``b""`` first, the branch is not taken, and
    this read does not run again. The earlier read is the one judged (it goes round on an
    empty result unless something else checks it). ``guarded`` keeps each loop's
    ``_guarding_ifs``, computed once per loop: a loop may hold thousands of reads."""
    inner = site.loops[-1]
    if site.stmt is None or site.receiver_key is None:
        return False
    by_statement = guarded.get(id(inner.node))
    if by_statement is None:
        by_statement = guarded[id(inner.node)] = _guarding_ifs(inner.node.body)
    guards = by_statement.get(id(site.stmt))
    if not guards:
        return False
    for other in inner.calls:
        if other is site or other.receiver_key != site.receiver_key or \
                other.method not in _RECV or other.order >= site.order or \
                other.loops[-1] is not inner or not other.targets:
            continue
        inside = by_statement.get(id(other.stmt), ())
        carriers = None
        for guard in guards:
            if any(g is guard for g in inside):
                continue  # the earlier read is in the branch itself
            if carriers is None:
                carriers = _carriers(other.targets, inner)
            if any(truth_when_empty(guard.test, key) is False for key in carriers):
                return True
    return False


def _guarding_ifs(block):
    """{id(small statement): the ``if`` statements (an ``elif`` is one) under ``block`` in
    whose body, not their ``else``, it is}, for the small statements under an ``if``."""
    found = {}
    stack = [(block, ())]
    while stack:
        node, guards = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            if guards:
                for small in node.body:
                    found[id(small)] = guards
            continue
        if isinstance(node, cst.If):
            stack.append((node.body, guards + (node,)))
            if node.orelse is not None:
                stack.append((node.orelse, guards))
            continue
        stack.extend((child, guards) for child in iter_children(node)
                     if not isinstance(child, cst.BaseExpression))
    return found


# What takes a pass back to the loop's head past a sleep: ``continue``, or a ``raise`` that a
# handler in the loop may turn into one. ``break`` and ``return`` leave the loop: no spin.
_JUMPS = (cst.Continue, cst.Raise)


def _sleeps_after(facts, site, loop):
    """The pass that reads ``b""`` sleeps: a statement of the loop's own body sleeps a
    fixed time (``time.sleep(0.1)``, ``await asyncio.sleep(1)``: a sleep call given an
    argument other than a literal zero), before the statement holding the read, or after
    it with nothing between them that says ``continue`` or ``raise`` and nothing after the
    read in its own statement that does (``break`` and ``return`` leave the loop), outside
    ``except`` clauses (the pass of a read that returned goes on to the sleep), or in the
    ``finally`` of the ``try`` statement holding the read, which runs however the pass
    goes on; and the
    loop does not wait for the read's data (its ``while`` test names none of the names the
    result flows into: ``while not data:`` never ends at end of file, sleep or not)."""
    if loop.kind == "while" and mentions(loop.node.test,
                                         tuple(_carriers(site.targets, loop))):
        return False  # ``while not data: sleep(1); data = sock.recv(n)`` waits for ever
    body = loop.node.body.body if isinstance(loop.node.body, cst.IndentedBlock) else ()
    index = next((i for i, stmt in enumerate(body) if contains(stmt, site.node)), None)
    if index is None:
        return False

    def sleeps(stmt):
        return isinstance(stmt, cst.SimpleStatementLine) and any(
            facts.is_pause(small) for small in stmt.body)

    if any(sleeps(stmt) for stmt in body[:index]):
        return True  # every pass that reaches the read has slept
    held = body[index]
    if type(held) is cst.Try and held.finalbody is not None and \
            isinstance(held.finalbody.body, cst.IndentedBlock) and \
            any(sleeps(stmt) for stmt in held.finalbody.body.body):
        return True  # ``finally: time.sleep(0.01)`` runs on every way out of the pass
    if _jumps(body[index], in_handlers=False, after=site.node):
        return False
    for stmt in body[index + 1:]:
        if sleeps(stmt):
            return True
        if _jumps(stmt, in_handlers=True):
            return False
    return False


def _jumps(stmt, in_handlers, after=None):
    """``stmt`` holds a ``continue`` or ``raise`` (``_JUMPS``; nested loops and
    definitions left out; with ``in_handlers`` false, ``except`` clauses left out too;
    with ``after``, only those that come after that node in the source)."""
    seen = after is None
    stack = [stmt]
    while stack:
        node = stack.pop()
        if node is after:
            seen = True
        if seen and isinstance(node, _JUMPS):
            return True
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda, cst.For, cst.While)):
            continue
        if not in_handlers and isinstance(node, cst.ExceptHandler):
            continue
        stack.extend(reversed(list(iter_children(node))))
    return False


def _fails_out(facts, site, loop):
    """An empty result of the read ``site`` raises where it is decoded, and the exception
    leaves ``loop`` (its innermost loop)."""
    failure = facts.read_fails_when_empty(site, loop)
    return (failure is not None and facts.leaves_loop_on(site, failure, len(site.loops))) \
        or facts.read_decoder_handlers_leave(site, loop)


def _precedes(root, first, then, exits=()):
    """``first`` is a statement of some block under ``root`` and ``then`` is held by a later
    statement of that block. ``first`` may also be a statement of the body of a ``try`` of
    that block whose every handler leaves the pass (``continue``, ``break``, ``return``,
    ``raise``) and which has no ``finally``: a pass that goes on after the ``try`` ran
    ``first`` (``try: header = sock.recv(1)`` / ``except socket.timeout: continue``). With
    ``exits`` (keys), a statement between the two must be an ``if`` that leaves the pass
    when one of those keys is empty (``if not header: break``)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.BaseExpression):
            continue
        if isinstance(node, cst.IndentedBlock):
            for index, stmt in enumerate(node.body):
                if stmt is first or _opens_try(stmt, first):
                    for later in node.body[index + 1:]:
                        if contains(later, then):
                            return not exits
                        if exits and _leaves_when_empty(later, exits):
                            exits = ()
                    if stmt is first:
                        return False
        stack.extend(iter_children(node))
    return False


def _leaves_when_empty(stmt, keys):
    """``stmt`` is an ``if`` whose test is true when one of ``keys`` is empty and whose
    block ends by leaving the pass."""
    return isinstance(stmt, cst.If) and _ends_by_leaving(stmt.body) and \
        any(truth_when_empty(stmt.test, key) is True for key in keys)


_LEAVES_PASS = (cst.Continue, cst.Break, cst.Return, cst.Raise)


def _opens_try(stmt, first):
    """``stmt`` is a ``try`` (no ``finally``) that has ``first`` in its body's block and
    whose handlers all end by leaving the pass."""
    if not isinstance(stmt, cst.Try) or stmt.finalbody is not None or \
            not isinstance(stmt.body, cst.IndentedBlock) or \
            not any(part is first for part in stmt.body.body):
        return False
    return all(_ends_by_leaving(handler.body) for handler in stmt.handlers)


def _ends_by_leaving(block):
    if not isinstance(block, cst.IndentedBlock) or not block.body:
        return False
    last = block.body[-1]
    return isinstance(last, cst.SimpleStatementLine) and bool(last.body) and \
        isinstance(last.body[-1], _LEAVES_PASS)


def _tested(site, loop, asked):
    if id(site.node) in loop.tested:
        return True
    calls = None
    if site.method in ("read", "recv") and site.receiver_key is not None:
        calls = asked.get(id(loop.node))
        if calls is None:
            calls = asked[id(loop.node)] = _method_calls(loop.node)
    if site.method == "read" and calls and any(
            (site.receiver_key, method) in calls
            for method in ("at_eof", "readuntil", "readexactly")):
        # ``while not reader.at_eof(): data = await reader.read(n)``; and a loop that also
        # calls readuntil() / readexactly() on the reader, which raise IncompleteReadError
        # at end of file instead of returning b"".
        return True
    if site.method == "recv" and calls and any(
            (site.receiver_key, method) in calls for method in ("pending", "recv_ready")):
        # ``while sock.pending(): data += sock.recv(sock.pending())``: an SSL socket's
        # recv() returns the bytes it already holds decrypted, never b"", while any remain;
        # so does an SSH channel's after ``recv_ready()`` (paramiko: bytes are buffered)
        return True
    if site.role in ("return",) and site.direct:
        return True
    carriers = _carriers(site.targets, loop)
    if carriers & loop.tested or carriers & loop.returned:
        return True
    # ``yield sock.recv(n)`` / ``return sock.recv(n)`` hand the value on unchanged.
    return site.role == "return" or _inside_yield(site)


def _growth_tested(site, loop):
    """``buf += sock.recv(n)``, a statement of the loop's own body, followed there by an
    ``if`` that leaves the loop when ``buf`` did not grow: ``len(buf) == before`` (or
    ``<=``, either way round), where ``before`` is a name the loop's own body sets to
    ``len(buf)`` by one simple statement, every pass, and binds nowhere else in the loop,
    and the read is the only binding of ``buf`` in the loop.
    Whether ``before`` was set before or after this pass's read, the test holds when the
    read added nothing, which is the empty read at end of file (a ``before`` set between
    the read and the test makes the loop leave every pass): no spin."""
    aug = site.stmt
    if site.role != "aug" or not isinstance(aug, cst.AugAssign) or \
            not isinstance(aug.operator, cst.AddAssign) or \
            not isinstance(aug.target, cst.Name) or strip_await(aug.value) is not site.node:
        return False
    buf = aug.target.value
    body = getattr(loop.node.body, "body", ())
    read_at = next((i for i, stmt in enumerate(body)
                    if isinstance(stmt, cst.SimpleStatementLine)
                    and any(small is aug for small in stmt.body)), None)
    if read_at is None:
        return False
    lengths = set()  # names set to len(buf) by a simple statement of the body
    for stmt in body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.Assign) and len(small.targets) == 1 and \
                        isinstance(small.targets[0].target, cst.Name) and \
                        _length_of(small.value) == buf:
                    lengths.add(small.targets[0].target.value)
    if not lengths:
        return False
    bound = {}
    for node in _nodes_in(loop.node.body):
        for key in bound_keys(node):
            bound[key] = bound.get(key, 0) + 1
    if bound.get(buf) != 1:
        return False  # ``buf`` grows some other way too: an empty read may still move it
    lengths = {name for name in lengths if bound.get(name) == 1}
    for stmt in body[read_at + 1:]:
        if isinstance(stmt, cst.If) and suite_leaves(stmt.body) and \
                _not_grown(stmt.test, buf, lengths):
            return True
    return False


def _length_of(node):
    """``len(x)``: the key of x; None for anything else."""
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and \
            node.func.value == "len" and len(node.args) == 1 and node.args[0].keyword is None:
        return key_of(node.args[0].value)
    return None


def _not_grown(test, buf, lengths):
    """``len(buf) == n`` / ``len(buf) <= n`` (or the same the other way round) with ``n``
    one of ``lengths``."""
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return False
    left, item = test.left, test.comparisons[0]
    right, operator = item.comparator, item.operator
    if isinstance(right, cst.Call):  # ``n == len(buf)``: read it as ``len(buf) == n``
        left, right = right, left
        operator = {cst.GreaterThanEqual: cst.LessThanEqual(), cst.Equal: operator}.get(
            type(operator))
    return isinstance(operator, (cst.Equal, cst.LessThanEqual)) and \
        _length_of(left) == buf and isinstance(right, cst.Name) and right.value in lengths


def _nodes_in(root):
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        yield node
        stack.extend(iter_children(node))


def _method_calls(loop_node):
    """The ``(receiver key, method)`` of every ``<receiver>.<method>()`` call in the loop,
    condition and body, outside nested functions (``reader.at_eof()``,
    ``ssl_sock.pending()``). Computed once per loop: a loop may hold thousands of reads."""
    calls = set()
    stack = [loop_node]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
            key = key_of(node.func.value)
            if key is not None:
                calls.add((key, node.func.attr.value))
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        stack.extend(iter_children(node))
    return calls


def _carriers(targets, loop):
    """The names holding the result, and those computed from them in the loop
    (``n = s.recv_into(buf)``, ``data = buf[:n]``)."""
    carriers = set(targets)
    pending = list(carriers)
    while pending:
        for keys in loop.flows_from(pending.pop()):
            for key in keys:
                if key not in carriers:
                    carriers.add(key)
                    pending.append(key)
    return carriers


def _inside_yield(site):
    stmt = site.stmt
    value = getattr(stmt, "value", None)
    return isinstance(value, cst.Yield) or (
        isinstance(value, cst.Await) and isinstance(value.expression, cst.Yield)
    )


def gate(evidence):
    return (evidence.socket_call(_RECV) or evidence.calls(*_LOOP_RECV)
            or (evidence.calls("read") and evidence.readers()))


CHECKS = {  # code -> (check, gate): see Rule in rules/__init__.py
    "SCK101": (check, gate),
}

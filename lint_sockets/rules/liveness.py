"""SCK701 connection-without-timeout and SCK702 keepalive-default-timers."""

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.eof import CLOCKS
from lint_sockets.analysis.facts import BLOCKING, TIMEOUT, mode_set_by, tcp_level
from lint_sockets.analysis.identity import return_values
from lint_sockets.analysis.listeners import loopback_listener
from lint_sockets.analysis.nodes import (
    accepted_binding, declared_names, first_item, int_value, iter_children, key_of, mentions,
    strip_await, walk,
)

_READS = tables.READ_METHODS | {"makefile"}
# What sets the idle time before the first probe: Linux, macOS, Windows.
_KEEPALIVE_TUNING = ("TCP_KEEPIDLE", "TCP_KEEPALIVE", "SIO_KEEPALIVE_VALS")


def _sets_timeout(site):
    """settimeout/setblocking on the socket that may leave it in timeout or non-blocking
    mode (not ``settimeout(None)`` or ``setblocking(True)``, which make it blocking), or
    SO_RCVTIMEO set on it."""
    if site.method in ("settimeout", "setblocking"):
        return mode_set_by(site) != BLOCKING
    return _sets_rcvtimeo(site)


def _sets_rcvtimeo(site):
    return site.method == "setsockopt" and any(
        mentions(a.value, ("SO_RCVTIMEO", "SO_SNDTIMEO")) for a in site.node.args)


def _module_sets_timeouts(facts):
    """The module calls settimeout/setblocking or sets SO_RCVTIMEO on some socket (asked once
    per module)."""
    return facts.memo("liveness.sets_timeouts",
                      lambda: any(_sets_timeout(site) for site in facts.calls))


def _module_default_timeout(facts):
    return any(site.qname == "socket.setdefaulttimeout" for site in facts.calls)


def _socket_sets_timeout(facts, site, key):
    """A timeout call on this very socket: in the function that made it, or for
    ``self.x`` anywhere in the class."""
    scope = site.scope
    in_class = scope.self_name is not None and key.startswith(scope.self_name + ".")
    for other in facts.calls_on(key):
        if in_class:
            if other.scope.cls is not scope.cls:
                continue
        elif other.scope is not scope:
            continue
        if _sets_timeout(other) and not (
                other.method == "settimeout" and other.argument(0, "value") is not None
                and facts.timeout_may_be_none(other.scope, other.argument(0, "value"))):
            return True  # not ``settimeout(timeout)`` with a parameter that is None by default
    return False


def _escapes(facts, site, key):
    """The socket leaves the function: returned, stored on an object, or handed to another
    function (a helper or the caller may set its timeout out of sight)."""
    if "." in key:
        return True
    root = site.scope.node
    stack = [root]
    while stack:
        node = stack.pop()
        if node is not root and isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            continue
        if isinstance(node, cst.Return) and node.value is not None and _holds(node.value, key):
            return True
        if isinstance(node, cst.Call):
            for arg in node.args:
                if isinstance(arg.value, cst.Name) and arg.value.value == key:
                    return True
        if isinstance(node, cst.Assign) and _holds(node.value, key):
            return True
        stack.extend(iter_children(node))
    return False


def _holds(value, key):
    """``return sock`` / ``return sock, addr``: the value is the socket itself."""
    if isinstance(value, cst.Name):
        return value.value == key
    if isinstance(value, (cst.Tuple, cst.List)):
        return any(_holds(e.value, key) for e in value.elements)
    return False


def _local_peer(facts, site, bindings):
    """The peer is on this host and cannot vanish half-open (its kernel closes the
    connection when it dies): an AF_UNIX socket, or a connect to a loopback literal (in
    place, through a module constant, or through a name the function assigns it to on every
    path to the connect), to a host that is loopback unless the program is told otherwise
    (a parameter's default, a command-line option's: ``facts.loopback_by_default``), or to
    another socket's own address (``listener.getsockname()``, the self-pipe idiom). In test
    code, any connect but one to a remote host the code names (``facts.names_remote_host``)."""
    for binding in bindings:
        value = strip_await(binding.value) if binding.value is not None else None
        if isinstance(value, cst.Call) and any(mentions(a.value, "AF_UNIX") for a in value.args):
            return True
    address = site.argument(0, "address")  # create_connection(address=(host, port))
    if facts.test_code and not facts.names_remote_host(site, address):
        return True  # a test's connections go to its own servers (the page: "What a finding is worth")
    if address is None:
        return False
    if facts.sockname_of(site, address) is not None or _own_address(facts, site, address):
        return True
    return facts.loopback_address(site, address, connect=True) or \
        facts.loopback_by_default(site, address)


# What names this machine: a connection to its own name or address goes through the
# kernel's local routes, as to loopback.
_OWN_HOST = frozenset({"socket.gethostname", "socket.getfqdn"})


def _own_address(facts, site, address):
    """The connect goes to this host by another way than a loopback literal: to the
    address of one of the program's own sockets (``server.sockets[0].getsockname()``,
    whatever holds the socket), or to the host's own name or address
    (``socket.gethostname()``, ``socket.getfqdn()``, ``socket.gethostbyname()`` of
    either, the address a socket of the program was given, ``s.getsockname()[0]``, or a
    call of a function of the module that returns one of these: ``get_local_ip()``), in
    place, through a name the function assigns it to, through ``self.x`` that every
    assignment of the class sets so, or through a parameter that every call of the
    function in the module passes so."""
    if isinstance(address, (cst.Name, cst.Attribute)):
        address = facts.value_before(site, address) or address
    if _getsockname(address):
        return True
    if not isinstance(address, cst.Tuple) or not address.elements:
        return False
    host = address.elements[0].value
    values = [host]
    if isinstance(host, (cst.Name, cst.Attribute)):
        before = facts.value_before(site, host)
        if before is not None:
            values = [before]
        elif isinstance(host, cst.Attribute) and key_of(host) is not None:
            bindings = facts.class_assignments(site.scope, key_of(host))
            if not bindings or any(b.how != "assign" or b.index is not None for b in bindings):
                return False
            values = [b.value for b in bindings]
        elif isinstance(host, cst.Name):
            # ``send_metrics(server_ip, port)`` whose every caller passes its own address
            passed = facts.arguments_from_callers(site.scope, host.value)
            return bool(passed) and all(
                arg is not None and _own_host_in(facts, caller, arg) for caller, arg in passed)
    return all(_names_own_host(facts, value) for value in values)


def _own_host_in(facts, scope, node, depth=0):
    """``node``, in the function ``scope``, is this host's own name or address
    (``_names_own_host``), in place or through a name ``scope`` assigns once."""
    if isinstance(node, cst.Name):
        bindings = scope.bindings.get(node.value, ())
        if len(bindings) != 1 or bindings[0].how != "assign" or bindings[0].index is not None:
            return False
        node = bindings[0].value
    return _names_own_host(facts, node, depth)


def _getsockname(node):
    """``x.getsockname()``, or a slice or index of it (``[:2]``)."""
    while isinstance(node, cst.Subscript):
        node = node.value
    return isinstance(node, cst.Call) and not node.args and \
        isinstance(node.func, cst.Attribute) and node.func.attr.value == "getsockname"


def _names_own_host(facts, node, depth=0):
    """``node`` names this host: ``socket.gethostname()``, ``socket.getfqdn()``,
    ``socket.gethostbyname()`` of either, the host of a socket's own address
    (``s.getsockname()[0]``: the UDP-connect idiom that finds the host's outgoing
    interface), or a call of a function of the module whose every ``return`` gives one of
    these or None (``get_local_ip()``, through a local name it assigns once)."""
    if _first_of_sockname(node):
        return True
    if not isinstance(node, cst.Call):
        return False
    qname = facts.imports.qualify(node.func)
    if qname in _OWN_HOST:
        return not node.args
    if qname == "socket.gethostbyname":
        return len(node.args) == 1 and _names_own_host(facts, node.args[0].value, depth)
    if type(node.func) is not cst.Name or node.args or depth > 1:
        return False
    helper = facts.module_function(node.func.value)
    if helper is None:
        return False
    returned = [value for value in return_values(helper)
                if not (type(value) is cst.Name and value.value == "None")]
    return bool(returned) and all(
        _own_host_in(facts, helper, value, depth + 1) if type(value) is cst.Name
        else _names_own_host(facts, value, depth + 1) for value in returned)


def _first_of_sockname(node):
    """``x.getsockname()[0]``."""
    return first_item(node) and _getsockname(node.value)


def _keepalive_tuned(facts, site, key):
    """The socket ``key`` that ``site`` connects has keepalive turned on and its timers set
    in sight: in the function of ``site`` (for ``self.x``, in any method of the class), a
    ``setsockopt(SOL_SOCKET, SO_KEEPALIVE, 1)`` and a ``setsockopt`` of ``TCP_KEEPIDLE``
    (macOS's ``TCP_KEEPALIVE``) on it. The program has chosen when a lost peer is found:
    the kernel then fails the waiting read with ETIMEDOUT."""
    if key is None:
        return False
    head, _, rest = key.partition(".")
    scope = site.scope
    in_class = bool(rest) and scope.cls is not None and head == scope.self_name
    on = tuned = False
    for other in facts.calls_on(key):
        if other.method != "setsockopt" or not (
                other.scope is scope or (in_class and other.scope.cls is scope.cls)):
            continue
        option = other.positional(1)
        on = on or _turns_keepalive_on(other)
        tuned = tuned or (option is not None and
                          mentions(option, ("TCP_KEEPIDLE", "TCP_KEEPALIVE")))
    return on and tuned


def _turns_keepalive_on(site):
    """``site`` is ``setsockopt(SOL_SOCKET, SO_KEEPALIVE, v)`` with a true ``v`` (a number
    other than 0, or ``True``); at the TCP level the same number names another option."""
    if site.method != "setsockopt" or len(site.node.args) < 3:
        return False
    option, value = site.positional(1), site.positional(2)
    if option is None or value is None or not mentions(option, ("SO_KEEPALIVE",)) or \
            tcp_level(site.positional(0)):
        return False
    number = int_value(value)
    return (number is not None and number != 0) or (
        isinstance(value, cst.Name) and value.value == "True")


def _exempt(facts, site, key, bindings=(), reads=()):
    if _local_peer(facts, site, bindings):
        return True
    if _watchdog(facts, site, key):
        return True
    if _keepalive_tuned(facts, site, key):
        return True  # the program chose when a lost peer is found
    # a read made blocking again right before it waits whatever is set elsewhere
    forced = _set_blocking_at_a_read(facts, site, reads)
    if not forced and _socket_sets_timeout(facts, site, key):
        return True
    followed = facts.timeout_set_elsewhere(site, key)
    if followed and not forced:
        return True
    if followed is not None and "." in key:
        return False  # ``self.x``: the index has seen every method that sets it
    return _escapes(facts, site, key) and _module_sets_timeouts(facts)


def _reads_later(facts, site, calls):
    """The reads of the connected socket after the connect: later in the same function, or,
    for ``self.x`` when the project index follows the class, in any method of the class. A
    later read of the same name that none of the connected socket's assignments reaches
    reads another socket (``s = socket.socket()`` again before it) and does not count."""
    key = site.receiver_key
    own = {id(binding) for binding in site.reaching or ()}
    reads = []
    python3 = facts.settings.target_version >= (3, 0)
    for later in calls:
        if later.receiver_key != key or later.method not in _READS:
            continue
        if python3 and facts.after_text_send(later):
            continue  # a str sent first raises TypeError on Python 3: the read never runs
        if later.scope is site.scope:
            if later.order > site.order and (not own or not later.reaching or any(
                    id(binding) in own for binding in later.reaching)):
                reads.append(later)
        elif "." in key and later.scope.cls is not None and later.scope.cls is site.scope.cls \
                and facts.timeout_set_elsewhere(site, key) is not None:
            reads.append(later)
    return reads


def _report_reads(facts, report, site, reads, call):
    """Report a connection whose reads can wait on a vanished peer for ever. When every
    read that can is gated by a readiness wait with no timeout on this socket alone, the
    wait is where the program hangs, and a timeout on the socket would not bound it: the
    finding is reported at each such wait, naming it. Otherwise at the connection."""
    waits = []
    for read in reads:
        if facts.read_after_readiness(read):
            continue
        wait = facts.unbounded_wait_alone(read)
        if wait is None:
            report(site.node, "SCK701", call=call)
            return
        if all(wait is not other for other in waits):
            waits.append(wait)
    for wait in waits:
        report(wait, "SCK701", call=facts.code_for(wait.func) + "()")


def _plain_socket(facts, binding):
    return (binding.how in ("assign", "with") and binding.index is None
            and facts.makes_plain_socket(binding.value))


def _made_by_the_class(facts, site):
    """For ``self.sock.connect(a)`` in a method that does not bind ``self.sock``: the
    class's assignments to it (None left out) when every one makes a plain socket
    (``self.sock = socket.socket()`` in ``__init__``) and no method that makes it connects
    it too (that connect is the one judged); None otherwise."""
    cls = site.scope.cls
    bindings = facts.class_assignments(site.scope, site.receiver_key)
    if not bindings or not all(_plain_socket(facts, b) and b.scope.cls is cls
                               for b in bindings):
        return None
    making = {id(b.scope) for b in bindings}
    if any(other.method in ("connect", "connect_ex") and id(other.scope) in making
           for other in facts.calls_on(site.receiver_key)):
        return None  # the method that makes it connects it too: its connect is the one judged
    return bindings


def check_timeout(facts, report):
    if _module_default_timeout(facts):
        return
    calls = facts.calls
    for site in calls:
        if site.qname == "socket.create_connection":
            if any(arg.star for arg in site.node.args):
                continue  # *args / **kwargs may carry the timeout
            if site.argument(1, "timeout") is not None:
                continue
            if _timeout_is_the_callers(facts, site) or not _read_or_kept(calls, site):
                continue
            targets = site.targets or _with_target(site)
            if len(targets) == 1 and site.direct and site.role != "return":
                if _exempt(facts, site, targets[0]):
                    continue
                reads = _reads_in_function(calls, site, targets[0])
                if "." not in targets[0] and reads and not _kept(facts, site, targets[0]):
                    _report_reads(facts, report, site, reads, "socket.create_connection()")
                    continue
                reads = _class_reads(facts, site, targets[0])
                if reads:
                    _report_reads(facts, report, site, reads, "socket.create_connection()")
                    continue
            elif _local_peer(facts, site, ()) or _module_sets_timeouts(facts):
                continue  # handed on as it is made: whoever receives it may set a timeout
            report(site.node, "SCK701", call="socket.create_connection()")
        elif site.method == "connect" and site.receiver_key is not None:
            reaching = site.reaching
            if not reaching:
                reaching = _made_by_the_class(facts, site)
                if not reaching:
                    continue
            elif not all(_plain_socket(facts, b) and b.scope is site.scope for b in reaching):
                continue
            family, kind = facts.constructed_kind(site)
            if family in ("unix", "other") or kind in ("dgram", "other"):
                continue  # no TCP connection: no peer that can vanish half-open
            reads = _reads_later(facts, site, calls)
            if _exempt(facts, site, site.receiver_key, reaching, reads):
                continue
            if reads:
                _report_reads(facts, report, site, reads, ".connect()")


def _class_reads(facts, site, key):
    """For ``self.x = create_connection(...)``, when the project index follows the class
    and the class never hands ``self.x`` to another call: the reads of ``self.x`` in every
    method of the class (``_report_reads`` then lets those a readiness wait makes safe
    go). Empty otherwise, and the connection is judged as before."""
    scope = site.scope
    cls = scope.cls
    if cls is None or scope.self_name is None or not key.startswith(scope.self_name + ".") \
            or "." in key[len(scope.self_name) + 1:] \
            or facts.timeout_set_elsewhere(site, key) is None \
            or facts.attribute_handed_on(cls, key[len(scope.self_name) + 1:]):
        return []  # not followed, or handed on to be read out of sight
    reads = []
    for other in facts.calls:
        if other.scope.cls is not cls:
            continue
        if other.receiver_key == key:
            if other.method in ("makefile", "dup", "detach"):
                return []
            if other.method in _READS | {"read", "readline"}:
                reads.append(other)
    return reads


def _set_blocking_at_a_read(facts, site, reads):
    """A read of the socket that the flow finds in blocking mode, set there on every path
    (``setblocking(True)`` or ``settimeout(None)`` after a non-blocking drain), with no
    SO_RCVTIMEO on the socket in sight (a receive timeout survives ``setblocking(True)``):
    whatever modes the code sets elsewhere, that read waits for ever on a vanished peer."""
    key = site.receiver_key
    if not reads or not any(_sets_blocking(other) for other in facts.calls_on(key)) or \
            any(_sets_rcvtimeo(other) for other in facts.calls_on(key)):
        return False
    return any(facts.state(read) == BLOCKING for read in reads)


def _sets_blocking(site):
    """``settimeout(None)`` / ``setblocking(True)``: the socket is made blocking."""
    return site.method in ("settimeout", "setblocking") and not _sets_timeout(site)


def _timeout_is_the_callers(facts, site):
    """The function takes a timeout parameter or passes one to another create_connection:
    blocking is its caller's explicit choice (``if timeout is None: ...``)."""
    scope = site.scope
    if scope.kind == "function":
        for name, bindings in scope.bindings.items():
            if "timeout" in name.lower() and any(b.how == "param" for b in bindings):
                return True
    return any(
        other.qname == "socket.create_connection" and other.argument(1, "timeout") is not None
        for other in facts.calls_in(scope)
    )


def _reads_in_function(calls, site, key):
    """The reads of the socket ``key`` made by ``create_connection()`` at ``site``, later
    in the same function (those ``_read_or_kept`` counts)."""
    return [
        later for later in calls
        if later.scope is site.scope and later.receiver_key == key
        and later.method in _READS | {"read", "readline"} and later.order > site.order
    ]


def _kept(facts, site, key):
    """The local socket ``key`` is returned or stored on ``self`` by its function: it is
    read after the function returns, out of this function's readiness waits."""
    if facts.stored_on_self(site.scope, key):
        return True
    root = site.scope.node
    stack = [root]
    while stack:
        node = stack.pop()
        if node is not root and isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, cst.Return) and node.value is not None and _holds(node.value, key):
            return True
        stack.extend(iter_children(node))
    return False


def _read_or_kept(calls, site):
    """The new socket is read in this function, or leaves it (returned, stored on an
    object): only then can a vanished peer block a read forever."""
    if site.role == "return":
        return True
    targets = site.targets or _with_target(site)
    if any("." in key for key in targets):
        return True
    return any(
        later.scope is site.scope and later.receiver_key in targets
        and later.method in _READS | {"read", "readline"} and later.order > site.order
        for later in calls
    )


def _with_target(site):
    stmt = site.stmt
    if isinstance(stmt, cst.With):
        for item in stmt.items:
            if item.item is site.node and item.asname is not None:
                name = item.asname.name
                if isinstance(name, cst.Name):
                    return (name.value,)
    return ()


def check_keepalive(facts, report):
    if any(facts.mentions(name) for name in _KEEPALIVE_TUNING):
        return
    for site in facts.calls:
        if not _turns_keepalive_on(site) or \
                facts.keepalive_timers_set(site, site.receiver_key):
            continue
        if site.receiver_key is not None and _watchdog(facts, site, site.receiver_key):
            continue  # the program notices a silent peer by its own clock, not by keepalive
        if _written_only(site):
            continue  # nothing ever waits to read from the peer: no call to hang
        if _keepalive_peer_local(facts, site):
            continue  # the peer is on this host: it cannot vanish half-open
        if not _has_read_timeout(facts, site):
            report(site.node, "SCK702")


def _keepalive_peer_local(facts, site):
    """The socket given SO_KEEPALIVE at ``site`` (a local name of its function) talks to
    a peer on this host: it was accepted there from a listener bound to loopback only
    (``loopback_listener``, SCK501's principle), or the function connects it to a local
    peer (``_local_peer``, SCK701's). When the peer's host dies, so does this one; when the
    peer's program dies, its kernel closes the connection. Keepalive has nothing to
    detect."""
    key = site.receiver_key
    if key is None or "." in key:
        return False
    bindings = site.scope.bindings.get(key, ())
    if not bindings:
        return False
    accepted = [b for b in bindings if accepted_binding(b)]
    if accepted and len(accepted) == len(bindings):
        calls = {id(other.node): other for other in facts.calls}
        for binding in accepted:
            value = strip_await(binding.value)
            if isinstance(value, cst.Subscript):
                value = strip_await(value.value)
            accept = calls.get(id(value))
            if accept is None or not loopback_listener(facts, accept):
                return False
        return True
    connects = [other for other in facts.calls_in(site.scope)
                if other.receiver_key == key and other.method in ("connect", "connect_ex")]
    return bool(connects) and all(_local_peer(facts, other, bindings) for other in connects)


# What a function may do with a socket it only writes to: no call among these waits for data
# from the peer.
_WRITE_ONLY_USES = frozenset({"send", "sendall", "sendto", "sendmsg", "sendfile", "write",
                              "setsockopt", "settimeout", "setblocking", "connect",
                              "shutdown", "close", "fileno", "getsockname", "getpeername"})


def _written_only(site):
    """The socket is a local name of the function (made there: no parameter, no global)
    that the function only writes to: every use of the name is a binding or a call of one
    of ``_WRITE_ONLY_USES`` on it. It is never read, waited on, returned, stored or handed
    to other code, so no call ever waits for the peer, and a vanished peer blocks nothing
    (a write fails once the retransmissions time out, whatever the keepalive timers)."""
    key = site.receiver_key
    scope = site.scope
    if key is None or "." in key or scope.kind != "function":
        return False
    bindings = scope.bindings.get(key, ())
    if not bindings or any(b.how in ("param", "import", "def", "class") for b in bindings):
        return False
    declared = declared_names(scope.node)
    if key in declared or "*" in declared:
        return False  # global / nonlocal: other code sees it (``*``: a match may bind it)
    stack = [(scope.node.body, None)]
    while stack:
        node, parent = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            if any(isinstance(n, cst.Name) and n.value == key for n in walk(node, True)):
                return False  # a closure may read it later
            continue
        if isinstance(node, cst.Name) and node.value == key:
            if isinstance(parent, cst.Attribute) and parent.value is node:
                if parent.attr.value not in _WRITE_ONLY_USES:
                    return False
            elif not _bound_here(parent, node):
                return False
        for child in iter_children(node):
            stack.append((child, node))
    return True


def _bound_here(parent, name):
    """``name`` is the target of an assignment or an ``as`` (``parent`` holds it)."""
    return isinstance(parent, (cst.AssignTarget, cst.AsName)) or (
        isinstance(parent, (cst.AnnAssign, cst.AugAssign)) and parent.target is name)


def _is_none_or_zero(node):
    return (isinstance(node, cst.Name) and node.value == "None") or int_value(node) == 0 or (
        isinstance(node, cst.Float) and float(node.value.replace("_", "") or 1) == 0)


def _has_read_timeout(facts, site):
    """The socket keepalive is set on also has a read timeout, in the function (or, for
    ``self.x``, the class) that sets keepalive: the last ``settimeout`` there has a value
    other than None or 0 (a variable counts: the timeout is then the caller's choice), or,
    with no ``settimeout``/``setblocking`` there, the socket is in timeout mode at the call
    (a ``create_connection`` timeout); or ``SO_RCVTIMEO`` is set on it. A blocked read then
    ends by itself, and keepalive is not the only way the program notices a dead peer.

    A local socket the function stores on ``self.x`` is that attribute for the rest of the
    class; when the class inherits from a class of another module, whose methods may set
    the timeout out of sight, it is given the benefit of the doubt."""
    key = site.receiver_key
    if key is None:
        return False
    if _unix_socket(facts, site):
        return True  # AF_UNIX: no TCP keepalive at all, and no half-open peer
    rcvtimeo, last = _timeout_calls(facts, site.scope, key)
    stored = tuple(f"{site.scope.self_name}.{attr}"
                   for attr in facts.stored_on_self(site.scope, key)) if "." not in key else ()
    for attr in stored:
        attr_rcvtimeo, attr_last = _timeout_calls(facts, site.scope, attr)
        rcvtimeo = rcvtimeo or attr_rcvtimeo
        last = last or attr_last
    if rcvtimeo or facts.read_timeout_set_elsewhere(site, key):
        return True
    if last is None:
        if stored and _inherits_from_elsewhere(facts, site.scope.cls):
            return True
        if facts.state(site) != TIMEOUT:
            return False
        return not _timeout_argument_may_be_none(facts, site)
    if last.method == "setblocking":
        return False
    value = last.argument(0, "value")
    return value is not None and not _is_none_or_zero(value) and \
        not facts.timeout_may_be_none(last.scope, value)


def _timeout_argument_may_be_none(facts, site):
    """The socket is in timeout mode because ``create_connection(addr, timeout)`` was given
    a parameter that defaults to None (``FlowFacts.timeout_may_be_none``)."""
    for binding in site.reaching or ():
        value = strip_await(binding.value) if binding.value is not None else None
        if isinstance(value, cst.Call) and \
                facts.imports.qualify(value.func) == "socket.create_connection":
            timeout = None
            for i, arg in enumerate(value.args):
                if arg.keyword is not None and arg.keyword.value == "timeout":
                    timeout = arg.value
                elif arg.keyword is None and i == 1:
                    timeout = arg.value
            if timeout is not None and facts.timeout_may_be_none(binding.scope, timeout):
                return True
    return False


def _timeout_calls(facts, scope, key):
    """(SO_RCVTIMEO set, the last settimeout/setblocking) on ``key``: in ``scope``, or for
    ``self.x`` in any method of the class."""
    in_class = scope.self_name is not None and key.startswith(scope.self_name + ".")
    rcvtimeo = False
    last = None
    for other in facts.calls_on(key):
        if in_class:
            if other.scope.cls is not scope.cls:
                continue
        elif other.scope is not scope:
            continue
        if other.method == "setsockopt":
            option = other.positional(1)
            if option is not None and mentions(option, "SO_RCVTIMEO"):
                rcvtimeo = True
        elif other.method in ("settimeout", "setblocking"):
            if last is None or (other.scope is last.scope and other.order > last.order):
                last = other
    return rcvtimeo, last


def _inherits_from_elsewhere(facts, cls):
    """A base class that is not defined in this module (nor ``object``). With the project
    index, project bases are followed (``FlowFacts.project_settings``): only a base outside
    the project is out of sight."""
    if cls is None:
        return False
    local = {c.name for c in facts.classes}
    outside = [base for base in cls.bases
               if base not in local and base not in ("object", "builtins.object")]
    if outside and facts.project is not None and facts.module_name is not None:
        project = facts.project
        for arg in cls.node.bases:
            dotted = key_of(arg.value)
            if arg.keyword is not None or dotted in ("object", "builtins.object"):
                continue
            qname = project.resolve(facts.module_name, dotted) if dotted else None
            if qname is None or project.class_of(qname) is None:
                return True  # a base outside the project (or a dynamic one)
        return False
    return bool(outside)


def _unix_socket(facts, site):
    reaching = site.reaching
    if not reaching:
        return False
    for binding in reaching:
        value = strip_await(binding.value) if binding.value is not None else None
        if not (isinstance(value, cst.Call) and any(mentions(a.value, "AF_UNIX")
                                                     for a in value.args)):
            return False
    return True


# What a watchdog does to the connection: writes to it (a ping the peer must answer, whose
# retransmissions end a half-open connection) or ends it.
_TOUCHES = frozenset({"send", "sendall", "write", "close", "shutdown"})
_ENDS = frozenset({"close", "shutdown"})
_WRITES = frozenset({"send", "sendall", "write"})
_HOPS = 3


def _watchdog(facts, site, key):
    """``self.x`` is watched by a method of its class that keeps the program's own receive
    timeout, so a silent peer is noticed without a socket timeout:

    - a method that measures the silence: it compares a time the class records from a
      clock (``if time.time() - self._last_recv > 120:``, also through a local name,
      ``idle = now - self._last_recv``), recorded in a method that does not itself write
      the socket (a rate limiter's time of the last send measures no silence), and it
      writes to the socket (a ping) or ends it, directly or through methods of the class
      (up to three calls deep);
    - a method whose loop waits a fixed time on every pass (``while not
      self._stop.wait(5.0):``, ``time.sleep(5)``) and ends the socket (``close()``,
      ``shutdown()``), directly or through methods of the class: a heartbeat timer that
      drops the connection when the beats stop.

    The method must be another than the one holding the call judged, and must not read
    the socket itself, directly or through methods of the class (a reconnect loop that
    sleeps and closes around the reads is no watchdog)."""
    scope = site.scope
    cls, self_name = scope.cls, scope.self_name
    if cls is None or self_name is None or not key.startswith(self_name + ".") or \
            "." in key[len(self_name) + 1:]:
        return False
    attr = key[len(self_name) + 1:]
    return facts.memo(f"liveness.watchdog:{id(cls.node)}:{attr}",
                      lambda: _find_watchdog(facts, cls, attr, scope.node))


def _find_watchdog(facts, cls, attr, holder):
    methods = {}
    for stmt in cls.node.body.body:
        if isinstance(stmt, cst.FunctionDef) and stmt.params.params:
            methods[stmt.name.value] = (stmt, _method_facts(facts, stmt, attr))
    # times the class records from a clock, other than in a method that writes the socket
    # itself (``self._last_send = time.time()`` in a rate limiter measures no silence)
    sending = {name for name, (_, info) in methods.items() if info["socket"] & _WRITES}
    recorded = set()
    for name, (_, info) in methods.items():
        if name not in sending:
            recorded |= info["clock_set"]
    for name in sending:
        recorded -= methods[name][1]["clock_set"]
    touches = {name for name, (_, info) in methods.items() if info["socket"] & _TOUCHES}
    ends = {name for name, (_, info) in methods.items() if info["socket"] & _ENDS}
    reads = {name for name, (_, info) in methods.items() if info["socket"] & _READS}
    for _ in range(_HOPS):
        touches |= {name for name, (_, info) in methods.items() if info["calls"] & touches}
        ends |= {name for name, (_, info) in methods.items() if info["calls"] & ends}
        reads |= {name for name, (_, info) in methods.items() if info["calls"] & reads}
    for name, (node, info) in methods.items():
        if node is holder or name in reads:
            continue  # a loop that reads (a reconnect loop around the reads) is no watchdog
        if info["compared"] & recorded and name in touches:
            return True
        if info["timed_loop"] and name in ends:
            return True
    return False


def _method_facts(facts, method, attr):
    """What one method does: the socket methods it calls on ``self.<attr>``, the methods of
    ``self`` it calls, the attributes of ``self`` it compares (directly or through a local
    name computed from them: ``idle = now - self._last_recv``) and those it sets from a
    clock, and whether a loop of it waits a fixed time on every pass."""
    params = method.params.params
    self_name = params[0].name.value
    qualify = facts.imports.qualify
    found = {"socket": set(), "calls": set(), "compared": set(), "clock_set": set(),
             "timed_loop": False}
    nodes = []
    stack = [method.body]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        nodes.append(node)
        stack.extend(iter_children(node))
    for node in nodes:  # ``self._last_recv = time.time()``
        if isinstance(node, cst.Assign) and isinstance(node.value, cst.Call) and \
                qualify(node.value.func) in CLOCKS:
            for target in node.targets:
                key = key_of(target.target)
                if key is not None and key.startswith(self_name + ".") and \
                        "." not in key[len(self_name) + 1:]:
                    found["clock_set"].add(key[len(self_name) + 1:])
    derived = {}  # local name -> attributes of ``self`` its value is computed from
    for node in nodes:
        if isinstance(node, cst.Assign) and len(node.targets) == 1 and \
                isinstance(node.targets[0].target, cst.Name):
            attrs = _self_attributes(node.value, self_name)
            if attrs:
                derived.setdefault(node.targets[0].target.value, set()).update(attrs)
    for node in nodes:
        if isinstance(node, cst.While):
            if _timed_wait(node.test, qualify) or any(
                    _timed_wait(line, qualify) for line in node.body.body):
                found["timed_loop"] = True
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
            owner = key_of(node.func.value)
            if owner == self_name:
                found["calls"].add(node.func.attr.value)
            elif owner == f"{self_name}.{attr}":
                found["socket"].add(node.func.attr.value)
        if isinstance(node, cst.Comparison):
            found["compared"] |= _self_attributes(node, self_name)
            stack = [node]
            while stack:  # ``idle = now - self.last_reply`` then ``idle > limit``
                part = stack.pop()
                if isinstance(part, cst.Name) and part.value in derived:
                    found["compared"] |= derived[part.value]
                stack.extend(iter_children(part))
    return found


def _timed_wait(node, qualify):
    """The statement or test holds ``x.wait(t)`` or a sleep of ``t`` (an argument given)."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda, cst.While, cst.For)):
            continue
        if isinstance(node, cst.Call) and node.args and (
                (isinstance(node.func, cst.Attribute) and node.func.attr.value == "wait")
                or qualify(node.func) in tables.SLEEP_CALLS):
            return True
        stack.extend(iter_children(node))
    return False


def _self_attributes(node, self_name):
    """The attributes of ``self`` (one level: ``self._last_recv``) an expression mentions."""
    attributes = set()
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Attribute):
            key = key_of(node)
            if key is not None and key.startswith(self_name + ".") and \
                    "." not in key[len(self_name) + 1:]:
                attributes.add(key[len(self_name) + 1:])
                continue
        stack.extend(iter_children(node))
    return attributes


CHECKS = {  # code -> (check, gate): see Rule in rules/__init__.py
    # socket.create_connection(), or connect() on a socket.socket() made here
    "SCK701": (
        check_timeout,
        lambda evidence: evidence.mentions("socket") and (
            evidence.called("create_connection") or evidence.calls("connect")),
    ),
    "SCK702": (
        check_keepalive,
        lambda evidence: evidence.calls("setsockopt") and evidence.mentions("SO_KEEPALIVE"),
    ),
}

"""SCK801 bind-without-reuseaddr."""

import libcst as cst

from lint_sockets.analysis.facts import BREAK, KNOWN, LIKELY, NOT_FOUND, RAISE, RETURN
from lint_sockets.analysis.nodes import (
    contains, int_value, key_of, mentions, method_calls, name_stays_local, strip_await,
    target_keys, walk,
)
from lint_sockets.analysis.platforms import WINDOWS
from lint_sockets.rules.fixutil import UNSAFE, FixSpec, flatten_before, module_alias, statement

_REUSE_OPTIONS = ("SO_REUSEADDR", "SO_REUSEPORT", "SO_EXCLUSIVEADDRUSE")
_SERVER_BASES = ("socketserver.", "http.server.")


def _constructors(site):
    """The constructor calls among the bindings that reach the call (for ``self.X`` with no
    binding in this method: the class's), if all are visible."""
    bindings = site.reaching
    if not bindings:
        head, _, rest = site.receiver_key.partition(".")
        cls = site.scope.cls
        if rest and cls is not None and head == site.scope.self_name and "." not in rest:
            bindings = [b for b in cls.attr_bindings.get(rest, ()) if not _is_none(b.value)]
    calls = []
    for binding in bindings or ():
        value = strip_await(binding.value) if binding.value is not None else None
        if not isinstance(value, cst.Call):
            return None
        calls.append(value)
    return calls or None


def _is_none(value):
    return value is None or (isinstance(value, cst.Name) and value.value == "None")


def _family_and_type(call):
    """The family and type arguments of socket.socket(...), None where absent."""
    family = type_ = None
    positional = [a for a in call.args if a.keyword is None and not a.star]
    if positional:
        family = positional[0].value
    if len(positional) > 1:
        type_ = positional[1].value
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "family":
            family = arg.value
        elif arg.keyword is not None and arg.keyword.value == "type":
            type_ = arg.value
    return family, type_


def _is_tcp(facts, site):
    """TCP over IP: AF_INET/AF_INET6 (or no family: the default) and a stream type. With
    the family out of sight, only a literal (host, port) address says so."""
    ctors = _constructors(site)
    if ctors is not None and all(
        facts.makes_plain_socket(c) for c in ctors
    ):
        verdicts = set()
        for call in ctors:
            family, type_ = _family_and_type(call)
            if type_ is not None and not mentions(type_, ("SOCK_STREAM",)):
                verdicts.add(False if _mentions_socket_constant(type_) else None)
            elif family is None or mentions(family, ("AF_INET", "AF_INET6")):
                verdicts.add(True)
            elif _mentions_socket_constant(family):
                verdicts.add(False)  # AF_UNIX, AF_VSOCK, AF_BLUETOOTH, ...
            else:
                verdicts.add(None)  # a variable: cannot tell
        if verdicts == {True}:
            return True
        if False in verdicts:
            return False
    address = site.positional(0)
    if isinstance(address, cst.Tuple):
        return True
    value = facts.constant_value(address) if address is not None else NOT_FOUND
    return isinstance(value, tuple) and len(value) in (2, 4)


def _port(facts, site, address):
    """The port of a ``(host, port)`` address: a literal tuple, or a module constant
    (``bind(DEFAULT_ADDR)``, imported from another project module too); a port, or an
    address, that is a name or ``self`` attribute whose last assignment in the function
    runs on every path to the bind with nothing in between that can change it
    (``Facts.value_before``). A port or address that such a name holds from a call of a
    project "find a free port" function, or that such a call gives in the ``bind()`` itself,
    is port 0 (``Facts.ephemeral_from``). None if unknown."""
    if isinstance(address, (cst.Name, cst.Attribute)):
        value = facts.value_before(site, address)
        if isinstance(value, cst.Tuple):
            address = value
        elif facts.ephemeral_from(site, value) == "address":
            return 0  # the address a "find a free port" function got by binding port 0
    elif facts.ephemeral_from(site, address) == "address":
        return 0
    if isinstance(address, cst.Tuple):
        if len(address.elements) >= 2:
            return _number(facts, site, address.elements[1].value)
        return None
    if address is None:
        return None
    value = facts.constant_value(address)
    if isinstance(value, tuple) and len(value) >= 2 and type(value[1]) is int:
        return value[1]
    return None


def _number(facts, site, node):
    """An int literal, a module constant, or a name / ``self`` attribute last assigned
    one of those in the function (``self.port = 0`` ... ``bind((host, self.port))``)."""
    number = int_value(node)
    if number is not None:
        return number
    if facts.ephemeral_from(site, node) == "port":
        return 0  # a "find a free port" function's port: new on every run
    if facts.port_zero_by_default(site, node) or _random_port(facts, node):
        return 0  # a parameter whose default 0 no call replaces; a port drawn each run
    if isinstance(node, (cst.Name, cst.Attribute)):
        value = facts.value_before(site, node)
        if value is not None:
            number = int_value(value)
            if number is not None:
                return number
            if facts.ephemeral_from(site, value) == "port" or \
                    facts.port_zero_by_default(site, value) or _random_port(facts, value):
                return 0
            node = value
    if type(node) is cst.Attribute:
        # ``PORT = 0`` in the class body, bound as ``self.PORT``, that nothing replaces
        number = int_value(facts.class_constant(site.scope, node))
        if number is not None:
            return number
    constant = facts.constant_value(node)
    return constant if type(constant) is int else None


_RANDOM_PORTS = frozenset({"random.randint", "random.randrange", "random.choice",
                           "secrets.randbelow", "secrets.choice"})


def _random_port(facts, node):
    """The port is drawn at random on every run (``random.randint(20000, 30000)``, also
    shifted by a number, ``49000 + random.randint(0, 1000)``): the previous run's
    connections, in TIME_WAIT on its own port, are on another port but by chance."""
    while type(node) is cst.BinaryOperation and type(node.operator) in (cst.Add, cst.Subtract):
        if int_value(node.left) is not None:
            node = node.right
        elif int_value(node.right) is not None:
            node = node.left
        else:
            break
    return isinstance(node, cst.Call) and facts.imports.qualify(node.func) in _RANDOM_PORTS


def _tries_again(facts, site):
    """``bind()`` in a loop whose handler, when the address is in use (EADDRINUSE, a plain
    ``OSError``), goes on with the loop: the program tries the next candidate port (or the
    same one again later), so a port held in TIME_WAIT does not stop it from starting."""
    if not site.loops:
        return False
    frame, handler = facts.catching_frame(site, "OSError")
    if frame is None or handler is None or frame.loop_depth < len(site.loops):
        return False
    if facts.handler_outcome(handler, "OSError", "EADDRINUSE").all_paths(_goes_on):
        return True
    # ``while self.running: try: bind(); break / except OSError: if self.running: sleep(5)
    # else: return``: a branch taken only once the loop's own test has failed is where the
    # program was told to stop, not a bind given up
    loop = site.loops[-1]
    if loop.kind != "while" or not isinstance(loop.node.test, cst.BaseExpression):
        return False
    return facts.handler_outcome(handler, "OSError", "EADDRINUSE",
                                 holds=loop.node.test).all_paths(_goes_on)


def _binds_another_address(facts, site):
    """``bind()`` in a ``try`` whose handler for a taken address (EADDRINUSE, a plain
    ``OSError``) binds the same socket, in the same function, to an address written
    differently (``port + 1``, a port drawn at random, port 0), or reading a name or
    attribute the handler assigns first (``self.port = random.randint(...)``): the program
    takes another address when this one is taken, so a port held in TIME_WAIT does not
    stop it from starting (the second ``bind()`` is checked on its own)."""
    _, handler = facts.catching_frame(site, "OSError")
    if handler is None:
        return False
    code = cst.Module([]).code_for_node(site.node.args[0].value)
    # names and attributes the handler assigns (``self.port = random.randint(...)``)
    changed = set()
    for node in walk(handler.node.body):
        if isinstance(node, (cst.AssignTarget, cst.AugAssign, cst.AnnAssign)):
            changed.update(target_keys(node.target))
    for other in facts.calls_on(site.receiver_key):
        if other.method != "bind" or other.scope is not site.scope or not other.node.args or \
                not contains(handler.node.body, other.node):
            continue
        address = other.node.args[0].value
        if cst.Module([]).code_for_node(address) != code or any(
                key_of(node) in changed for node in walk(address)
                if isinstance(node, (cst.Name, cst.Attribute))):
            return True
    return False


def _goes_on(path):
    """A handler's path that goes on with the loop: no ``raise``, ``return`` or ``break``."""
    return not (path & {RAISE, RETURN, BREAK})


def _callers_try_again(facts, site):
    """``bind()`` in a function that neither loops around it nor handles its error, whose
    every call in the module (at least one, all in sight: ``caller_handlers``;
    ``self._listen()`` from the class's methods, the calls of a module function's name) is
    inside a ``try`` in a loop of the caller whose handler catches ``OSError`` and goes on
    with that loop (no ``raise``, ``return`` or ``break`` on any path): the bind is retried
    one call level up, and a port held in TIME_WAIT only delays the start."""
    if site.loops or site.scope.kind != "function":
        return False
    frame, _ = facts.catching_frame(site, "OSError")
    if frame is not None:
        return False  # handled in the function itself: the callers never see the error
    handlers = facts.caller_handlers(site, "OSError")
    if not handlers:
        return False
    for handler in handlers:
        if handler.try_frame.loop_depth < 1:
            return False
        outcome = facts.handler_outcome(handler, "OSError", "EADDRINUSE")
        if not outcome.all_paths(lambda path: not (path & {RAISE, RETURN, BREAK})):
            return False
    return True


def _mentions_socket_constant(node):
    key = node.attr.value if isinstance(node, cst.Attribute) else (
        node.value if isinstance(node, cst.Name) else "")
    return key.startswith(("AF_", "SOCK_")) and key.isupper()


def _same_socket_calls(facts, site):
    """Calls on the same socket: in the same function, or for self.X in the same class."""
    key = site.receiver_key
    scope = site.scope
    head, _, rest = key.partition(".")
    in_class = bool(rest) and scope.cls is not None and head == scope.self_name
    for other in (*facts.calls_on(key), *facts.calls_on_each(key)):
        if other.scope is scope:
            yield other, True
        elif in_class and other.scope.cls is scope.cls:
            yield other, False


def _origins(site):
    """Names of the same socket object the bound one was made from in this function: a
    plain alias (``self.sock = sock``) or an SSL wrapper (``ssl.wrap_socket(sock)``,
    ``context.wrap_socket(sock, server_side=True)``), which takes over the wrapped socket's
    descriptor, so options set on it before stay set."""
    bindings = site.reaching
    if not bindings:
        head, _, rest = site.receiver_key.partition(".")
        cls = site.scope.cls
        if rest and cls is not None and head == site.scope.self_name and "." not in rest:
            bindings = [b for b in cls.attr_bindings.get(rest, ()) if b.scope is site.scope]
    origins = set()
    for binding in bindings or ():
        value = strip_await(binding.value) if binding.value is not None else None
        if binding.index is not None or value is None:
            continue
        if isinstance(value, cst.Call) and (key_of(value.func) or "").rpartition(".")[2] \
                == "wrap_socket" and value.args and value.args[0].keyword is None \
                and not value.args[0].star:
            value = value.args[0].value
        key = key_of(value) if isinstance(value, (cst.Name, cst.Attribute)) else None
        if key is not None and key != site.receiver_key:
            origins.add(key)
    return origins


def _never_accepted(site):
    """The listener is a local name of the function, which never accepts on it and never
    lets it go (no ``accept()``, also in a nested function; ``name_stays_local``): a socket
    that only holds the port. Connections that wait in its queue are reset when it closes,
    and none is ever accepted, so none can leave the port in TIME_WAIT."""
    key = site.receiver_key
    if "." in key or site.scope.kind != "function":
        return False
    return not method_calls(site.scope.node.body, key, ("accept", "fileno", "dup",
                                                        "detach")) and \
        name_stays_local(site.scope.node.body, key)


def _reuse_set(facts, site, key):
    """SO_REUSEADDR (or its kin) set on ``key`` by a call before ``site`` in its function."""
    for other in facts.calls_on(key):
        if other.scope is site.scope and other.method == "setsockopt" \
                and other.order < site.order:
            option = other.positional(1)
            if option is not None and mentions(option, _REUSE_OPTIONS):
                return True
    return False


def check(facts, report):
    for site in facts.calls:
        if site.method != "bind" or site.receiver_key is None or len(site.node.args) != 1:
            continue
        address = site.positional(0)
        if _port(facts, site, address) == 0:
            continue  # port 0: a fresh ephemeral port, no TIME_WAIT to collide with
        if facts.platforms(site.node) <= {WINDOWS}:
            continue  # Windows rebinds during TIME_WAIT with no option
        cls = site.scope.cls
        if cls is not None and any(b.startswith(_SERVER_BASES) for b in cls.bases):
            continue
        info = facts.socket_confidence(site)
        if info.confidence not in (KNOWN, LIKELY) or info.datagram:
            continue
        if not _is_tcp(facts, site):
            continue
        listens = False
        reuse = False
        for other, same_scope in _same_socket_calls(facts, site):
            if other.method == "listen" and (not same_scope or other.order > site.order):
                listens = True
            elif other.method == "setsockopt" and (not same_scope or other.order < site.order):
                option = other.positional(1)
                if option is not None and type(option) is cst.Attribute:
                    # ``self.option_name`` that the class body binds to ``SO_REUSEADDR``
                    option = facts.class_constant(other.scope, option) or option
                if option is not None and mentions(option, _REUSE_OPTIONS):
                    reuse = True
        if listens and not reuse and not _tries_again(facts, site) and \
                not _callers_try_again(facts, site) and \
                not _binds_another_address(facts, site) and \
                not _never_accepted(site) \
                and not facts.reuse_address_set_before(site, site.receiver_key) \
                and not any(_reuse_set(facts, site, key) for key in _origins(site)):
            report(site.node, "SCK801", fix=_fix(facts, site))


def _fix(facts, site):
    """Insert ``sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)`` before bind."""
    alias = module_alias(facts, "socket")
    if alias is None or site.line is None:
        return None
    receiver = facts.code_for(site.receiver)

    def build():
        new = statement(facts, f"{receiver}.setsockopt({alias}.SOL_SOCKET, "
                               f"{alias}.SO_REUSEADDR, 1)\n")
        return [(site.line, flatten_before(new))]

    return FixSpec(UNSAFE, "Set SO_REUSEADDR before bind()", build)


CHECKS = {  # code -> (check, gate): see Rule in rules/__init__.py
    "SCK801": (check, lambda evidence: evidence.socket_call(("bind",))),
}

"""Listeners bound to this host alone: ``loopback_listener(facts, site)`` answers, for an
``accept()`` call, whether every bind of its listener in sight gives a loopback address (or an
AF_UNIX socket), so that only programs on this host connect to it. SCK501 asks it of its
accept loops, SCK702 of the connections those listeners hand out."""

import libcst as cst

from lint_sockets.analysis.identity import return_values
from lint_sockets.analysis.nodes import key_of, own_declaration


def _attribute_alias(scope, key):
    """For a local name that the method binds once, to an attribute of its object
    (``with self._sock as sock:``, ``sock = self._sock``): that attribute's key, whose binds
    in any method of the class are the listener's; None otherwise."""
    if "." in key or scope.cls is None or scope.self_name is None:
        return None
    bindings = scope.bindings.get(key, ())
    if len(bindings) != 1 or bindings[0].how not in ("assign", "with") or \
            bindings[0].index is not None or type(bindings[0].value) is not cst.Attribute:
        return None
    target = key_of(bindings[0].value)
    if target is None or target.count(".") != 1 or \
            target.partition(".")[0] != scope.self_name:
        return None
    return target


def loopback_listener(facts, site):
    """The listener (of ``listener.accept()``, or the socket handed to
    ``loop.sock_accept(listener)``) is bound to a loopback address only: every ``bind()``
    of it in sight (in the function, or, for ``self.x``, in any method of the class), and
    every
    ``socket.create_server(address)`` whose result it holds there, gives a loopback host
    (``facts.loopback_address``), and there is at least one. A local name bound once to an
    attribute (``with self._sock as sock:``) is that attribute; a name or attribute assigned
    the result of a helper that returns the one socket it made (``_returned_local``) is
    bound where the helper binds it; when its own binds do not show loopback, a name tested
    to be some other object around the accept (``if s is self.server: s.accept()``) is that
    object. Only programs on this host
    connect to it, and a connection waiting in its queue is reset only by a local client
    that aborts it on purpose (``SO_LINGER`` 0): a client that dies or closes sends FIN,
    and the server cannot have sent it anything to leave unread."""
    if site.method == "accept":
        key = site.receiver_key
    elif site.method == "sock_accept":
        key = site.arg_key  # ``await loop.sock_accept(listener)``
    else:
        return False
    if key is None or facts.through_helper(site) is not None:
        return False
    key = _attribute_alias(site.scope, key) or key
    if _bound_to_loopback(facts, site, key):
        return True
    other = facts.identical_name(site, key)  # ``for s in readable: if s is self.server:``
    return other is not None and _bound_to_loopback(facts, site, other)


def _bound_to_loopback(facts, site, key):
    """``loopback_listener`` for the listener ``key`` (the receiver of ``site``, or the
    object a test around it shows the receiver is)."""
    scopes = {id(site.scope)}
    owner = site.scope  # the method whose ``self`` an attribute key names
    if "." not in key:
        # a closure's listener (``def serve(): conn, _ = srv.accept()`` inside the function
        # that made ``srv``): the binds of the function whose name it reads
        scope = site.scope
        while key not in scope.bindings and scope.parent is not None and \
                scope.parent.kind == "function":
            scope = scope.parent
            scopes.add(id(scope))
        alias = _attribute_alias(scope, key) if scope is not site.scope else None
        if alias is not None:
            # ``server = self.server`` in the method around the closure
            key, owner = alias, scope
    # a module global (``s = socket.socket()`` at the top of the module): its binds in every
    # function that reads it as the global, and at the top level
    module_global = "." not in key and _reads_global(site.scope, key)

    def in_sight(other):
        return id(other.scope) in scopes or (
            "." in key and owner.cls is not None and other.scope.cls is owner.cls
        ) or (module_global and _reads_global(other.scope, key))

    # ``self._srv = srv`` in a method: the listener was made and bound as the local ``srv``
    # there, and its binds count as the attribute's; ``self._srv = self._bind_server(host,
    # port)``: the helper's local that it returns
    names = set()
    for binding in facts.class_assignments(owner, key) if "." in key else ():
        if binding.how == "assign" and binding.index is not None and \
                isinstance(binding.value, cst.Call):
            # ``self.port, self.conn = self._get_connection()``, whose every ``return``
            # hands back ``port, sock``: the helper's local at that place
            returned = _returned_local(facts, binding.scope, binding.value, binding.index)
            if returned is not None:
                names.add(returned)
            continue
        if binding.how != "assign" or binding.index is not None:
            continue
        # ``lsock = self.listen_socket = socket.socket()``: one object under both names,
        # and the binds of the local name there are the attribute's
        node = binding.node
        if type(node) is cst.Assign and len(node.targets) > 1:
            names.update((id(binding.scope), target.target.value) for target in node.targets
                         if type(target.target) is cst.Name)
        if isinstance(binding.value, cst.Name):
            names.add((id(binding.scope), binding.value.value))
        elif isinstance(binding.value, cst.Call):
            returned = _returned_local(facts, binding.scope, binding.value)
            if returned is not None:
                names.add(returned)

    # ``srv = make_listener(port)``: every binding of the local name in the function is a
    # call of a helper of the module that returns the one socket it made and bound
    if "." not in key and site.scope.kind == "function":
        bindings = site.scope.bindings.get(key, ())
        returned = [_returned_local(facts, site.scope, b.value) if b.how == "assign"
                    and b.index is None and isinstance(b.value, cst.Call) else None
                    for b in bindings]
        if returned and all(r is not None for r in returned):
            names.update(returned)

    def named(other, other_key):
        return other_key == key and in_sight(other) or \
            (id(other.scope), other_key) in names

    if _local_binds(facts, named):
        return True
    return "." not in key and _loopback_from_callers(facts, site.scope, key)


def _returned_local(facts, scope, call, index=None):
    """For a call, in the method ``scope``, of another method of its class
    (``self._bind_server(host, port)``) or of a function of the module (``make_listener()``):
    (id of that function's scope, the name of its local) when every ``return`` of it gives
    that one local name (``return server``), whose binds there are then the binds of what
    the call gives; None otherwise. With ``index`` ((position, length) of a target the
    call's result is unpacked into), every ``return`` must give a tuple of that length
    holding that one local at that position (``return port, sock``)."""
    func = call.func
    if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and \
            func.value.value == scope.self_name and scope.cls is not None:
        name, cls = func.attr.value, scope.cls
    elif isinstance(func, cst.Name):
        name, cls = func.value, None
    else:
        return None
    found = [other for other in facts.scopes if other.kind == "function"
             and isinstance(other.node, cst.FunctionDef) and other.node.name.value == name
             and (other.parent is facts.model.module_scope if cls is None
                  else other.cls is cls and other.parent is not None
                  and other.parent.kind == "class")]
    if len(found) != 1:
        return None
    helper = found[0]
    returned = return_values(helper)
    if index is not None:
        position, length = index
        if not returned or not all(type(value) is cst.Tuple and len(value.elements) == length
                                   and not any(type(e) is cst.StarredElement
                                               for e in value.elements)
                                   for value in returned):
            return None
        returned = [value.elements[position].value for value in returned]
    if not returned or not all(type(value) is cst.Name for value in returned):
        return None
    local = returned[0].value
    if any(value.value != local for value in returned) or local not in helper.bindings or \
            any(b.how == "param" for b in helper.bindings[local]):
        return None
    return id(helper), local


def _reads_global(scope, name):
    """Code in ``scope`` that uses ``name`` uses the module's global of that name: the
    module binds it, and no function on the way binds it (unless it declares it
    ``global``: ``global server`` then ``server = socket.socket()``). Class bodies do not
    enclose the functions in them."""
    while scope is not None and scope.kind != "module":
        if scope.kind == "function" and name in scope.bindings:
            if own_declaration(scope.node, name) != "global":
                return False
        scope = scope.parent
    return scope is not None and name in scope.bindings


def _local_binds(facts, named):
    """The ``bind()`` calls on a name ``named(call, key)`` accepts, and the
    ``socket.create_server(address)`` calls whose result it holds (also as ``with ... as
    name``), are at least one, and
    each binds a loopback address (or an AF_UNIX socket: the other branch of ``AF_UNIX if
    available, else loopback`` is local too)."""
    addresses = [(other, other.positional(0)) for other in facts.calls
                 if other.method == "bind" and named(other, other.receiver_key)]
    addresses += [(other, other.argument(0, "address")) for other in facts.calls
                  if other.qname == "socket.create_server"
                  and any(named(other, target)
                          for target in (*other.targets, *_with_names(other)))]
    return bool(addresses) and all(facts.loopback_address(call, address)
                                   or facts.loopback_by_default(call, address)
                                   or (call.method == "bind"
                                       and facts.listener_family(call) == "unix")
                                   for call, address in addresses)


def _with_names(call):
    """The name a ``with`` statement binds the result of ``call`` to (``with
    socket.create_server(address) as srv:``), as a one-item list; [] otherwise."""
    stmt = call.stmt
    if not isinstance(stmt, cst.With):
        return []
    return [key_of(item.asname.name) for item in stmt.items
            if item.item is call.node and item.asname is not None
            and isinstance(item.asname.name, cst.Name)]


def _loopback_from_callers(facts, scope, name):
    """The listener is the parameter ``name`` of the function ``scope``, and every call of
    the function in the module (a thread started on it with its arguments written out
    included: ``facts.function_calls``) passes a name that the calling function binds
    only to loopback (``_local_binds`` in that function), or holds from a helper that
    returns the one socket it made and binds it so (``_returned_local``)."""
    arguments = facts.arguments_from_callers(scope, name)
    if not arguments:
        return False
    for caller, arg in arguments:
        passed = key_of(arg) if isinstance(arg, cst.Name) else None
        if passed is None:
            return False
        # ``server = make_server(address)`` in the caller: the helper's binds of the one
        # local it returns
        made = set()
        bindings = caller.bindings.get(passed, ()) if caller.kind == "function" else ()
        returned = [_returned_local(facts, caller, b.value) if b.how == "assign"
                    and b.index is None and isinstance(b.value, cst.Call) else None
                    for b in bindings]
        if returned and all(r is not None for r in returned):
            made.update(returned)
        if not _local_binds(
                facts, lambda other, other_key, caller=caller, passed=passed, made=made:
                (other_key == passed and other.scope is caller)
                or (id(other.scope), other_key) in made):
            return False
    return True


def self_connected_listener(facts, site):
    """The function connects a socket to the listener's own address
    (``c.connect(listener.getsockname())``, also through a name assigned from it): a
    socketpair emulation or self-pipe whose only client is the program itself, not a
    server (``site``: an accept on that listener)."""
    listener = site.receiver_key
    if listener is None:
        return False
    for other in facts.calls_in(site.scope):
        if other.method in ("connect", "connect_ex"):
            if facts.sockname_of(other, other.positional(0)) == listener:
                return True
    return False

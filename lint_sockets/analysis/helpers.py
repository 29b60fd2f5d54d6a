"""Socket operations done through project helpers: what a call of a project function or
method does to a socket, read from the project index.

``def _read(self): return self.sock.recv(4096)`` makes every ``self._read()`` a ``recv`` of
``self.sock``; ``def read_some(sock): return sock.recv(n)`` makes ``read_some(conn)`` a
``recv`` of ``conn``; ``def accept(self): return self.handle.accept()`` on a transport class
makes ``self.transport.accept()`` an accept. Rules iterate over ``Facts.socket_ops()`` (direct
calls and calls through such helpers alike), so a new helper shape added here reaches every
rule that reads socket operations.

What is followed: the callee is a module function (local or imported, through the index's
name resolution), a method of the calling class (``self.m()``), or a method of the project
class an attribute holds (``self.conn.m()``, from the attribute's annotation or assignments).
The helper's own returns decide (``index.returns``, which follows helpers calling helpers on
the same object up to ``index.MAX_DEPTH`` summaries). A helper that tests the read for
b"" and raises or returns (``index.reads_on_eof``) hands on no unchecked read; one that
returns an accept inside a ``try`` with ``except`` clauses handles its errors. Callers are
never searched here, and dynamic calls (``getattr``, callbacks held in
variables, objects of unknown class) are unknown.
"""

from __future__ import annotations

import libcst as cst

from lint_sockets.analysis.identity import KNOWN, LIKELY, NOT_SOCKET, UNKNOWN, SocketInfo
from lint_sockets.analysis.nodes import key_of

_INDEX = None  # the index module, imported on first use (the analysis works without it)


def _index():
    global _INDEX
    if _INDEX is None:
        from lint_sockets.analysis import index
        _INDEX = index
    return _INDEX


class HelperOp:
    """A socket operation a call performs through a project helper.

    ``method``: the socket method the helper calls (``recv``, ``accept``); ``helper``: the
    helper's qualified name; ``info``: what is known of the socket it is called on (its
    ``SocketInfo`` as the caller sees it); ``argument``: the caller's argument that is the
    socket, when the helper reads a parameter; ``attr``: the helper's ``self`` attribute it
    reads, otherwise."""

    __slots__ = ("method", "helper", "info", "argument", "attr", "bound")

    def __init__(self, method: str, helper: str, info: SocketInfo,
                 argument: cst.BaseExpression | None = None, attr: str | None = None,
                 bound: bool = False):
        self.method = method
        self.helper = helper  # module.function, or module.Class.method when ``bound``
        self.info = info
        self.argument = argument
        self.attr = attr
        self.bound = bound

    @property
    def short_name(self) -> str:
        """The helper as a message names it: ``read_some``, ``Stream.recv`` for a method."""
        parts = self.helper.split(".")
        return ".".join(parts[-2:]) if self.bound and len(parts) > 1 else parts[-1]


def helper_names(project) -> frozenset:
    """The last names of project functions whose summaries return something (a read, a
    forwarded call, another function's or method's result): the calls the walk must record
    so ``through_helper`` can be asked about them (``ProjectIndex.helper_names``, gathered
    as the summaries are made, not from every summary). Empty without a project."""
    if project is None:
        return frozenset()
    return project.helper_names()


class HelperFacts:
    """The helper questions of ``Facts``."""

    def through_helper(self, site) -> HelperOp | None:
        """The socket operation a recorded call performs through a project helper, or None
        (no project, not a project function, or it returns no socket call's result)."""
        project = self.project
        if project is None or self.module_name is None:
            return None
        cache = self.__dict__.setdefault("_helper_ops", {})
        key = id(site.node)
        if key in cache:
            return cache[key]
        op = cache[key] = self._through_helper(site, project)
        return op

    def _callee(self, site, project):
        """(qualified name of the project function called, bound: the call passes self,
        class qname whose instance is ``self`` in the callee or None)."""
        module = self.module_name
        node = site.node
        func = node.func
        if isinstance(func, cst.Name):
            qname = project.resolve(module, func.value)
            if qname is None or site.scope.bindings.get(func.value) and \
                    site.scope.kind == "function":
                return None  # a local (a parameter, a callback) shadows it
            return qname, False, None
        receiver = site.receiver
        scope = site.scope
        if isinstance(receiver, cst.Name) and scope.cls is not None \
                and receiver.value == scope.self_name:
            cls_qname = self._class_qname(scope.cls)
            if cls_qname is None:
                return None
            return f"{cls_qname}.{site.method}", True, cls_qname
        if isinstance(receiver, cst.Attribute) and isinstance(receiver.value, cst.Name) \
                and scope.cls is not None and receiver.value.value == scope.self_name:
            cls_qname = self._class_qname(scope.cls)
            if cls_qname is None:
                return None
            held = project.attribute_kind(cls_qname, receiver.attr.value)
            if held.kind is not _index().ValueKind.INSTANCE or not held.name \
                    or project.class_of(held.name) is None:
                return None
            return f"{held.name}.{site.method}", True, held.name
        dotted = key_of(func)
        if dotted is None:
            return None
        head = dotted.partition(".")[0]
        if head in site.scope.bindings and site.scope.kind == "function":
            return None  # a local object: its class is not known here
        qname = project.resolve(module, dotted)
        if qname is None or project.function_of(qname) is None:
            return None
        owner = qname.rpartition(".")[0]
        if project.class_of(owner) is not None:
            return None  # ``Class.method(obj)``: unbound, left alone
        return qname, False, None

    def _through_helper(self, site, project):
        if site.method is not None and site.receiver is None:
            return None
        callee = self._callee(site, project)
        if callee is None:
            return None
        qname, bound, cls_qname = callee
        function = project.function_of(qname)
        if function is None or not function.returns:
            return None
        index = _index()
        if project.reads_on_eof(qname) is not None:
            return None
        value = project.returns(qname)
        if value.kind not in (index.ValueKind.READ, index.ValueKind.FORWARD) or not value.method:
            return None
        # A function's parameter indexes are its own: through a call of another function
        # (``return read_some(self.sock)``) they would not be the caller's; an attribute of
        # self stays the same object through ``self.<method>()`` calls.
        own = any(v.kind in (index.ValueKind.READ, index.ValueKind.FORWARD)
                  for v in function.returns)
        if value.param is not None:
            if not own:
                return None
            position = value.param - (1 if bound else 0)
            if position < 0:
                return None
            argument = site.positional(position)
            if argument is None:
                return None
            info = self._argument_info(site, argument)
            return HelperOp(value.method, qname, info, argument=argument, bound=bound)
        if value.name is None or cls_qname is None:
            return None
        info = self._attribute_info(site, project, cls_qname, value.name)
        return HelperOp(value.method, qname, info, attr=value.name, bound=True)

    def _argument_info(self, site, argument):
        key = key_of(argument)
        if key is None:
            return SocketInfo(UNKNOWN)
        info = self.info(site.scope, key)
        if info.confidence != UNKNOWN:
            return info
        return self._by_name(key, info)

    def _attribute_info(self, site, project, cls_qname, attr):
        scope = site.scope
        receiver = site.receiver
        if isinstance(receiver, cst.Name) and scope.self_name is not None:
            # ``self._read()``: the attribute of this very object, as this module sees it
            info = self.info(scope, f"{scope.self_name}.{attr}")
            if info.confidence != UNKNOWN:
                return info
        value = project.attribute_kind(cls_qname, attr)
        kinds = _index().ValueKind
        if value.kind is kinds.SOCKET:
            stream = value.socket is not _index().SocketType.DATAGRAM
            info = SocketInfo(KNOWN, datagram=not stream, ssl=value.ssl)
            if value.socket is _index().SocketType.UNKNOWN:
                info = SocketInfo(KNOWN, ssl=value.ssl)
            return info
        if value.kind is kinds.INSTANCE:
            return SocketInfo(NOT_SOCKET)
        return self._by_name(attr, SocketInfo(UNKNOWN))

    def _by_name(self, key, info):
        last = key.rpartition(".")[2]
        if self.name_pattern.search(last) and last not in self._names_of_other_things():
            return SocketInfo(LIKELY, info.datagram, info.ssl, plain=info.plain)
        return info


__all__ = ["HelperOp", "HelperFacts", "helper_names"]

"""Blocking state of a socket at a point in the code: the states, how settimeout() and
friends set them, how branches merge, and the facts rules ask (``Facts.state``, how a
``send()`` can write part of its data)."""

from __future__ import annotations

import enum

import libcst as cst

from lint_sockets.analysis.identity import is_plain_ctor
from lint_sockets.analysis.nodes import key_of, number_value, strip_await


class Blocking(enum.Enum):
    """Blocking state of a socket at a point in the code."""

    NONBLOCKING = "non-blocking"
    BLOCKING = "blocking"
    TIMEOUT = "timeout"
    UNKNOWN = "unknown"
    ENTRY = "entry"  # whatever it was when the function was entered; resolved after the walk
    CTOR = "ctor"  # as created by socket.socket(); depends on setdefaulttimeout in the module
    SNDTIMEO = "sndtimeo"  # SO_SNDTIMEO set with setsockopt (a partial mode, not a flow state)


NONBLOCKING = Blocking.NONBLOCKING
BLOCKING = Blocking.BLOCKING
TIMEOUT = Blocking.TIMEOUT
UNKNOWN = Blocking.UNKNOWN
ENTRY = Blocking.ENTRY
CTOR = Blocking.CTOR
SNDTIMEO = Blocking.SNDTIMEO
PARTIAL_MODES = (TIMEOUT, NONBLOCKING)


def timeout_state(value: cst.BaseExpression) -> Blocking:
    """State after settimeout(value). A variable is taken as a real timeout: code that
    wants a non-blocking socket says setblocking(False) or settimeout(0)."""
    if isinstance(value, cst.Name) and value.value == "None":
        return BLOCKING
    number = number_value(value)
    if number is None:
        return TIMEOUT
    return NONBLOCKING if number == 0 else TIMEOUT


def merge_states(branches, touched):
    """Join the flow states of branches that left one common state, where only the keys in
    ``touched`` can differ: a key keeps its blocking state only if every branch agrees."""
    merged = dict(branches[0])
    for key in touched:
        if key.endswith("#p"):
            # Partial-write modes: those of any branch (a "may" fact, unlike the state).
            modes = frozenset().union(*[s.get(key, frozenset()) for s in branches])
            if modes:
                merged[key] = modes
            else:
                merged.pop(key, None)
            continue
        if key.endswith("#b"):
            # Bindings that may reach: the union; none when some path has none of its own.
            sets = [s.get(key) for s in branches]
            if all(v is not None for v in sets):
                merged[key] = frozenset().union(*sets)
            else:
                merged.pop(key, None)
            continue
        values = {s.get(key, ENTRY) for s in branches}
        if len(values) == 1:
            value = values.pop()
            if value != ENTRY:
                merged[key] = value
            else:
                merged.pop(key, None)
        else:
            merged[key] = UNKNOWN
    return merged


_NOT_HANDLERS = {"signal.SIG_IGN", "signal.SIG_DFL", "signal.Handlers.SIG_IGN",
                 "signal.Handlers.SIG_DFL", "signal.default_int_handler"}
SIGNAL = "signal"  # a partial-write cause: a signal handler interrupting a blocking send


class FlowFacts:
    """The blocking-state questions of ``Facts``."""

    def state(self, site, key=None):
        """Blocking state of the receiver (or of the first argument, ``key=site.arg_key``)
        at this call."""
        if key is None:
            state, key = site.state, site.receiver_key
        elif key == site.arg_key:
            state = site.arg_state
        else:
            return UNKNOWN
        if state == ENTRY:
            state = self._entry_state(site.scope, key)
        if state == CTOR:
            state = self.model.default_timeout or BLOCKING
        return state or UNKNOWN

    def _entry_state(self, scope, key):
        head, _, rest = key.partition(".")
        if rest and scope.cls is not None and head == scope.self_name and "." not in rest:
            states = self._creation_states(scope.cls, rest)
            if states and len(states) == 1:
                return next(iter(states))
            if not scope.cls.attr_states.get(rest):
                bindings = scope.cls.attr_bindings.get(rest, ())
                created = [b for b in bindings if b.value is not None]
                if created and all(is_plain_ctor(self.imports, b.value) for b in created):
                    return self.model.default_timeout or BLOCKING
            return UNKNOWN
        if not rest and scope.kind == "function":
            owner = scope.parent
            while owner is not None and owner.kind == "class":
                owner = owner.parent
            if owner is not None and owner.kind == "module" and key not in scope.bindings:
                value = self.model.module_state.get(key)
                if value is not None and value != ENTRY:
                    return CTOR if value == CTOR else value
        return UNKNOWN

    @staticmethod
    def _creation_states(cls, attr):
        """States set on ``self.attr`` where the class sets the socket up: in the method that
        creates it, or in ``__init__``/``setUp``. A switch made in one other method says
        nothing about the socket's state in the rest of the class."""
        states = set()
        key_suffix = "." + attr
        for state, method in cls.attr_states.get(attr, ()):
            name = method.node.name.value
            binds = any(k.endswith(key_suffix) and k.count(".") == 1 for k in method.bindings)
            if binds or name in ("__init__", "setUp", "setup", "__enter__"):
                states.add(state)
        return states

    def partial_write_modes(self, site):
        """How a ``send()`` on the receiver of ``site`` can return a short count, as far as
        the module shows: a set of TIMEOUT / NONBLOCKING / SNDTIMEO (the socket may be in
        that mode on some path to the call) and SIGNAL (the module installs a Python signal
        handler, which can interrupt a blocking send part-way). Empty when the socket is
        blocking on every path the analysis can see, or its mode cannot be seen at all."""
        modes = set()
        key = site.receiver_key
        if key is None:
            return modes
        if self.signal_handler_installed():
            modes.add(SIGNAL)
        if site.state == BLOCKING:
            return modes  # setblocking(True) / settimeout(None) on this path, in this function
        state = self.state(site)
        if state in (TIMEOUT, NONBLOCKING):
            modes.add(state)
        modes.update(site.partial or ())
        if site.timeo in ("send", "both"):
            modes.add(SNDTIMEO)
        head, _, rest = key.partition(".")
        cls = site.scope.cls
        if site.state == ENTRY:
            if rest and "." not in rest and cls is not None and head == site.scope.self_name:
                # a socket kept on self: some method of the class sets its mode
                modes.update(cls.attr_partial.get(rest, ()))
            elif not rest:
                modes.update(self._module_partial(site.scope, key))
        elif not rest and cls is not None and site.reaching:
            # ``sock = self.sock`` in a method: the class's modes for the attribute
            for binding in site.reaching:
                value = strip_await(binding.value) if binding.value is not None else None
                source = key_of(value) if value is not None and binding.index is None else None
                head, _, attr = (source or "").partition(".")
                if attr and "." not in attr and head == site.scope.self_name:
                    modes.update(cls.attr_partial.get(attr, ()))
        if state in (UNKNOWN, CTOR) and self.model.default_timeout in (TIMEOUT, NONBLOCKING):
            # socket.setdefaulttimeout() holds for every socket the process makes afterwards
            modes.add(self.model.default_timeout)
        return modes

    def _module_partial(self, scope, key):
        """Partial-write modes of a module-level socket a function uses without binding it."""
        owner = scope.parent
        while owner is not None and owner.kind == "class":
            owner = owner.parent
        if scope.kind != "function" or owner is None or owner.kind != "module" or \
                key in scope.bindings:
            return ()
        return self.model.module_state.get(key + "#p", ())

    def signal_handler_installed(self):
        """The module installs a Python-level signal handler: ``signal.signal(SIG, func)``
        with a callable, not ``SIG_IGN``, ``SIG_DFL``, ``None``, ``default_int_handler`` (it
        raises, so nothing goes on after the interrupted call) or a handler saved from
        ``getsignal()``/an earlier ``signal.signal()`` (restoring what was there)."""
        cached = self._signal_handler
        if cached is None:
            cached = any(self._installs_handler(site) for site in self.model.signal_calls)
            self._signal_handler = cached
        return cached

    def _installs_handler(self, site):
        handler = site.argument(1, "handler")
        if handler is None:
            return False
        handler = strip_await(handler)
        if isinstance(handler, cst.Lambda):
            return True
        key = key_of(handler)
        if key is None:
            return False
        if self.imports.qualify_key(key) in _NOT_HANDLERS or key == "None":
            return False
        if "." in key:
            head, _, rest = key.partition(".")
            # ``self._on_signal``: a method of this class
            return head == site.scope.self_name and "." not in rest
        owner = site.scope
        while owner is not None:
            bindings = owner.bindings.get(key)
            if bindings:
                return all(b.how == "def" for b in bindings)
            owner = owner.parent
        return False

    def is_nonblocking(self, site, key=None):
        return self.state(site, key) == NONBLOCKING

    def is_blocking_or_timeout(self, site, key=None):
        return self.state(site, key) in (BLOCKING, TIMEOUT)


"""The questions rules ask, answered from one module's walk (``walk.ModuleModel``).

``Facts`` is the one object rules use. Each group of questions lives in the module that
answers it:

- identity: is the receiver of this call a socket (known / likely / not)? Stream or
  datagram? SSL?
- flow: what is its blocking state at this call? Can a send() write part of its data?
  What does a name or ``self`` attribute hold at a call, from its own function's code?
- handlers: which handler catches exception X raised by this call, and what does that
  handler do when the error is errno E (raise, return, break, continue, fall through,
  close, sleep)?
- errnos: which errno names does an expression stand for?
- readiness: is a read reached only right after a readiness wait (``select``, ``poll``,
  ``selectors``) reported its socket readable, a wait that cannot hang on that peer alone?
  Did the wait report that very socket readable, whatever its timeout?
- turns: is this read the first one on its socket since this code's own send on it, or since
  the connection was made (the start of the peer's reply or first message), or a fixed-size
  read that still ends within that reply's first 48 bytes?
- versions: what is a Python-version test (``six.PY3``, ``sys.version_info[0] < 3``) on
  Python 3, and which code only Python 2 runs?
- platforms: on which operating systems can this code run (``if sys.platform ==
  "win32":``, ``os.name``, ``platform.system()``, a Windows-only import)?
- children: does a call run only in a child process between fork and exec (a
  ``subprocess`` ``preexec_fn``, a fork's child branch that execs)?
- helpers: which socket operation does a call of a project helper perform (``self._read()``
  returning ``self.sock.recv(n)``)? Needs the project index.
"""

from __future__ import annotations

from typing import Callable, Sequence, TypeVar

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.children import ChildFacts
from lint_sockets.analysis.eof import (
    deadline_loop, decodes_first_parameter, decoder_handlers_leave, fails_when_empty,
    inner_break_only, joined_with_str, pair_writer_kept_open, read_name_joined_with_str,
    reads_clock, str_names, waits_for_a_person,
)
from lint_sockets.analysis.errnos import ErrnoFacts
from lint_sockets.analysis.flow import (
    BLOCKING, CTOR, ENTRY, NONBLOCKING, SIGNAL, SNDTIMEO, TIMEOUT, FlowFacts, ValueFacts,
    mode_set_by, tcp_level,
)
from lint_sockets.analysis.handlers import (
    BREAK, CLOSE, CONTINUE, FALL, RAISE, RETURN, SLEEP, TERMINAL, Handler, HandlerFacts,
    Outcome, SuppressFrame, TryFrame,
)
from lint_sockets.analysis.helpers import HelperFacts, HelperOp
from lint_sockets.analysis.identity import (
    DEFAULT_SOCKET_NAMES, KNOWN, LIKELY, NOT_SOCKET, UNKNOWN, Evidence, IdentityFacts,
    SocketInfo,
)
from lint_sockets.analysis.index import NOT_FOUND, ValueKind
from lint_sockets.analysis.nodes import (
    declared_names, imported_modules, key_of, module_level_smalls, number_value, strip_await,
    suites_of,
)
from lint_sockets.analysis.platforms import EVERYWHERE, MARKERS, platform_map
from lint_sockets.analysis.readiness import ReadinessFacts
from lint_sockets.analysis.turns import TurnFacts
from lint_sockets.analysis.unbound import after_unbound_name
from lint_sockets.analysis.versions import on_python3, python2_imports, python2_only_nodes
from lint_sockets.analysis.walk import CallSite, ClassInfo, Loop, Scope

T = TypeVar("T")


class Facts(
    IdentityFacts, FlowFacts, ValueFacts, HandlerFacts, ErrnoFacts, HelperFacts, ReadinessFacts,
    TurnFacts, ChildFacts,
):
    """Everything rules ask about one module."""

    def __init__(self, model, settings, source=None, project=None, module=None,
                 test_code=False):
        self.model = model
        # the file is test code (paths.is_test_code): its servers serve the test's clients
        self.test_code = test_code
        self.project = project  # the project's ProjectIndex, or None (the file alone)
        self.module_name = module  # this file's module name in ``project``
        self.source = source  # the file's text (str or bytes), for cheap "does it mention X"
        self.imports = model.imports
        self.settings = settings
        from lint_sockets.settings import compile_socket_names  # linear-time matching

        self.name_pattern = compile_socket_names(settings.socket_names or DEFAULT_SOCKET_NAMES)
        self._info_cache = {}
        self._aliases = {}
        self._errno_names = {}
        self._usage = None
        self._local_classes = {c.name: c for c in model.classes}
        self._other_names = None
        self._signal_handler = None
        self._memo: dict[str, object] = {}

    # ---- what the walk found: rules read the module through these -------------------

    @property
    def module(self) -> cst.Module:
        """The module's syntax tree."""
        return self.model.module

    def code_for(self, node: cst.CSTNode) -> str:
        """The source text of ``node``, as the module writes it."""
        return self.model.module.code_for_node(node)

    @property
    def calls(self) -> list[CallSite]:
        """Every recorded call (socket methods and the other calls rules look at), in
        source order."""
        return self.model.calls

    def calls_in(self, scope: Scope) -> Sequence[CallSite]:
        """The recorded calls made directly in ``scope``, in source order."""
        return self.model.calls_in(scope)

    def calls_on(self, receiver_key: str) -> Sequence[CallSite]:
        """The recorded calls on ``receiver_key`` (``sock``, ``self.sock``), in any scope."""
        return self.model.calls_on(receiver_key)

    def calls_on_each(self, receiver_key: str) -> list[CallSite]:
        """The recorded calls on ``receiver_key`` made through the target of a ``for`` loop
        over a literal list, tuple or set that holds it: in
        ``for sock in [listener, other]: sock.setsockopt(...)`` the body runs once with
        ``sock`` being ``listener``, so the call is one on ``listener`` too. The call must be
        on the loop's own target (a plain name) directly in the loop's body, in the loop's
        function."""
        found = []
        for loop in self.model.loops:
            node = loop.node
            if not isinstance(node, cst.For) or not isinstance(node.target, cst.Name) \
                    or not isinstance(node.iter, (cst.List, cst.Tuple, cst.Set)):
                continue
            if not any(isinstance(element, cst.Element) and key_of(element.value) == receiver_key
                       for element in node.iter.elements):
                continue
            target = node.target.value
            for site in loop.calls:
                if site.receiver_key == target and site.loops and site.loops[-1] is loop:
                    found.append(site)
        return found

    @property
    def loops(self) -> list[Loop]:
        """Every ``while`` and ``for`` loop, in source order."""
        return self.model.loops

    @property
    def classes(self) -> list[ClassInfo]:
        """The classes the module defines."""
        return self.model.classes

    @property
    def scopes(self) -> list[Scope]:
        """The module, class and function scopes."""
        return self.model.scopes

    @property
    def module_scope(self) -> Scope:
        return self.model.module_scope

    @property
    def handlers(self) -> list[Handler]:
        """Every ``except`` clause, in source order."""
        return self.model.handlers

    @property
    def comparisons(self) -> list[tuple[cst.Comparison, Scope, Handler | None]]:
        """Every comparison, with its scope and the ``except`` clause it is in (or None)."""
        return self.model.comparisons

    @property
    def constants(self) -> dict[str, cst.BaseExpression]:
        """Module-level ``NAME = value`` assignments (the first of each name)."""
        return self.model.constants

    def on_python3(self, test: cst.BaseExpression) -> bool | None:
        """What a Python-version test (``six.PY3``, ``sys.version_info[0] < 3``, a module
        constant holding one) is on Python 3; None for any other test."""
        return on_python3(self.imports, self.model.constants, test)

    def python2_module(self) -> bool:
        """The module cannot be imported on Python 3: it imports, unconditionally at its top
        level, a standard-library module Python 3 no longer has (``from Queue import
        Queue``, ``import urllib2``; ``versions.python2_imports``), and the project has no
        module of that name that the import could find instead; or it is a module of a
        package, imported as one, that imports a sibling module the Python 2 way
        (``implicit_relative_import``)."""
        def compute():
            names = python2_imports(self.model.module)
            if names and self.project is not None:
                ours = {qname.rpartition(".")[2] for qname in self.project.summaries}
                names = [name for name in names if name not in ours]
            return bool(names) or self.implicit_relative_import() is not None or \
                self.package_init_fails() is not None

        return self.memo("versions.python2_module", compute)

    def package_init_fails(self) -> str | None:
        """The package around this module (its own package or one above it) whose
        ``__init__`` imports a sibling module by its bare name, unconditionally at its top
        level (``from client import start`` in ``pkg/__init__.py`` beside ``pkg/client.py``,
        with no top-level ``client`` module in the project nor in the standard library):
        importing any module of the package runs that ``__init__`` first, which fails on
        Python 3, so this module cannot be imported either. Only for a module that is not
        run as a script (no ``if __name__ == "__main__":`` block) and holds no code at its
        top level but imports, definitions and assignments: such a module is used only by
        importing it. None otherwise, and without a project index."""
        if self.project is None or self.module_name is None:
            return None
        summaries = self.project.summaries
        own = summaries.get(self.module_name)
        if own is None:
            return None
        package = self.module_name if own.is_package else self.module_name.rpartition(".")[0]
        while package:
            summary = summaries.get(package)
            if summary is None or not summary.is_package:
                return None
            if package != self.module_name and any(
                    "." not in name and f"{package}.{name}" in summaries and
                    name not in summaries and name not in tables.STDLIB_MODULES
                    for name in summary.requires):
                if _runs_as_script(self.model.module) or \
                        not _definitions_only(self.model.module):
                    return None
                return package
            package = package.rpartition(".")[0]
        return None

    def implicit_relative_import(self) -> str | None:
        """The sibling module this package module imports by its bare name, unconditionally
        at its top level (``from errors import RouteError`` in ``netlink/Client.py`` beside
        ``netlink/errors.py``): Python 2 looked in the package first, Python 3 looks only
        on ``sys.path``, where the project has no top-level module of that name (nor is it
        a standard-library one), so on Python 3 the import fails. Only for a module that is
        imported as part of its package, never run as a script from its directory (where
        ``sys.path`` holds that directory and the import works): the package's own
        ``__init__``, or a module its ``__init__`` imports (by its full name, relatively, or
        by its bare name), with no ``if __name__ == "__main__":`` block. None otherwise,
        and without a project index."""
        if self.project is None or self.module_name is None:
            return None
        summaries = self.project.summaries
        if self.module_name not in summaries or _runs_as_script(self.model.module):
            return None
        own = summaries[self.module_name]
        package = self.module_name if own.is_package else self.module_name.rpartition(".")[0]
        if not package or package not in summaries:
            return None
        short = self.module_name.rpartition(".")[2]
        # the package's ``__init__`` imports this module: by its full name, relatively, or
        # by its bare name (the Python 2 import of a sibling)
        names = (self.module_name, short) if short not in summaries else (self.module_name,)
        if not own.is_package and not any(
                target == name or target.startswith(name + ".")
                for target in summaries[package].imports.values() for name in names):
            return None
        for small in module_level_smalls(self.model.module):
            for name in imported_modules(small):
                head = (name or "").partition(".")[0]
                if head and f"{package}.{head}" in summaries and head not in summaries \
                        and head not in tables.STDLIB_MODULES:
                    return head
        return None

    def python2_only(self, node: cst.CSTNode) -> bool:
        """``node`` is in a branch or arm that a version test rules out on Python 3, or in a
        module that cannot be imported on Python 3 (``python2_module``): with a Python 3
        target it never runs."""
        if self.python2_module():
            return True
        dead = self._memo.get("versions.python2_only")
        if dead is None:
            text = self.source if isinstance(self.source, str) else (
                self.source.decode("latin-1") if self.source is not None else None)
            if text is not None and "version_info" not in text and "PY2" not in text \
                    and "PY3" not in text:
                dead = frozenset()
            else:
                dead = frozenset(python2_only_nodes(self.model.module, self.imports,
                                                    self.model.constants))
            self._memo["versions.python2_only"] = dead
        return id(node) in dead

    def after_unbound_name(self, node: cst.CSTNode) -> bool:
        """``node`` runs only after a statement of its block that reads a name the module
        binds nowhere and that is no builtin of Python 3 (``cv2.imencode(frame)`` with no
        ``import cv2``, ``unicode(text)``): that statement raises ``NameError`` every time,
        so ``node`` never runs (``unbound.after_unbound_name``)."""
        return id(node) in self.memo("unbound.after",
                                     lambda: after_unbound_name(self.model.module))

    def platforms(self, node: cst.CSTNode) -> frozenset[str]:
        """The families of operating systems ``node`` can run on (``platforms.WINDOWS``,
        ``LINUX``, ``BSD``, ``OTHER``): fewer than all of them under a platform test (``if
        sys.platform == "win32":``, the rest of a block after ``if os.name != "nt": raise``,
        a test that calls a project function which is one, ``if SysUtil.run_on_windows():``)
        or in a module that imports a Windows-only module at its top level, itself or
        through project modules it imports there (``ProjectIndex.windows_only``); and of
        those, the ones the project declares (its ``Operating System`` classifiers,
        ``Settings.systems``), unless the code runs on none of them."""
        found = self._memo.get("platforms")
        if found is None:
            text = self.source if isinstance(self.source, str) else (
                self.source.decode("latin-1") if self.source is not None else None)
            project = self.project if self.module_name is not None else None
            tests = project.platform_test_names() if project is not None else ()
            windows = project is not None and project.windows_only(self.module_name)
            if text is not None and not windows and \
                    not any(marker in text for marker in MARKERS) \
                    and not any(name in text for name in tests):
                found = {}
            else:
                found = platform_map(self.model.module, self.imports, self.model.constants,
                                     self._platform_test_called if tests else None,
                                     windows)
            self._memo["platforms"] = found
        runs_on = found.get(id(node), EVERYWHERE)
        declared = getattr(self.settings, "systems", None)
        if declared and runs_on & declared:
            return runs_on & declared  # the project runs on no other system
        return runs_on

    def _platform_test_called(self, call: cst.Call) -> frozenset[str] | None:
        """The families where ``call`` (no arguments) returns true, when it calls a project
        function or method that is a platform test (``index.FunctionSummary.platforms``)."""
        qname = self._project_name(key_of(call.func))
        return self.project.platform_test(qname) if qname else None

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """A module-wide answer a rule computes once per module (``compute()``), kept under
        ``key`` for as long as this module is being checked."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    def constant_value(self, node: cst.BaseExpression) -> object:
        """The value of a module constant named by ``node`` (``DEFAULT_ADDR``,
        ``const.DEFAULT_ADDR``), defined in this module or imported from another project
        module, as the project index records it (int, float, str, bytes, bool, None, tuple,
        frozenset, ``index.ErrnoName``); ``index.NOT_FOUND`` when unknown or when there is
        no project index. Imports and re-exports are followed ``index.MAX_HOPS`` steps."""
        if self.project is None or self.module_name is None:
            return NOT_FOUND
        key = key_of(strip_await(node))
        if key is None:
            return NOT_FOUND
        return self.project.constant(self.module_name, key)

    def declared_names(self) -> frozenset[str]:
        """Names declared ``global`` or ``nonlocal`` anywhere in the module (``"*"`` with a
        ``match`` statement): their bindings are not all where the walk records them."""
        return self.memo("nodes.declared", lambda: declared_names(self.model.module))

    def str_names(self, scope: Scope) -> frozenset[str]:
        """The names of ``scope`` (a function, or the module) that can only hold a str
        (``eof.str_names``): ``data = ''`` with ``data += x`` or ``data = rest``,
        ``rest = data[n:]``."""
        return self.memo(f"eof.str_names:{id(scope)}",
                         lambda: str_names(scope, self.declared_names()))

    def read_joined_with_str(self, site: CallSite) -> bool:
        """The bytes the call returns are added to a str at once (``data += sock.recv(n)``
        with ``data = ''``, ``rest = data + sock.recv(n)``): on Python 3 the addition
        raises TypeError before anything else is done with them."""
        if site.stmt is None:
            return False
        names = self.str_names(site.scope)
        if not names:
            return False
        return joined_with_str(site.node, site.stmt, names)

    def read_name_joined_with_str(self, site: CallSite, loop) -> bool:
        """The read is bound to a name that a later statement of the same pass adds to a
        str (``n = sock.recv(k)`` ... ``s = s + n`` with ``s = ''``): on Python 3 the first
        pass raises TypeError (``eof.read_name_joined_with_str``)."""
        names = self.str_names(site.scope)
        return bool(names) and read_name_joined_with_str(site, loop.node, names)

    def read_fails_when_empty(self, site: CallSite, loop) -> str | None:
        """The exception the code raises straight after the read when it returns ``b""``
        (``eof.fails_when_empty``): a decoder of the bytes (``struct.unpack``,
        ``json.loads``, ``data[0]``) that cannot decode nothing, also of the read handed
        back by ``bytes(...)`` or a project function returning its argument."""
        return fails_when_empty(site, loop.node, self.imports.qualify, self.hands_back,
                                self.constants, self.decoder_of)

    def read_decoder_handlers_leave(self, site: CallSite, loop) -> bool:
        """The read's decoder (as ``read_fails_when_empty`` finds it) opens a ``try`` whose
        every handler leaves the loop (``eof.decoder_handlers_leave``): an empty read ends
        the loop there."""
        return decoder_handlers_leave(site, loop.node, self.imports.qualify, self.hands_back,
                                      self.constants, self.decoder_of)

    def decoder_of(self, func) -> str | None:
        """The exception a call of ``func`` raises straight away when its first argument is
        empty: ``func`` names one function of this module (``handle(data)``, a function
        the module defines once under that name, nested ones included; ``self.parse(data)``,
        a method the module defines once under that name) whose first statement decodes its
        first parameter (``eof.decodes_first_parameter``)."""
        if isinstance(func, cst.Name):
            name, method = func.value, False
        elif isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and \
                func.value.value == "self":
            name, method = func.attr.value, True
        else:
            return None

        def compute():
            found = [scope for scope in self.model.scopes if scope.kind == "function"
                     and isinstance(scope.node, cst.FunctionDef)
                     and scope.node.name.value == name]
            if len(found) != 1:
                return None
            scope = found[0]
            is_method = scope.parent is not None and scope.parent.kind == "class"
            if is_method != method:
                return None
            return decodes_first_parameter(scope.node, method, self.imports.qualify,
                                           self.hands_back, self.constants)
        return self.memo(f"eof.decoder:{name}:{method}", compute)

    def hands_back(self, func) -> bool:
        """A call of ``func`` with one argument gives that argument back, as it is or as
        bytes of the same length: ``bytes``, ``bytearray``, ``memoryview``, or a project
        function whose every ``return`` gives its first parameter (``def b(x): return x``,
        the Python 3 side of a compatibility module)."""
        qname = self.imports.qualify(func)
        if qname in ("bytes", "bytearray", "memoryview"):
            return True
        project, module = self.project, self.module_name
        key = key_of(func)
        if project is None or module is None or key is None or qname is None:
            return False
        resolved = project.resolve(module, key)
        if resolved is None:
            return False
        value = project.returns(resolved)
        return value.kind is ValueKind.PARAM and value.param == 0

    def loop_reads_clock(self, loop) -> bool:
        """The loop's body reads a clock (``eof.reads_clock``): it may check a time limit."""
        return self.memo(f"eof.clock:{id(loop.node)}",
                         lambda: reads_clock(loop, self.imports.qualify))

    def loop_waits_for_a_person(self, loop) -> bool:
        """Every pass of the loop waits for a line typed at the terminal
        (``eof.waits_for_a_person``): no spin."""
        return self.memo(f"eof.prompts:{id(loop.node)}",
                         lambda: waits_for_a_person(loop, self.imports.qualify))

    def loop_has_deadline(self, loop) -> bool:
        """The loop ends at a deadline fixed before it (``eof.deadline_loop``):
        ``while time.time() < deadline:`` or ``if time.monotonic() > end: break``."""
        return self.memo(f"eof.deadline:{id(loop.node)}",
                         lambda: deadline_loop(loop, self.imports.qualify))

    def eof_leaves_inner_loop_only(self, site: CallSite, loop) -> bool:
        """The read (``data = sock.recv(n)`` in ``loop``, its innermost ``while``) is
        tested for end of file only by ``if not data: break``, and the ``while`` loop
        around ``loop`` comes back to it on every pass with nothing that could stop it
        after an empty read (``eof.inner_break_only``), on the same socket (not made anew
        in the outer loop), with no sleep, clock or deadline there: the outer loop spins."""
        outer = loop.parent
        if outer is None or outer.kind != "while" or outer.bounded or outer.has_sleep:
            return False
        if not (site.direct and site.role == "assign") or len(site.targets) != 1 or \
                "." in site.targets[0] or site.receiver_key is None:
            return False
        if self.made_each_pass(site, outer) or any(
                outer in b.loops and loop not in b.loops
                for b in site.scope.bindings.get(site.receiver_key, ())):
            return False  # a new connection (or another socket) on each outer pass
        if self.loop_has_deadline(outer) or self.loop_reads_clock(outer):
            return False
        return inner_break_only(loop.node, outer.node, site.targets[0], self.imports.qualify)

    def made_each_pass(self, site: CallSite, loop) -> bool:
        """Every binding of the call's receiver that reaches it makes a new socket inside
        ``loop`` (``s = socket.create_connection(...)``, ``conn, _ = srv.accept()``, a
        project factory every return of which makes one, ``s = net.connect(host)``): each
        pass reads a connection of its own, so one connection's end of file cannot come
        back on the next pass."""
        if site.receiver_key is None or "." in site.receiver_key:
            return False
        return self._made_in_loop(site.reaching, loop, site.scope, 0)

    def _made_in_loop(self, reaching, loop, scope, depth: int) -> bool:
        if not reaching:
            return False
        for binding in reaching:
            if loop not in binding.loops or binding.value is None:
                return False
            value = strip_await(binding.value)
            if binding.index is None and self.makes_socket(value) and not (
                    isinstance(value, cst.Call) and
                    self.imports.qualify(value.func) in tables.SOCKET_PAIR_CONSTRUCTORS):
                continue
            if binding.index is None and self.new_socket_each_call(value, scope):
                continue  # ``s = net.connect(host)``: a project factory making a new socket
            if binding.index is None and depth < 2 and self._wraps_made_in_loop(
                    value, loop, scope, depth):
                continue  # ``tls = ctx.wrap_socket(conn)`` of a connection of this pass
            if binding.index is not None and binding.index[0] == 0 and _is_accept(value):
                continue
            if binding.index is None and isinstance(value, cst.Subscript) and \
                    len(value.slice) == 1 and isinstance(value.slice[0].slice, cst.Index) and \
                    number_value(value.slice[0].slice.value) == 0 and \
                    _is_accept(strip_await(value.value)):
                continue  # ``conn = srv.accept()[0]``
            return False
        return True

    def _wraps_made_in_loop(self, value, loop, scope, depth: int) -> bool:
        """``value`` is ``ctx.wrap_socket(conn, ...)`` (or ``ssl.wrap_socket(conn)``) and
        every binding of ``conn`` that reaches it makes a new socket inside ``loop``."""
        if not isinstance(value, cst.Call) or not value.args or value.args[0].keyword \
                is not None or value.args[0].star:
            return False
        func = value.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == "wrap_socket") and \
                self.imports.qualify(func) not in tables.SSL_WRAPPERS:
            return False
        for call in self.calls:
            if call.node is value:
                return call.arg_key is not None and "." not in call.arg_key and \
                    self._made_in_loop(call.arg_reaching, loop, scope, depth + 1)
        return False

    def pair_writer_kept_open(self, site: CallSite) -> bool:
        """The socket read at ``site`` is the read end of a ``socketpair()`` whose other end
        the module only writes to, closing it only where the reader cannot be running
        (``eof.pair_writer_kept_open``)."""
        return pair_writer_kept_open(site, self.module, self.imports.qualify, self.scopes)

    # ---- module-wide facts -----------------------------------------------------------

    def mentions(self, word):
        """True if the module's code contains ``word`` outside comments (as a name, an
        attribute or in a string)."""
        source = self.source
        if source is None:
            return True  # unknown: assume it does, so no rule fires on a guess
        if isinstance(source, bytes):
            source = source.decode("latin-1")  # byte-for-byte: enough to find ASCII names
        start = source.find(word)
        while start != -1:
            line_start = source.rfind("\n", 0, start) + 1
            if "#" not in source[line_start:start]:
                return True
            start = source.find(word, start + 1)
        return False


__all__ = [
    "Facts", "SocketInfo", "KNOWN", "LIKELY", "NOT_SOCKET", "UNKNOWN", "NONBLOCKING",
    "BLOCKING", "TIMEOUT", "SNDTIMEO", "SIGNAL", "RAISE", "RETURN", "BREAK", "CONTINUE",
    "FALL", "CLOSE", "SLEEP",
    "Handler", "TryFrame", "SuppressFrame", "Outcome", "CTOR", "ENTRY", "TERMINAL", "Evidence",
    "DEFAULT_SOCKET_NAMES", "NOT_FOUND", "HelperOp", "mode_set_by",
    "tcp_level",
]


def _is_accept(value):
    return isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) and \
        value.func.attr.value == "accept"


def _definitions_only(module: cst.Module) -> bool:
    """The module's top level holds nothing but imports, definitions, assignments,
    docstrings and ``try``/``if`` blocks of those: importing it runs no code of its own."""
    allowed = (cst.Import, cst.ImportFrom, cst.Assign, cst.AnnAssign, cst.AugAssign,
               cst.Pass, cst.Global)
    stack = list(module.body)
    while stack:
        statement = stack.pop()
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            continue
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Expr) and isinstance(
                        small.value, (cst.SimpleString, cst.ConcatenatedString)):
                    continue
                if not isinstance(small, allowed):
                    return False  # a call of its own (``main()``, ``serve(port)``)
            continue
        if isinstance(statement, (cst.If, cst.Try)):
            stack.extend(inner for suite in suites_of(statement) for inner in suite.body)
            continue
        return False
    return True


def _runs_as_script(module: cst.Module) -> bool:
    """The module has an ``if __name__ == "__main__":`` block at its top level: it may be run
    as a script, with its own directory first on ``sys.path``."""
    for statement in module.body:
        if isinstance(statement, cst.If) and isinstance(statement.test, cst.Comparison) and \
                len(statement.test.comparisons) == 1:
            sides = (statement.test.left, statement.test.comparisons[0].comparator)
            names = {s.value for s in sides if isinstance(s, cst.Name)}
            texts = {s.evaluated_value for s in sides if isinstance(s, cst.SimpleString)}
            if names == {"__name__"} and texts == {"__main__"}:
                return True
    return False

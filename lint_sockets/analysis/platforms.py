"""Platform tests: on which operating systems a piece of code can run (``Facts.platforms``).

Code under ``if sys.platform == "win32":`` runs only on Windows; the ``else`` of ``if os.name
== "nt":`` runs everywhere else; ``if sys.platform != "linux": raise ImportError(...)`` and
``assert sys.platform == "linux"`` leave the rest of their block to Linux, and such a guard
in a module's own top-level code leaves every function and class of the module to Linux; a
module that imports ``msvcrt`` or ``winreg`` at its top level (itself, or through a project
module it imports there) cannot be imported anywhere but Windows; a function whose own code
uses ``select.epoll``, ``socket.AF_PACKET`` or ``socket.TCP_CORK`` with no test or fallback
around it, and every method of a class with
such a method, runs on Linux alone (one that uses ``select.kqueue`` so, on the BSDs and
macOS alone); a module that imports MicroPython's own modules
(``usocket``, ``uerrno``...) at its top level runs on MicroPython, whose errno numbers are
Linux's. A test is evaluated, never run, on a sample of
what ``sys.platform``, ``os.name`` and ``platform.system()`` say on each family of systems;
a call of a project function that is such a test (``SysUtil.run_on_windows()``) is read
through the project index, which evaluates the function's ``return`` the same way."""

from __future__ import annotations

import libcst as cst

from lint_sockets.analysis.nodes import (
    imported_modules, iter_children, key_of, kinds, module_level_smalls, small_leaves, walk,
)
from lint_sockets.analysis.tables import (  # noqa: F401 (the families: rules import them here)
    BSD, EVERYWHERE, LINUX, OTHER, PLATFORM_CALLED_SOURCES as _CALLED_SOURCES,
    PLATFORM_SAMPLES as _SAMPLES, PLATFORM_SOURCES as _SOURCES, WINDOWS, WINDOWS_CTYPES,
    WINDOWS_MODULES,
)

# Modules only MicroPython has (its "u" modules and some of its port modules): a module that
# imports one at its top level, outside any try or test, runs on MicroPython, whose ports
# give errnos the Linux numbers (its own table, ``py/mperrno.h``: EAGAIN 11, ECONNRESET 104,
# ETIMEDOUT 110, EINPROGRESS 115), whatever system built them.
# (Not ``machine``, ``network`` or ``ujson``: a CPython project may have a module of that
# name, and ujson is a CPython package too.)
MICROPYTHON_MODULES = frozenset({
    "usocket", "uselect", "uerrno", "ussl", "ubinascii", "uhashlib", "utime", "ustruct",
    "uos", "micropython", "esp32", "pyb",
})
# Names the standard library defines on Linux alone, which decide how a piece of code does
# its input and output: the epoll interface, and the address families of Linux's own
# (packet, netlink, virtual machine sockets, kernel crypto, TIPC, RDS, Qualcomm IPC router;
# the socket module's documentation gives each "Availability: Linux"); and the socket
# options of Linux's own, which the socket module defines only where the system's headers
# do: of Linux, the BSDs, macOS and Windows, only Linux has them (tcp(7), socket(7); the
# BSDs' and macOS's nearest are other names, TCP_NOPUSH for TCP_CORK, SO_ACCEPTFILTER for
# TCP_DEFER_ACCEPT).
LINUX_ONLY_NAMES = frozenset({"select.epoll", "socket.AF_PACKET", "socket.PF_PACKET",
                              "socket.AF_NETLINK", "socket.PF_NETLINK", "socket.AF_VSOCK",
                              "socket.AF_ALG", "socket.AF_TIPC", "socket.AF_RDS",
                              "socket.PF_RDS", "socket.AF_QIPCRTR", "socket.TCP_CORK",
                              "socket.TCP_QUICKACK", "socket.TCP_USER_TIMEOUT",
                              "socket.TCP_DEFER_ACCEPT", "socket.TCP_SYNCNT",
                              "socket.TCP_LINGER2", "socket.TCP_WINDOW_CLAMP",
                              "socket.SO_BINDTODEVICE"})
LINUX_ONLY_PREFIXES = ("select.EPOLL",)
# The kqueue interface, which the standard library defines on the BSDs and macOS alone
# (the select module's documentation: "Availability: BSD"): code that uses it, untested,
# is written for that family.
BSD_ONLY_NAMES = frozenset({"select.kqueue", "select.kevent"})
BSD_ONLY_PREFIXES = ("select.KQ_",)
# What a ``try`` around such a name catches when it is a fallback for other systems.
_FALLBACK_CATCHES = frozenset({"AttributeError", "ImportError", "ModuleNotFoundError",
                               "Exception", "BaseException", "OSError"})
# Words one of which a module's text holds when any of this applies to it.
MARKERS = ("platform", "os.name", "msvcrt", "winreg", "_winapi", "winsound", "_overlapped",
           "win32", "pywintypes", "winerror", "pythoncom", "WinDLL", "windll", "OleDLL",
           "oledll", "WINFUNCTYPE", "get_last_error", "FormatError", "GetLastError",
           "epoll", "EPOLL", "_PACKET", "_NETLINK", "_VSOCK", "AF_ALG", "_TIPC", "_RDS",
           "_QIPCRTR", "TCP_CORK", "TCP_QUICKACK", "TCP_USER_TIMEOUT", "TCP_DEFER_ACCEPT",
           "TCP_SYNCNT", "TCP_LINGER2", "TCP_WINDOW_CLAMP", "SO_BINDTODEVICE", "usocket",
           "uselect", "uerrno", "ussl", "ubinascii", "uhashlib", "utime", "ustruct", "uos",
           "micropython", "esp32", "pyb", "kqueue", "kevent", "KQ_")


class _Unknown(Exception):
    pass


def _evaluate(imports, constants, node, sample, depth=0):
    """The value of ``node`` where ``sys.platform``, ``os.name`` and ``platform.system()``
    are ``sample``; _Unknown for anything else."""
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = node.evaluated_value
        if isinstance(value, str):
            return value
        raise _Unknown
    if isinstance(node, (cst.Tuple, cst.List, cst.Set)):
        return tuple(_evaluate(imports, constants, element.value, sample, depth)
                     for element in node.elements
                     if not isinstance(element, cst.StarredElement))
    if isinstance(node, (cst.Name, cst.Attribute)):
        qname = imports.qualify(node)
        if qname in _SOURCES:
            return sample[_SOURCES[qname]]
        key = key_of(node)
        constant = constants.get(key) if key is not None and "." not in key else None
        if constant is not None and depth < 2:
            return _evaluate(imports, constants, constant, sample, depth + 1)
        raise _Unknown
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Not):
        return not _evaluate(imports, constants, node.expression, sample, depth)
    if isinstance(node, cst.BooleanOperation):
        left = _evaluate(imports, constants, node.left, sample, depth)
        if isinstance(node.operator, cst.And):
            return _evaluate(imports, constants, node.right, sample, depth) if left else left
        return left or _evaluate(imports, constants, node.right, sample, depth)
    if isinstance(node, cst.Comparison) and len(node.comparisons) == 1:
        left = _evaluate(imports, constants, node.left, sample, depth)
        target = node.comparisons[0]
        right = _evaluate(imports, constants, target.comparator, sample, depth)
        operator = target.operator
        if isinstance(operator, cst.Equal):
            return left == right
        if isinstance(operator, cst.NotEqual):
            return left != right
        if isinstance(operator, (cst.In, cst.NotIn)) and isinstance(right, (str, tuple)) \
                and isinstance(left, str):
            inside = left in right
            return inside if isinstance(operator, cst.In) else not inside
        raise _Unknown
    if isinstance(node, cst.Call):
        func = node.func
        if not node.args and imports.qualify(func) in _CALLED_SOURCES:
            return sample[_CALLED_SOURCES[imports.qualify(func)]]
        if isinstance(func, cst.Attribute):
            method = func.attr.value
            owner = _evaluate(imports, constants, func.value, sample, depth)
            if not isinstance(owner, str):
                raise _Unknown
            if method in ("lower", "upper", "casefold") and not node.args:
                return getattr(owner, method)()
            if method in ("startswith", "endswith") and len(node.args) == 1 \
                    and node.args[0].keyword is None and not node.args[0].star:
                prefix = _evaluate(imports, constants, node.args[0].value, sample, depth)
                if isinstance(prefix, (str, tuple)) and all(
                        isinstance(p, str) for p in (prefix if isinstance(prefix, tuple)
                                                     else (prefix,))):
                    return getattr(owner, method)(prefix)
        raise _Unknown
    raise _Unknown


def _outcomes(imports, constants, test, called=None):
    """(families where ``test`` may be true, families where it may be false); both
    EVERYWHERE for a test that is no platform test or only partly one (or one nested too
    deeply to read). ``called(call)``: the families where a call with no argument of a
    project function returns true, when that function is a platform test, else None."""
    try:
        return _test_outcomes(imports, constants, test, called)
    except RecursionError:
        return EVERYWHERE, EVERYWHERE


def _test_outcomes(imports, constants, test, called):
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        true, false = _test_outcomes(imports, constants, test.expression, called)
        return false, true
    if isinstance(test, cst.BooleanOperation):
        left_true, left_false = _test_outcomes(imports, constants, test.left, called)
        right_true, right_false = _test_outcomes(imports, constants, test.right, called)
        if isinstance(test.operator, cst.And):
            return left_true & right_true, left_false | right_false
        return left_true | right_true, left_false & right_false
    if called is not None and isinstance(test, cst.Call) and not test.args:
        true = called(test)
        if true is not None:
            return true, EVERYWHERE - true
    true, false = set(), set()
    try:
        for family, samples in _SAMPLES.items():
            for sample in samples:
                (true if _evaluate(imports, constants, test, sample) else false).add(family)
    except _Unknown:
        return EVERYWHERE, EVERYWHERE
    return frozenset(true), frozenset(false)


def _leaves(block):
    """The block's statements leave it on every path at the end (return, raise, break,
    continue, a program exit)."""
    body = block.body if isinstance(block, cst.IndentedBlock) else [block]
    last = body[-1] if body else None
    smalls = last.body if isinstance(last, (cst.SimpleStatementLine,
                                            cst.SimpleStatementSuite)) else ()
    return any(small_leaves(small) or isinstance(small, cst.Continue) for small in smalls)


def _windows_only_module(module, imports):
    """The module's own top-level statements (not inside a try, a test, a function or a
    class) import a Windows-only module or use a Windows-only part of ctypes."""
    for small in module_level_smalls(module):
        names = imported_modules(small)
        if names == ["ctypes"] and isinstance(small, cst.ImportFrom) and \
                not isinstance(small.names, cst.ImportStar):
            names += [f"ctypes.{key_of(alias.name)}" for alias in small.names]
        elif isinstance(small, (cst.Assign, cst.AnnAssign, cst.Expr)):
            names = [imports.qualify(node) for node in walk(small)
                     if isinstance(node, (cst.Name, cst.Attribute))]
        if any((name or "").partition(".")[0] in WINDOWS_MODULES
               or name in WINDOWS_CTYPES for name in names):
            return True
    return False


def _single_family_name(imports, node):
    """LINUX for a name only Linux's standard library has (``LINUX_ONLY_NAMES``), BSD for
    one only the BSDs' and macOS's has (``BSD_ONLY_NAMES``), else None."""
    name = imports.qualify(node) or ""
    if name in LINUX_ONLY_NAMES or name.startswith(LINUX_ONLY_PREFIXES):
        return LINUX
    if name in BSD_ONLY_NAMES or name.startswith(BSD_ONLY_PREFIXES):
        return BSD
    return None


def _is_fallback_try(imports, node):
    """A ``try`` with a handler that may go on after a name is missing (it catches
    AttributeError, ImportError or a parent of them, or everything, and does not end by
    raising): what its body does may be done another way elsewhere."""
    for handler in node.handlers:
        body = handler.body.body if isinstance(handler.body, cst.IndentedBlock) else ()
        last = body[-1] if body else None
        if isinstance(last, cst.SimpleStatementLine) and last.body and \
                isinstance(last.body[-1], cst.Raise):
            continue
        if handler.type is None:
            return True
        elements = handler.type.elements if isinstance(handler.type, cst.Tuple) else None
        types = [e.value for e in elements] if elements is not None else [handler.type]
        if any((imports.qualify(t) or "").rpartition(".")[2] in _FALLBACK_CATCHES
               for t in types):
            return True
    return False


# Node kinds for type tests on the walks below (nodes.kinds: the same as isinstance, faster).
_GUARDED_KINDS = kinds(cst.FunctionDef, cst.ClassDef, cst.Lambda, cst.If, cst.IfExp,
                       cst.BooleanOperation, cst.CompIf)
_NAME_KINDS = kinds(cst.Name, cst.Attribute)
_SCOPE_KINDS = kinds(cst.FunctionDef, cst.ClassDef)
_CONDITIONAL_KINDS = kinds(cst.If, cst.IfExp)
_BLOCK_KINDS = kinds(cst.Module, cst.IndentedBlock)


def _single_family_function(imports, function):
    """The family (LINUX or BSD) whose standard library alone has a name the function's own
    code uses (``_single_family_name``: ``select.epoll``, ``socket.AF_PACKET``,
    ``select.kqueue``, ...) where nothing tests for it first: not under an ``if`` or a
    conditional expression (``if hasattr(select, "epoll"):``), not in a ``try`` that falls
    back when it is missing, not in a nested definition. On any other system that code
    fails with AttributeError, so the function is written for that family. None when it
    uses none, or names of both."""
    found = set()
    stack = list(iter_children(function.body))
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind in _GUARDED_KINDS:
            continue
        if kind is cst.Try and _is_fallback_try(imports, node):
            continue
        if kind in _NAME_KINDS:
            family = _single_family_name(imports, node)
            if family is not None:
                found.add(family)
        stack.extend(iter_children(node))
    return found.pop() if len(found) == 1 else None


def _single_family_scope(imports, node):
    """The family a function is written for (``_single_family_function``), or that a class
    one of whose own methods is written for is: the objects of such a class (an epoll
    server, a raw packet transport, a kqueue server) work only there, so each of its
    methods runs there alone. None otherwise."""
    if isinstance(node, cst.FunctionDef):
        return _single_family_function(imports, node)
    if isinstance(node, cst.ClassDef) and isinstance(node.body, cst.IndentedBlock):
        found = {_single_family_function(imports, stmt) for stmt in node.body.body
                 if isinstance(stmt, cst.FunctionDef)} - {None}
        return found.pop() if len(found) == 1 else None
    return None


def _micropython_module(module):
    """The module's own top-level statements import a MicroPython-only module
    (``import usocket as socket``, ``from esp32 import NVS``) outside any try or test."""
    return any(name.partition(".")[0] in MICROPYTHON_MODULES
               for small in module_level_smalls(module) for name in imported_modules(small))


def _guarded(imports, constants, statement, called):
    """The families a statement lets the rest of its block run on: where the test of
    ``assert <test>`` is true, where the test of ``if <test>: <leaves>`` with no ``else``
    is false; None for any other statement."""
    if isinstance(statement, cst.If) and statement.orelse is None and _leaves(statement.body):
        return _outcomes(imports, constants, statement.test, called)[1]
    if isinstance(statement, cst.SimpleStatementLine):
        families = None
        for small in statement.body:
            if isinstance(small, cst.Assert):
                true = _outcomes(imports, constants, small.test, called)[0]
                families = true if families is None else families & true
        return families
    return None


def _import_guard(module, imports, constants, called):
    """The families where the module's own top-level guards (``_guarded``: ``assert
    platform.system() in SUPPORTED``, ``if sys.platform != "linux": raise ImportError``)
    let it finish importing: its functions and classes are used only where it did."""
    families = EVERYWHERE
    for statement in module.body:
        guard = _guarded(imports, constants, statement, called)
        if guard is not None:
            families = families & guard
    return families


def platform_map(module, imports, constants, called=None, windows=False):
    """id of each node that runs on fewer than every family -> the families it runs on.
    ``called``: as for ``_outcomes``; ``windows``: the module imports, at its top level, a
    project module that only Windows can import (``ProjectIndex.windows_only``)."""
    found = {}
    if windows or _windows_only_module(module, imports):
        start = frozenset({WINDOWS})
    elif _micropython_module(module):
        start = frozenset({LINUX})  # MicroPython's errno numbers are Linux's on every port
    else:
        start = EVERYWHERE
    imported = _import_guard(module, imports, constants, called)
    stack = [(module, start)]
    while stack:
        node, allowed = stack.pop()
        kind = type(node)
        if kind in _SCOPE_KINDS:
            allowed = allowed & imported
        if kind in _SCOPE_KINDS:
            family = _single_family_scope(imports, node)
            if family in allowed:
                allowed = allowed & {family}
        if allowed != EVERYWHERE:
            found[id(node)] = allowed
        if kind in _CONDITIONAL_KINDS:
            true, false = _outcomes(imports, constants, node.test, called)
            stack.append((node.test, allowed))
            stack.append((node.body, allowed & true))
            if node.orelse is not None:
                stack.append((node.orelse, allowed & false))
            continue
        if kind is cst.BooleanOperation:
            true, false = _outcomes(imports, constants, node.left, called)
            stack.append((node.left, allowed))
            stack.append((node.right, allowed & (true if isinstance(node.operator, cst.And)
                                                 else false)))
            continue
        if kind in _BLOCK_KINDS:
            # after ``if <test>: <leaves>`` with no else, the rest runs where the test is
            # false; after ``assert <test>``, where it is true
            current = allowed
            for statement in node.body:
                stack.append((statement, current))
                guard = _guarded(imports, constants, statement, called)
                if guard is not None:
                    current = current & guard
            continue
        stack.extend((child, allowed) for child in iter_children(node))
    return found

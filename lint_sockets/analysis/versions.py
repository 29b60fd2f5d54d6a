"""Python-version tests: what ``six.PY3`` or ``sys.version_info[0] < 3`` is on Python 3, and
which code only Python 2 runs (``Facts.on_python3``, ``Facts.python2_only``)."""

from __future__ import annotations

import operator

import libcst as cst

from lint_sockets.analysis.nodes import (
    COMPARISONS, collect_ids, imported_modules, int_value, iter_children, key_of,
    module_level_smalls, strip_await,
)

_VERSION_FLAGS = {"six.PY3": True, "six.PY2": False, "future.utils.PY3": True,
                  "future.utils.PY2": False}


def on_python3(imports, constants, test, depth=0):
    """The value of a Python-version test on Python 3 (True / False), None for any other
    test: ``six.PY3``, ``six.PY2``, ``sys.version_info[0] >= 3``, ``sys.version_info <
    (3,)``, ``sys.version_info.major == 2``, and a module constant assigned one of these
    (``PY3 = sys.version_info[0] == 3``)."""
    test = strip_await(test)
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        inner = on_python3(imports, constants, test.expression, depth)
        return None if inner is None else not inner
    key = key_of(test)
    if key is not None:
        qname = imports.qualify_key(key)
        if qname in _VERSION_FLAGS:
            return _VERSION_FLAGS[qname]
        constant = constants.get(key) if "." not in key else None
        if constant is not None and depth < 2:
            return on_python3(imports, constants, constant, depth + 1)
        return None
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return None
    target = test.comparisons[0]
    left, right = test.left, target.comparator
    major = _major_version(imports, left)
    if major is None:
        return None
    compare = COMPARISONS.get(type(target.operator))
    if compare is None:
        return None
    if major == "tuple":
        if not isinstance(right, cst.Tuple) or not right.elements:
            return None
        numbers = [int_value(e.value) for e in right.elements]
    else:
        numbers = [int_value(right)]
    return version_compared_on_python3(major, compare, numbers)


def version_compared_on_python3(kind, compare, numbers):
    """The value on Python 3 of the running version compared with literal numbers:
    ``kind`` "major" (``sys.version_info[0] OP n``, ``numbers`` [n]) or "tuple"
    (``sys.version_info OP (a, b, ...)``, ``numbers`` its items, None for one that is no
    integer literal); ``compare`` one of the ``operator`` module's comparisons. None when
    the answer depends on more than the major version (``< (3, 6)``)."""
    if not numbers or numbers[0] is None:
        return None
    first = numbers[0]
    if kind == "major":
        return compare(3, first)
    # version_info against (3,) or (3, x): decided by the major version alone when the
    # tuple's major is not 3, or for < / >= against (3,) / (3, 0)
    if first != 3:
        return compare(3, first)
    if all(r == 0 for r in numbers[1:]) and compare in (operator.lt, operator.ge):
        return compare is operator.ge
    return None


def _major_version(imports, node):
    """"major" for ``sys.version_info[0]`` / ``sys.version_info.major``, "tuple" for
    ``sys.version_info`` itself, None otherwise."""
    node = strip_await(node)
    if isinstance(node, cst.Subscript) and len(node.slice) == 1 and \
            isinstance(node.slice[0].slice, cst.Index) and \
            int_value(node.slice[0].slice.value) == 0:
        node, index = node.value, True
    elif isinstance(node, cst.Attribute) and node.attr.value == "major":
        node, index = node.value, True
    else:
        index = False
    if imports.qualify(node) != "sys.version_info":
        return None
    return "major" if index else "tuple"


def python2_only_nodes(module, imports, constants):
    """ids of the nodes in branches and conditional-expression arms that a version test rules
    out on Python 3 (``if six.PY2:``, the ``else`` of ``if sys.version_info >= (3,):``)."""
    dead = set()
    stack = [module]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.If, cst.IfExp)):
            verdict = on_python3(imports, constants, node.test)
            if verdict is not None:
                live, gone = (node.body, node.orelse) if verdict else (node.orelse, node.body)
                if gone is not None:
                    collect_ids(gone, dead)
                stack.append(node.test)
                if live is not None:
                    stack.append(live)
                continue
        stack.extend(iter_children(node))
    return dead


# Standard-library modules of Python 2 that Python 3 does not have (PEP 3108 removed or
# renamed them): importing one raises ImportError on Python 3. Names a project or a package
# on the registry plausibly uses for a module of its own (``exceptions``, ``commands``,
# ``new``, ``user``, ``sets``) are left out.
PYTHON2_MODULES = frozenset({
    "__builtin__", "anydbm", "BaseHTTPServer", "CGIHTTPServer", "ConfigParser", "Cookie",
    "cookielib", "copy_reg", "cPickle", "cStringIO", "dircache", "DocXMLRPCServer",
    "dumbdbm", "dummy_thread", "htmlentitydefs", "htmllib", "HTMLParser", "httplib",
    "mhlib", "mimetools", "popen2", "Queue", "rfc822", "robotparser", "sgmllib",
    "SimpleHTTPServer", "SimpleXMLRPCServer", "SocketServer", "StringIO", "thread",
    "Tkinter", "tkFileDialog", "tkMessageBox", "urllib2", "urlparse", "UserDict",
    "UserList", "UserString", "whichdb", "xmlrpclib",
})


def python2_imports(module):
    """The Python-2-only standard-library modules (PYTHON2_MODULES) ``module`` imports
    unconditionally: by an ``import`` or an absolute ``from ... import`` statement directly
    in its body, not inside a ``try``, an ``if``, a function or a class. On Python 3 the
    module cannot be imported at all."""
    found = []
    for small in module_level_smalls(module):
        for name in imported_modules(small):
            head = (name or "").partition(".")[0]
            if head in PYTHON2_MODULES:
                found.append(head)
    return found

"""Errno values: which errno names an expression stands for, which expressions hold an errno
(``e.errno``, ``connect_ex()``'s result), and comparisons with them."""

from __future__ import annotations

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.handlers import HandlerEval
from lint_sockets.analysis.index import ErrnoName
from lint_sockets.analysis.nodes import (
    int_value, iter_children, key_of, mentions, strip_await, walk,
)


# The poll/epoll events that report a connect that failed (connect(2): the socket becomes
# writable, and poll(2) adds POLLERR; a refused connection also gives POLLHUP).
_POLL_ERROR_FLAGS = frozenset({"POLLERR", "POLLHUP", "EPOLLERR", "EPOLLHUP"})


class ErrnoFacts:
    """The errno questions of ``Facts``."""

    def is_errno_expression(self, node, scope, handler):
        """``e.errno`` / ``e.args[0]`` / a local holding them (inside ``handler``), the result
        of ``connect_ex()`` or of ``getsockopt(SOL_SOCKET, SO_ERROR)``, direct or bound to a
        name in the same function."""
        node = strip_await(node)
        if handler is not None and handler.name is not None:
            evaluation = HandlerEval(self, handler, "OSError", None)
            evaluation.aliases = set(self.handler_aliases(handler))
            if evaluation.is_errno_expr(node):
                return True
        if isinstance(node, cst.Call):
            return errno_call(node)
        key = key_of(node)
        if key is None or "." in key:
            return False
        return key in self._errno_result_names(scope)

    def _errno_result_names(self, scope):
        names = self._errno_names.get(id(scope))
        if names is None:
            names = set()
            for site in self.model.calls_in(scope):
                if site.role == "assign" and site.direct and errno_call(site.node):
                    names.update(site.targets)
            self._errno_names[id(scope)] = names
        return names

    def errno_comparisons(self, root, wanted):
        """Comparisons under ``root`` (not inside nested functions) with a side whose errno set
        contains ``wanted``."""
        found = []
        stack = [root]
        while stack:
            node = stack.pop()
            if isinstance(node, cst.Comparison):
                for side in [node.left] + [t.comparator for t in node.comparisons]:
                    values = self.errno_set(side)
                    if values and wanted in values:
                        found.append(node)
                        break
            if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
                continue
            stack.extend(reversed(list(iter_children(node))))
        return found

    def module_checks_so_error(self):
        """The module learns how a non-blocking connect ended somewhere: it reads
        ``SO_ERROR``, calls ``getpeername()`` (ENOTCONN after a failed connect), or tests a
        poll or epoll result for the error events a failed connect raises (``POLLERR``,
        ``POLLHUP``, ``EPOLLERR``, ``EPOLLHUP``)."""
        for site in self.model.calls:
            if site.method == "getpeername":
                return True
            if site.method == "getsockopt":
                for arg in site.node.args:
                    if mentions(arg.value, "SO_ERROR"):
                        return True
        return self.memo("errnos.poll_error_flags", lambda: any(
            type(node) in (cst.Name, cst.Attribute) and
            (node.value if type(node) is cst.Name else node.attr.value) in _POLL_ERROR_FLAGS
            for node in walk(self.model.module, nested=True)))

    def errno_set(self, node, depth=0):
        """Canonical errno names an expression stands for, or None when it cannot be known."""
        node = strip_await(node)
        if isinstance(node, (cst.Tuple, cst.List, cst.Set)):
            result = set()
            for element in node.elements:
                inner = self.errno_set(element.value, depth)
                if inner is None:
                    return None
                result |= inner
            return result
        number = int_value(node)
        if number is not None:
            name = tables.errno_for_number(number)
            return {name} if name else set()
        if isinstance(node, cst.Call) and len(node.args) == 1 and key_of(node.func) in (
            "frozenset", "set", "tuple", "list"
        ):
            return self.errno_set(node.args[0].value, depth)
        if isinstance(node, cst.BinaryOperation) and isinstance(
            node.operator, (cst.Add, cst.BitOr)
        ):
            left = self.errno_set(node.left, depth)
            right = self.errno_set(node.right, depth)
            if left is None or right is None:
                return None
            return left | right
        key = key_of(node)
        if key is None:
            return None
        qname = self.imports.qualify_key(key)
        last = qname.rpartition(".")[2]
        if last.startswith("SSL_ERROR_"):
            return {last}
        if not qname.startswith("errno.") and key.partition(".")[0] not in self.model.constants:
            # a constant of another project module (this module's own are read below)
            from_project = self._project_errno_set(key)
            if from_project is not None:
                return from_project
        if last.isupper() and (last.startswith("E") or last.startswith("WSAE")):
            canonical = tables.canonical_errno(last)
            return {canonical}
        if "." not in key and key in self.model.constants and depth < 3:
            return self.errno_set(self.model.constants[key], depth + 1)
        return None

    def _project_errno_set(self, key):
        """Errno names of a constant imported from another project module
        (``from .errors import RETRY_ERRNOS``, ``errors.RETRY_ERRNOS``), through the
        project index: a tuple or set of ``errno.X`` names or numbers, or one of them."""
        if self.project is None or self.module_name is None:
            return None
        value = self.project.constant(self.module_name, key)
        items = value if isinstance(value, (tuple, frozenset)) else (value,)
        result = set()
        for item in items:
            if isinstance(item, ErrnoName):
                result.add(tables.canonical_errno(item.name))
            elif type(item) is int:
                name = tables.errno_for_number(item)
                if name:
                    result.add(name)
            else:
                return None  # NOT_FOUND, or not an errno constant
        return result if isinstance(value, (tuple, frozenset, ErrnoName)) or result else None


def errno_call(node):
    """``x.connect_ex(addr)`` or ``x.getsockopt(SOL_SOCKET, SO_ERROR)``: calls that return an
    errno number."""
    if not isinstance(node, cst.Call) or not isinstance(node.func, cst.Attribute):
        return False
    method = node.func.attr.value
    if method == "connect_ex":
        return True
    return method == "getsockopt" and any(mentions(a.value, "SO_ERROR") for a in node.args)


"""Code that never runs because the code before it reads a name bound nowhere
(``Facts.after_unbound_name``).

``cv2.imencode(frame)`` in a module that never imports ``cv2``, or ``unicode(text)`` on
Python 3, raises ``NameError`` every time it runs, so the statements after it in the same
block never run: a socket call there cannot fail. The module is read, never run: a name
counts as bound when any code of the module binds it anywhere (an assignment, an import, a
``def``, a parameter, a loop or ``with`` target, ...), and the search is given up for a module
whose names may come from elsewhere (``from x import *``, ``exec``, ``globals()``, an
``import builtins``). Only Python 3 targets are judged, against the builtins of every Python
3 from 3.9 on."""

from __future__ import annotations

import builtins

import libcst as cst

from lint_sockets.analysis.nodes import collect_ids, iter_children

# Every Python 3 from 3.9 on has these builtins (the running Python's, and those newer or
# older ones add); names a module's globals always hold; names that tools install into
# builtins at run time (``gettext.install()`` puts ``_`` there).
_DEFINED = frozenset(dir(builtins)) | frozenset({
    "aiter", "anext", "EncodingWarning", "ExceptionGroup", "BaseExceptionGroup",
    "PythonFinalizationError", "_IncompleteInputError",
    "_", "N_", "gettext", "ngettext", "pgettext", "npgettext", "WindowsError",
})

# A module that uses one of these may bind names no statement shows (``WindowsError`` is a
# builtin on Windows alone).
_DYNAMIC = frozenset({"exec", "eval", "execfile", "globals", "locals", "vars", "builtins",
                      "__builtin__", "__builtins__"})

_SKIPPED = (cst.Lambda, cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp,
            cst.Yield)
_BLOCKS = (cst.Module, cst.IndentedBlock)


def after_unbound_name(module: cst.Module) -> frozenset[int]:
    """ids of the nodes of ``module`` that run only after a statement of their block that
    reads a name the module binds nowhere (and that is no builtin): every statement
    after it in that block, and everything inside them. Empty when the module's names
    may come from elsewhere."""
    bound = _bound_names(module)
    if bound is None:
        return frozenset()
    unbound = _reads_unbound(bound)
    dead = set()
    stack = [module]
    while stack:
        node = stack.pop()
        if isinstance(node, _BLOCKS):
            body = node.body
            for index, statement in enumerate(body):
                if unbound(statement):
                    for later in body[index + 1:]:
                        collect_ids(later, dead)
                    stack.extend(body[:index + 1])
                    break
            else:
                stack.extend(body)
            continue
        stack.extend(iter_children(node))
    return frozenset(dead)


def _bound_names(module):
    """Every name some code of the module binds, or None when the module's names may come
    from elsewhere (a star import, or a use of one of ``_DYNAMIC``)."""
    bound = set()
    stack = [module]
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is cst.ImportStar:
            return None
        if kind is cst.Attribute:
            stack.append(node.value)  # ``obj.vars`` is no use of the name ``vars``
            continue
        if kind is cst.Arg:
            stack.append(node.value)  # nor is ``f(vars=x)``
            continue
        if kind is cst.Name:
            if node.value in _DYNAMIC:
                return None
        elif kind is cst.ImportAlias:
            if node.asname is not None:
                bound.update(_names(node.asname.name))
            else:
                name = node.name
                while isinstance(name, cst.Attribute):
                    name = name.value
                if isinstance(name, cst.Name):
                    bound.add(name.value)
                    if name.value in _DYNAMIC:
                        return None
        elif kind in (cst.FunctionDef, cst.ClassDef, cst.Param):
            bound.add(node.name.value)
        elif kind is cst.AsName:
            bound.update(_names(node.name))
        elif kind in (cst.AssignTarget,):
            bound.update(_names(node.target))
        elif kind in (cst.AnnAssign, cst.AugAssign):
            bound.update(_names(node.target))
        elif kind in (cst.For, cst.CompFor):
            bound.update(_names(node.target))
        elif kind is cst.NamedExpr:
            bound.update(_names(node.target))
        elif kind in (cst.Global, cst.Nonlocal):
            bound.update(item.name.value for item in node.names)
        elif kind in (cst.MatchAs, cst.MatchStar):
            if node.name is not None:
                bound.add(node.name.value)
        elif kind is cst.MatchMapping:
            if node.rest is not None:
                bound.add(node.rest.value)
        elif kind is cst.TypeParam:
            bound.update(_names(node.param))
        elif kind is cst.TypeAlias:
            bound.add(node.name.value)
        stack.extend(iter_children(node))
    return bound


def _names(target):
    """The plain names in a binding target (``a``, ``(a, *b)``, ``[a, b]``); an attribute
    or subscript binds none."""
    found = []
    stack = [target]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Name):
            found.append(node.value)
        elif isinstance(node, (cst.Tuple, cst.List)):
            stack.extend(element.value for element in node.elements)
        elif isinstance(node, cst.StarredElement):
            stack.append(node.value)
        elif isinstance(node, (cst.TypeVar, cst.ParamSpec, cst.TypeVarTuple)):
            stack.append(node.name)
    return found


def _reads_unbound(bound):
    """A test of whether a statement, when it runs, always reads a name that is neither
    in ``bound`` nor defined everywhere, before it can do anything else."""
    def unbound_name(name):
        value = name.value
        return value not in bound and value not in _DEFINED and not (
            value.startswith("__") and value.endswith("__"))

    def reads(expression):
        stack = [expression]
        while stack:
            node = stack.pop()
            if node is None or isinstance(node, _SKIPPED):
                continue
            kind = type(node)
            if kind is cst.Name:
                if unbound_name(node):
                    return True
            elif kind is cst.Attribute:
                stack.append(node.value)
            elif kind is cst.Call:
                stack.append(node.func)
                stack.extend(arg.value for arg in node.args)
            elif kind is cst.Subscript:
                stack.append(node.value)
                for element in node.slice:
                    inner = element.slice
                    if isinstance(inner, cst.Index):
                        stack.append(inner.value)
                    else:
                        stack.extend((inner.lower, inner.upper, inner.step))
            elif kind is cst.BinaryOperation:
                stack.extend((node.left, node.right))
            elif kind is cst.UnaryOperation:
                stack.append(node.expression)
            elif kind is cst.Comparison:
                stack.append(node.left)
                stack.append(node.comparisons[0].comparator)
            elif kind is cst.BooleanOperation:
                stack.append(node.left)  # the right side may not run
            elif kind is cst.IfExp:
                stack.append(node.test)
            elif kind in (cst.Tuple, cst.List, cst.Set):
                stack.extend(element.value for element in node.elements)
            elif kind is cst.Dict:
                for element in node.elements:
                    if isinstance(element, cst.DictElement):
                        stack.extend((element.key, element.value))
                    else:
                        stack.append(element.value)
            elif kind is cst.Await:
                stack.append(node.expression)
            elif kind is cst.NamedExpr:
                stack.append(node.value)
            elif kind is cst.FormattedString:
                stack.extend(part.expression for part in node.parts
                             if isinstance(part, cst.FormattedStringExpression))
        return False

    def small(statement):
        kind = type(statement)
        if kind in (cst.Expr, cst.Assign, cst.AugAssign):
            return reads(statement.value)
        if kind is cst.AnnAssign:
            return reads(statement.value)
        if kind is cst.Return:
            return reads(statement.value)
        if kind is cst.Raise:
            return reads(statement.exc)
        if kind is cst.Assert:
            return reads(statement.test)
        return False

    def statement_reads(statement):
        kind = type(statement)
        if kind is cst.SimpleStatementLine:
            return any(small(s) for s in statement.body)
        if kind in (cst.If, cst.While):
            return reads(statement.test)
        if kind is cst.For:
            return reads(statement.iter)
        if kind is cst.With:
            return reads(statement.items[0].item)
        return False

    return statement_reads

"""Helpers for building fixes: statements in the module's own style, imports, lookups."""

import libcst as cst

from lint_sockets.applicability import SAFE, UNSAFE  # noqa: F401
from lint_sockets.edits import FixNotPossible, FixSpec  # noqa: F401


def statement(facts, code):
    """Parse one statement in the module's indentation and newline style."""
    module = facts.module
    indent = module.default_indent
    code = code.replace("\t", indent)
    return cst.parse_statement(code, config=module.config_for_parsing)


def body_indent(facts):
    return facts.module.default_indent


def flatten_after(new_statements):
    """Replacement keeping the statement and adding others after it."""
    return lambda updated: cst.FlattenSentinel([updated, *new_statements])


def flatten_before(new_statement):
    """Replacement putting a statement before this one; comments above stay above both."""
    def replace(updated):
        moved = new_statement.with_changes(leading_lines=updated.leading_lines)
        return cst.FlattenSentinel([moved, updated.with_changes(leading_lines=())])
    return replace


def module_alias(facts, module_name):
    """The local name bound to ``import module_name`` (or ``as`` alias), else None."""
    for local, target in facts.imports.aliases.items():
        if target == module_name:
            return local
    return None


def name_is_free(facts, name):
    """True if no scope binds ``name`` to anything but an import (a local ``errno = ...``
    would be shadowed by an ``errno.X`` replacement)."""
    for scope in facts.scopes:
        for binding in scope.bindings.get(name, ()):
            if binding.how != "import":
                return False
    return True


def import_edit(facts, import_code):
    """An edit adding ``import_code`` to the module: before its first import (after the
    docstring and __future__ imports), or before its first statement."""
    module = facts.module
    new = statement(facts, import_code + "\n")
    body = list(module.body)
    if not body:
        raise FixNotPossible()
    target = None
    for stmt in body:
        if _is_docstring(stmt) or _is_future(stmt):
            continue
        if target is None:
            target = stmt
        if _is_import(stmt):
            target = stmt
            break
    if target is None:
        return (body[-1], flatten_after([new]))
    return (target, flatten_before(new))


def _is_docstring(stmt):
    return (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1
            and isinstance(stmt.body[0], cst.Expr)
            and isinstance(stmt.body[0].value, (cst.SimpleString, cst.ConcatenatedString)))


def _is_future(stmt):
    return (isinstance(stmt, cst.SimpleStatementLine)
            and any(isinstance(s, cst.ImportFrom) and s.module is not None
                    and isinstance(s.module, cst.Name) and s.module.value == "__future__"
                    for s in stmt.body))


def _is_import(stmt):
    return isinstance(stmt, cst.SimpleStatementLine) and any(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in stmt.body
    )


def find_statement(root, predicate):
    """The first statement under ``root`` (not inside nested functions/classes) for which
    ``predicate`` holds, with the block (list of statements) that holds it."""
    stack = [root]
    while stack:
        node = stack.pop()
        body = None
        if isinstance(node, cst.IndentedBlock):
            body = node.body
        elif isinstance(node, (cst.If, cst.While, cst.For, cst.With, cst.Try, cst.TryStar)):
            stack.append(node.body)
            orelse = getattr(node, "orelse", None)
            if isinstance(orelse, cst.If):
                stack.append(orelse)
            elif orelse is not None:
                stack.append(orelse.body)
            for handler in getattr(node, "handlers", ()):
                stack.append(handler.body)
            final = getattr(node, "finalbody", None)
            if final is not None:
                stack.append(final.body)
            continue
        if body is None:
            continue
        for stmt in body:
            if predicate(stmt):
                return stmt, body
        for stmt in reversed(body):
            if not isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
                stack.append(stmt)
    return None, None

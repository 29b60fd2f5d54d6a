"""Code that runs only in a child process, between fork and exec
(``Facts.runs_in_child``).

``subprocess`` calls a ``preexec_fn`` in the child after fork() and before it execs the
new program. Whatever that function does to signal dispositions, the process group or
resource limits applies to the program about to start, never to the caller's process.

The answer is structural and conservative, and it looks at this module only:

- a call inside a ``lambda`` given as the ``preexec_fn=`` argument of a ``subprocess`` call
  (``Popen``, ``run``, ``call``, ``check_call``, ``check_output``) or of
  ``asyncio.create_subprocess_exec``/``create_subprocess_shell``, which hand it to ``Popen``;
- a call made directly in the body of a function (or method) without decorators whose every
  mention in the module, as a name or as an attribute (``self._setup``), is such a
  ``preexec_fn=`` argument, or a branch of a conditional expression that is (``setup if
  posix else None``). There must be at least one. A function also called directly, stored
  in a variable, in a container, or passed anywhere else may run in the parent, so it does
  not count.

Not followed: ``preexec_fn`` handed over through ``**kwargs`` or a variable, wrappers around
``subprocess`` that take a ``preexec_fn`` of their own, ``functools.partial``, functions
called from a ``preexec_fn``, and mentions in other modules.
"""

from __future__ import annotations

import libcst as cst

from lint_sockets.analysis.nodes import iter_children

_SPAWNERS = frozenset({
    "subprocess.Popen", "subprocess.run", "subprocess.call", "subprocess.check_call",
    "subprocess.check_output", "asyncio.create_subprocess_exec",
    "asyncio.create_subprocess_shell",
})


def _choices(value):
    """The expressions ``value`` may evaluate to: both branches of ``a if c else b``."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.IfExp):
            stack.extend((node.body, node.orelse))
        else:
            yield node


class _ChildCode:
    """What the module passes as ``preexec_fn``: the lambdas, the name and attribute nodes
    that are the argument (by id), and every mention of each name as a name or an
    attribute (name -> count)."""

    def __init__(self, facts):
        self.lambdas: list[cst.Lambda] = []
        self.passed: set[int] = set()  # ids of Name/Attribute nodes given as preexec_fn
        self.mentions: dict[str, int] = {}
        self.passed_names: dict[str, int] = {}
        qualify = facts.imports.qualify
        definitions = set()  # ids of the Name nodes that name a def, a class or a keyword
        stack = [facts.module]
        while stack:
            node = stack.pop()
            if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
                definitions.add(id(node.name))
            elif isinstance(node, cst.Arg) and node.keyword is not None:
                definitions.add(id(node.keyword))
            elif isinstance(node, cst.Call):
                self._call(node, qualify)
            elif isinstance(node, cst.Name):
                if id(node) not in definitions:
                    self._mention(node.value, node)
                continue
            elif isinstance(node, cst.Attribute):
                self._mention(node.attr.value, node)
                stack.append(node.value)  # node.attr is a mention of its own: skip it
                continue
            stack.extend(iter_children(node))

    def _mention(self, name, node):
        self.mentions[name] = self.mentions.get(name, 0) + 1
        if id(node) in self.passed:
            self.passed_names[name] = self.passed_names.get(name, 0) + 1

    def _call(self, call, qualify):
        if not any(arg.keyword is not None and arg.keyword.value == "preexec_fn"
                   for arg in call.args):
            return
        if qualify(call.func) not in _SPAWNERS:
            return
        for arg in call.args:
            if arg.keyword is None or arg.keyword.value != "preexec_fn":
                continue
            for choice in _choices(arg.value):
                if isinstance(choice, cst.Lambda):
                    self.lambdas.append(choice)
                elif isinstance(choice, (cst.Name, cst.Attribute)):
                    self.passed.add(id(choice))


def _contains(root, target):
    stack = [root]
    while stack:
        node = stack.pop()
        if node is target:
            return True
        stack.extend(iter_children(node))
    return False


class ChildFacts:
    """The child-process question of ``Facts``."""

    def runs_in_child(self, site) -> bool:
        """The call at ``site`` runs only in a child process between fork and exec: in a
        ``preexec_fn`` of a ``subprocess`` call (see the module's docstring)."""
        key = f"child.site:{id(site.node)}"
        answer = self._memo.get(key)
        if answer is None:
            answer = self._memo[key] = self._runs_in_child(site)
        return answer

    def _runs_in_child(self, site):
        if not self.mentions("preexec_fn"):
            return False
        code = self.memo("child.code", lambda: _ChildCode(self))
        if site.in_lambda:
            return any(_contains(fn.body, site.node) for fn in code.lambdas)
        scope = site.scope
        node = scope.node
        if scope.kind != "function" or not isinstance(node, cst.FunctionDef):
            return False
        if node.decorators:
            return False
        name = node.name.value
        passed = code.passed_names.get(name, 0)
        return passed > 0 and passed == code.mentions.get(name, 0)

"""Code that runs only in a child process, between fork and exec
(``Facts.runs_in_child``), or only in a daemon thread (``Facts.runs_in_daemon_thread``).

What a child does there to signal dispositions, the process group or resource limits
applies to the program it is about to start, never to the parent's process. The answer is
structural and conservative, and it looks at this module only:

- a call inside a ``lambda`` given as the ``preexec_fn=`` argument of a ``subprocess`` call
  (``Popen``, ``run``, ``call``, ``check_call``, ``check_output``) or of
  ``asyncio.create_subprocess_exec``/``create_subprocess_shell``, which hand it to
  ``Popen``: ``subprocess`` calls it in the child after fork() and before exec();
- a call made directly in the body of a function (or method) without decorators whose every
  mention in the module, as a name or as an attribute (``self._setup``), is such a
  ``preexec_fn=`` argument, or a branch of a conditional expression that is (``setup if
  posix else None``). There must be at least one. A function also called directly, stored
  in a variable, in a container, or passed anywhere else may run in the parent, so it does
  not count;
- a statement directly in the child's branch after ``pid = os.fork()`` (or ``pty.fork()``,
  ``os.forkpty()``, whose first element is the pid), when that branch ends by exec'ing
  another program: ``if pid == 0:`` / ``if not pid:`` (the body), ``if pid:`` /
  ``if pid != 0:`` / ``if pid > 0:`` (the ``else:``). The fork must be the last
  assignment of the name before the ``if`` in the same block, with only simple statements
  between. The branch's last statement is an ``os.exec*()`` call, or a ``try`` whose body
  ends in one and whose ``finally``, or else every ``except`` clause, ends in an exec or
  ``os._exit()``. A child that runs Python code of its own (a forking server's handler
  that ends in ``os._exit()``) writes with the disposition it set, so it does not count.

Not followed: ``preexec_fn`` handed over through ``**kwargs`` or a variable, wrappers around
``subprocess`` that take a ``preexec_fn`` of their own, ``functools.partial``, functions
called from a ``preexec_fn``, and mentions in other modules.
"""

from __future__ import annotations

import libcst as cst

from lint_sockets.analysis.nodes import contains, iter_children, key_of, target_keys

_SPAWNERS = frozenset({
    "subprocess.Popen", "subprocess.run", "subprocess.call", "subprocess.check_call",
    "subprocess.check_output", "asyncio.create_subprocess_exec",
    "asyncio.create_subprocess_shell",
})


_FORKS = frozenset({"os.fork", "pty.fork", "os.forkpty"})
_PAIR_FORKS = frozenset({"pty.fork", "os.forkpty"})  # (pid, fd)
_EXECS = frozenset(f"os.exec{suffix}" for suffix in (
    "l", "le", "lp", "lpe", "v", "ve", "vp", "vpe"))
_STOPS = _EXECS | {"os._exit"}
_NESTED = (cst.FunctionDef, cst.ClassDef)


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
    attribute (name -> count); and the same for the targets of daemon threads
    (``threading.Thread(target=f, daemon=True)``)."""

    def __init__(self, facts):
        self.lambdas: list[cst.Lambda] = []
        self.passed: set[int] = set()  # ids of Name/Attribute nodes given as preexec_fn
        self.mentions: dict[str, int] = {}
        self.passed_names: dict[str, int] = {}
        self.daemon: set[int] = set()  # ids of Name/Attribute nodes given as such targets
        self.daemon_names: dict[str, int] = {}
        self.named: dict[str, list[cst.Name | cst.Attribute]] = {}  # name -> its mentions
        qualify = facts.imports.qualify
        for node in _mentions(facts.module, lambda call: self._call(call, qualify)):
            self._mention(node.value if type(node) is cst.Name else node.attr.value, node)

    def _mention(self, name, node):
        self.mentions[name] = self.mentions.get(name, 0) + 1
        self.named.setdefault(name, []).append(node)
        if id(node) in self.passed:
            self.passed_names[name] = self.passed_names.get(name, 0) + 1
        if id(node) in self.daemon:
            self.daemon_names[name] = self.daemon_names.get(name, 0) + 1

    def _call(self, call, qualify):
        keywords = {arg.keyword.value: arg.value for arg in call.args
                    if arg.keyword is not None}
        daemon = keywords.get("daemon")
        if type(daemon) is cst.Name and daemon.value == "True" and \
                isinstance(keywords.get("target"), (cst.Name, cst.Attribute)) and \
                qualify(call.func) == "threading.Thread":
            self.daemon.add(id(keywords["target"]))
        if "preexec_fn" not in keywords:
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


def _daemon_thread_class(node, qualify):
    """The class derives from ``threading.Thread`` and makes itself a daemon in
    ``__init__`` (``self.daemon = True`` as a statement of its body, or ``daemon=True``
    handed to ``super().__init__``/``Thread.__init__``), and nothing in it sets ``daemon``
    otherwise or calls ``setDaemon``: its ``run()`` runs in a daemon thread when started."""
    if not any(qualify(base.value) == "threading.Thread" for base in node.bases):
        return False
    init = next((item for item in node.body.body if isinstance(item, cst.FunctionDef)
                 and item.name.value == "__init__" and item.params.params), None)
    if init is None or not isinstance(init.body, cst.IndentedBlock):
        return False
    me = init.params.params[0].name.value
    daemon = False
    for stmt in init.body.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if isinstance(small, cst.Assign) and len(small.targets) == 1 and \
                    key_of(small.targets[0].target) == f"{me}.daemon" and \
                    type(small.value) is cst.Name and small.value.value == "True":
                daemon = True
            elif isinstance(small, cst.Expr) and type(small.value) is cst.Call and \
                    type(small.value.func) is cst.Attribute and \
                    small.value.func.attr.value == "__init__":
                daemon = daemon or any(
                    arg.keyword is not None and arg.keyword.value == "daemon" and
                    type(arg.value) is cst.Name and arg.value.value == "True"
                    for arg in small.value.args)
    if not daemon:
        return False
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, cst.Assign) and any(
                type(t.target) is cst.Attribute and t.target.attr.value == "daemon"
                for t in item.targets) and not (
                type(item.value) is cst.Name and item.value.value == "True"):
            return False  # ``self.daemon = False`` somewhere
        elif isinstance(item, cst.Attribute) and item.attr.value == "setDaemon":
            return False
        stack.extend(iter_children(item))
    return True


def _call_in(statement, qualify, names):
    """The statement is a line whose last statement calls one of ``names``."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    last = statement.body[-1]
    return (isinstance(last, cst.Expr) and isinstance(last.value, cst.Call)
            and qualify(last.value.func) in names)


def _last(suite):
    if isinstance(suite, cst.IndentedBlock) and suite.body:
        return suite.body[-1]
    return None


def _stops(statement, qualify):
    """An exec, an ``os._exit()``, or a ``try`` that execs (see ``_execs``)."""
    return _call_in(statement, qualify, _STOPS) or _execs(statement, qualify)


def _execs(statement, qualify):
    """The statement, last in a child's branch, replaces the child with another program:
    an ``os.exec*()`` call, or a ``try`` whose body ends in one and whose ``finally``, or
    else every ``except`` clause, ends in an exec or ``os._exit()`` (they run only when the
    exec fails)."""
    if _call_in(statement, qualify, _EXECS):
        return True
    if not isinstance(statement, cst.Try) or statement.orelse is not None:
        return False
    if not _execs(_last(statement.body), qualify):
        return False
    if statement.finalbody is not None and _stops(_last(statement.finalbody.body), qualify):
        return True
    return bool(statement.handlers) and all(
        _stops(_last(handler.body), qualify) for handler in statement.handlers)


def _pid_test(test):
    """(pid name, True if the child runs the ``if`` body / False if the ``else``) for
    ``pid == 0``, ``0 == pid``, ``not pid``, ``pid``, ``pid != 0``, ``pid > 0``; else None."""
    if isinstance(test, cst.Name):
        return test.value, False
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        if isinstance(test.expression, cst.Name):
            return test.expression.value, True
        return None
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return None
    left, target = test.left, test.comparisons[0]
    right, operator = target.comparator, target.operator
    if isinstance(right, cst.Name) and isinstance(left, cst.Integer):
        left, right = right, left
        if isinstance(operator, (cst.GreaterThan, cst.LessThan)):
            return None  # 0 < pid: not worth reading backwards
    if not (isinstance(left, cst.Name) and isinstance(right, cst.Integer)
            and right.value == "0"):
        return None
    if isinstance(operator, cst.Equal):
        return left.value, True
    if isinstance(operator, (cst.NotEqual, cst.GreaterThan)):
        return left.value, False
    return None


def _forked(statements, index, name, qualify):
    """The last assignment of ``name`` before ``statements[index]`` is a fork, with only
    simple statements between."""
    for statement in reversed(statements[:index]):
        if not isinstance(statement, cst.SimpleStatementLine):
            return False
        for small in reversed(statement.body):
            if isinstance(small, (cst.AugAssign, cst.AnnAssign)) and \
                    key_of(small.target) == name:
                return False
            if not isinstance(small, cst.Assign):
                continue
            for target in small.targets:
                node = target.target
                pair = isinstance(node, (cst.Tuple, cst.List))
                if name not in (target_keys(node) if pair else [key_of(node)]):
                    continue
                if pair and key_of(node.elements[0].value) != name:
                    return False
                value = small.value
                if not isinstance(value, cst.Call):
                    return False
                qname = qualify(value.func)
                return qname in _PAIR_FORKS if pair else qname in _FORKS - _PAIR_FORKS
    return False


def _in_fork_child(body, line, qualify):
    """``line`` (a statement) sits directly in the child's branch of an ``if`` on a fork's
    pid, in the statements ``body`` (a scope's) or blocks nested in them, and the branch
    execs another program."""
    stack = [body]
    while stack:
        statements = stack.pop()
        for index, statement in enumerate(statements):
            if isinstance(statement, _NESTED):
                continue
            if isinstance(statement, cst.If):
                test = _pid_test(statement.test)
                branch = None
                if test is not None:
                    name, child_in_body = test
                    if child_in_body:
                        branch = statement.body
                    elif isinstance(statement.orelse, cst.Else):
                        branch = statement.orelse.body
                    if (isinstance(branch, cst.IndentedBlock)
                            and any(s is line for s in branch.body)
                            and _execs(_last(branch), qualify)
                            and _forked(statements, index, name, qualify)):
                        return True
            stack.extend(_blocks(statement))
    return False


def _blocks(statement):
    """The statement lists directly inside a compound statement (an ``elif`` is an ``if``
    of its own, in a list of one)."""
    suites = []
    if isinstance(statement, cst.If):
        suites.append(statement.body)
        if isinstance(statement.orelse, cst.If):
            suites.append([statement.orelse])
        elif isinstance(statement.orelse, cst.Else):
            suites.append(statement.orelse.body)
    elif isinstance(statement, (cst.For, cst.While)):
        suites.append(statement.body)
        if statement.orelse is not None:
            suites.append(statement.orelse.body)
    elif isinstance(statement, (cst.Try, cst.TryStar)):
        suites.append(statement.body)
        suites.extend(h.body for h in statement.handlers)
        for extra in (statement.orelse, statement.finalbody):
            if extra is not None:
                suites.append(extra.body)
    elif isinstance(statement, cst.With):
        suites.append(statement.body)
    return [list(s.body) if isinstance(s, cst.IndentedBlock) else s
            for s in suites if isinstance(s, (cst.IndentedBlock, list))]


def _mentions(root, on_call=None):
    """The Name nodes in ``root`` that use a name (not the name of a ``def`` or ``class``,
    nor a keyword) and the Attribute nodes (a mention of their attribute's name), in one
    walk that hands each call to ``on_call`` before its parts."""
    definitions = set()  # ids of the Name nodes that name a def, a class or a keyword
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            definitions.add(id(node.name))
        elif isinstance(node, cst.Arg) and node.keyword is not None:
            definitions.add(id(node.keyword))
        elif isinstance(node, cst.Call) and on_call is not None:
            on_call(node)
        elif isinstance(node, cst.Name):
            if id(node) not in definitions:
                yield node
            continue
        elif isinstance(node, cst.Attribute):
            yield node
            stack.append(node.value)  # node.attr is a mention of its own: skip it
            continue
        stack.extend(iter_children(node))


# Decorators that call the function with the arguments the caller gave.
_FORWARDING = frozenset({"contextlib.contextmanager", "contextlib.asynccontextmanager"})

# How many functions deep the daemon-thread answer follows callers and parameters.
_DAEMON_DEPTH = 6


class _Callers:
    """Where each mention of a name sits, for following a function to its callers: the
    innermost ``def`` around it (none in a ``lambda``, a class body or the module's top
    level), whether it is the function a call calls (``f(x)``, ``self.f(x)``), and for a
    plain name or attribute handed as an argument to a function the module defines once at
    its top level (``serve(handler)``; undecorated, or a ``contextlib.contextmanager``,
    which passes the arguments on), that function and the parameter it binds."""

    def __init__(self, facts):
        self.enclosing: dict[int, cst.FunctionDef] = {}
        self.called: set[int] = set()
        self.passed: dict[int, tuple[str, str]] = {}
        # a plain name or attribute handed as an argument: the call, and its position or
        # keyword there
        self.arguments: dict[int, tuple[cst.Call, int | str]] = {}
        self.scopes = {id(scope.node): scope for scope in facts.scopes}
        defined: dict[str, list[cst.FunctionDef]] = {}
        for statement in facts.module.body:
            if isinstance(statement, cst.FunctionDef):
                defined.setdefault(statement.name.value, []).append(statement)
        qualify = facts.imports.qualify
        self.functions = {name: nodes[0] for name, nodes in defined.items()
                          if len(nodes) == 1 and all(
                              qualify(decorator.decorator) in _FORWARDING
                              for decorator in nodes[0].decorators)}
        stack: list[tuple[cst.CSTNode, cst.FunctionDef | None]] = [(facts.module, None)]
        while stack:
            node, where = stack.pop()
            if isinstance(node, cst.FunctionDef):
                where = node
            elif isinstance(node, (cst.Lambda, cst.ClassDef)):
                where = None
            elif isinstance(node, cst.Call):
                if isinstance(node.func, (cst.Name, cst.Attribute)):
                    self.called.add(id(node.func))
                for index, arg in enumerate(node.args):
                    if arg.star:
                        break
                    if isinstance(arg.value, (cst.Name, cst.Attribute)):
                        self.arguments[id(arg.value)] = (
                            node, arg.keyword.value if arg.keyword else index)
            if isinstance(node, (cst.Name, cst.Attribute)):
                self.enclosing[id(node)] = where
            stack.extend((child, where) for child in iter_children(node))
        for mention, (call, slot) in self.arguments.items():
            if type(call.func) is cst.Name and call.func.value in self.functions:
                parameter = _parameter(self.functions[call.func.value], slot)
                if parameter is not None:
                    self.passed[mention] = (call.func.value, parameter)


def _parameter(function, slot):
    """The name of the parameter of ``function`` an argument binds: ``slot`` is its
    position (an int) or its keyword."""
    params = function.params
    positional = list(params.posonly_params) + list(params.params)
    if isinstance(slot, int):
        return positional[slot].name.value if slot < len(positional) else None
    names = {param.name.value for param in positional + list(params.kwonly_params)}
    return slot if slot in names else None


def _name_mentions(root, name):
    """The Name nodes ``name`` in ``root`` that use the name (``x.name`` is another
    object's attribute)."""
    return (n for n in _mentions(root) if type(n) is cst.Name and n.value == name)


class ChildFacts:
    """The child-process question of ``Facts``."""

    def runs_in_child(self, site) -> bool:
        """The call at ``site`` runs only in a child process between fork and exec: in a
        ``preexec_fn`` of a ``subprocess`` call, or in a fork's child branch that execs
        another program (see the module's docstring)."""
        key = f"child.site:{id(site.node)}"
        answer = self._memo.get(key)
        if answer is None:
            answer = self._memo[key] = self._runs_in_child(site)
        return answer

    def _runs_in_child(self, site):
        if not site.in_lambda and isinstance(site.line, cst.SimpleStatementLine) \
                and self.mentions("fork"):
            node = site.scope.node
            body = node.body if isinstance(node, cst.Module) else None
            if isinstance(node, cst.FunctionDef) and isinstance(node.body, cst.IndentedBlock):
                body = node.body.body
            if body is not None and _in_fork_child(list(body), site.line,
                                                   self.imports.qualify):
                return True
        if not self.mentions("preexec_fn"):
            return False
        code = self.memo("child.code", lambda: _ChildCode(self))
        if site.in_lambda:
            return any(contains(fn.body, site.node) for fn in code.lambdas)
        scope = site.scope
        node = scope.node
        if scope.kind != "function" or not isinstance(node, cst.FunctionDef):
            return False
        if node.decorators:
            return False
        name = node.name.value
        passed = code.passed_names.get(name, 0)
        return passed > 0 and passed == code.mentions.get(name, 0)

    def runs_in_daemon_thread(self, scope) -> bool:
        """The function ``scope`` (a ``def`` without decorators) runs only as the target of
        daemon threads: every mention of its name in the module, as a name or an attribute
        (``target=self._serve``), is the ``target=`` of a ``threading.Thread(...,
        daemon=True)`` call, and there is at least one; for a function nested in another,
        every use of its name in that function. Such a thread never keeps the
        process from exiting. Not when the thread is made daemon later (``t.daemon =
        True``), nor for a function also called or handed on any other way."""
        if not self.mentions("daemon") and self.project is None:
            return False
        return self._daemon_only(scope, set())

    def _daemon_only(self, scope, seen):
        node = scope.node
        if scope.kind != "function" or not isinstance(node, cst.FunctionDef) or \
                node.decorators or id(node) in seen or len(seen) > _DAEMON_DEPTH:
            return False
        seen = seen | {id(node)}
        code = self.memo("child.code", lambda: _ChildCode(self))
        name = node.name.value
        parent = scope.parent
        if name == "run" and scope.cls is not None and parent is not None and \
                parent.kind == "class" and \
                all(self._module_attribute(m) for m in code.named.get("run", ())) and \
                _daemon_thread_class(scope.cls.node, self.imports.qualify):
            return True  # the run() of a daemon thread class, which nothing else calls
        if parent is not None and parent.kind == "function":
            # a nested function is reached only by its name in the function around it
            mentions = list(_name_mentions(parent.node, name))
            if mentions and all(id(m) in code.daemon for m in mentions):
                return True
        else:
            started = code.daemon_names.get(name, 0)
            if started > 0 and started == code.mentions.get(name, 0):
                return True
            mentions = code.named.get(name, ())
            if len(mentions) != code.mentions.get(name, 0):
                return False
        callers = self.memo("child.callers", lambda: _Callers(self))
        return bool(mentions) and all(
            self._daemon_use(callers, mention, node, seen) for mention in mentions)

    def _module_attribute(self, node):
        """``node`` is an attribute of an imported module (``subprocess.run``,
        ``asyncio.run``), no mention of a method of the module's own classes."""
        return type(node) is cst.Attribute and type(node.value) is cst.Name and \
            any(binding.how == "import" for binding in
                self.model.module_scope.bindings.get(node.value.value, ()))

    def _daemon_use(self, callers, mention, function, seen):
        """The mention of ``function``'s name runs only in daemon threads: it is called
        (``helper(conn)``, ``self._read(conn)``) in a function that runs only in daemon
        threads, or handed as an argument to a function of the module whose parameter is
        used only that way."""
        where = callers.enclosing.get(id(mention))
        if where is None or where is function:
            return False
        if id(mention) in callers.called:
            scope = callers.scopes.get(id(where))
            return scope is not None and self._daemon_only(scope, seen)
        passed = callers.passed.get(id(mention))
        if passed is not None:
            callee, parameter = passed
            target = callers.functions.get(callee)
            if target is not None and target is not function and \
                    self._daemon_only_via(callers, target, parameter, seen):
                return True
        return self._handed_to_daemon_elsewhere(callers, mention, where)

    def _handed_to_daemon_elsewhere(self, callers, mention, where):
        """The mention is an argument of a call of a project function or method
        (``self._start_server(handler)``, found on the class's project bases too, in any
        module) that hands that parameter only to daemon threads (the project index's
        ``FunctionSummary.daemon``)."""
        argument = callers.arguments.get(id(mention))
        if argument is None or self.project is None or self.module_name is None:
            return False
        call, slot = argument
        func = call.func
        scope = callers.scopes.get(id(where))
        qname = None
        if type(func) is cst.Attribute and type(func.value) is cst.Name:
            cls = scope.cls if scope is not None else None
            if cls is not None and func.value.value == scope.self_name and \
                    any(statement is cls.node for statement in self.module.body):
                qname = f"{self.module_name}.{cls.name}.{func.attr.value}"
        elif type(func) is cst.Name:
            qname = self.project.resolve(self.module_name, func.value)
        summary = self.project.function_of(qname) if qname else None
        if summary is None:
            return False
        return any(slot == (position if isinstance(slot, int) else name)
                   for position, name in summary.daemon)

    def _daemon_only_via(self, callers, target, parameter, seen):
        """Every use of ``parameter`` in the function ``target`` is a call made in a
        function (nested in it) that runs only in daemon threads."""
        if id(target) in seen or len(seen) > _DAEMON_DEPTH:
            return False
        seen = seen | {id(target)}
        uses = list(_name_mentions(target.body, parameter))
        if not uses:
            return False
        for use in uses:
            where = callers.enclosing.get(id(use))
            scope = callers.scopes.get(id(where)) if where is not None else None
            if id(use) not in callers.called or where is target or scope is None or \
                    not self._daemon_only(scope, seen):
                return False
        return True

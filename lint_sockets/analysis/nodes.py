"""Syntax-node helpers: what a libcst node holds, read without metadata.

Children without punctuation, the dotted key of a name or attribute chain, literal values,
call arguments by position or keyword, whether an expression mentions a name.
"""

from __future__ import annotations

import operator

import libcst as cst

from lint_sockets.analysis.tables import ACCEPT_METHODS

_SKIP_FIELDS = frozenset({
    "__slots__", "lpar", "rpar", "comma", "semicolon", "colon", "equal", "dot", "leading_lines",
    "lines_after_decorators", "header", "footer", "newline", "operator", "star", "lbracket",
    "rbracket", "lbrace", "rbrace", "asynchronous", "whitespace_after_await", "arrow",
    "walrus", "default_comma", "trailing_whitespace", "first_line",
})
LEAVES = (cst.Name, cst.SimpleString, cst.Integer, cst.Float, cst.Imaginary, cst.Ellipsis)
_CHILD_FIELDS = {}

# libcst's node classes have ABCMeta as their metaclass, so ``isinstance(x, cst.Call)`` runs
# Python code whenever ``x`` is of another type: on the hot paths below (millions of tests on
# a large project) the helpers compare types instead. The concrete classes named in
# ``kinds()`` sets, and every class compared with ``type(x) is cst.X``, have no subclasses
# (tests/test_nodes.py checks it), so a type test is the same test. ``_IS_NODE`` caches,
# per type, whether it is a node at all.
_IS_NODE = {}
KIND_SETS = []  # every set ``kinds()`` made, for the test


def is_node_type(kind):
    answer = _IS_NODE.get(kind)
    if answer is None:
        answer = _IS_NODE[kind] = issubclass(kind, cst.CSTNode)
    return answer


def kinds(*classes):
    """A frozenset of concrete node classes for ``type(node) in ...`` tests."""
    made = frozenset(classes)
    KIND_SETS.append(made)
    return made


LEAF_KINDS = kinds(*LEAVES)
_DEFINITION_KINDS = kinds(cst.FunctionDef, cst.ClassDef, cst.Lambda)
_LEAVING_KINDS = kinds(cst.Break, cst.Return, cst.Raise)
_DECLARING_KINDS = kinds(cst.Global, cst.Nonlocal)

# The operators of an errno test: ``e.errno == 35``, ``err in (11, 35)``, ``e.errno is not X``.
EQUALITY_OPERATORS = (cst.Equal, cst.NotEqual, cst.In, cst.NotIn, cst.Is, cst.IsNot)


def _child_fields(cls):
    fields = _CHILD_FIELDS.get(cls)
    if fields is None:
        fields = tuple(
            f for f in cls.__dataclass_fields__
            if f not in _SKIP_FIELDS and "whitespace" not in f
        )
        _CHILD_FIELDS[cls] = fields
    return fields


def iter_children(node):
    """The syntactic children of a node, without whitespace, commas and parentheses."""
    is_node = _IS_NODE
    for name in _child_fields(type(node)):
        value = getattr(node, name)
        kind = type(value)
        if kind is tuple or kind is list:
            for item in value:
                item_kind = type(item)
                answer = is_node.get(item_kind)
                if answer is None:
                    answer = is_node_type(item_kind)
                if answer:
                    yield item
        else:
            answer = is_node.get(kind)
            if answer is None:
                answer = is_node_type(kind)
            if answer:
                yield value


def key_of(node):
    """``a``, ``a.b.c`` for names and attribute chains of names; None for anything else."""
    kind = type(node)
    if kind is cst.Name:
        return node.value
    if kind is not cst.Attribute:
        return None
    parts = []
    while type(node) is cst.Attribute:
        parts.append(node.attr.value)
        node = node.value
    if type(node) is not cst.Name:
        return None
    parts.append(node.value)
    return ".".join(reversed(parts))


def strip_await(node):
    while type(node) is cst.Await:
        node = node.expression
    return node


def flat_elements(node):
    """The leaves of nested tuple, list and set displays (``(a, (b, c))`` -> a, b, c); any
    other node is its own single leaf."""
    if isinstance(node, (cst.Tuple, cst.List, cst.Set)):
        for element in node.elements:
            yield from flat_elements(element.value)
    else:
        yield node


# What a comparison operator does to two known values (``==``, ``!=``, ``<``, ...).
COMPARISONS = {
    cst.Equal: operator.eq, cst.NotEqual: operator.ne, cst.LessThan: operator.lt,
    cst.LessThanEqual: operator.le, cst.GreaterThan: operator.gt, cst.GreaterThanEqual: operator.ge,
}


def int_value(node):
    """The value of an integer literal (``-1`` included), else None."""
    if isinstance(node, cst.Integer):
        try:
            return int(node.value.replace("_", ""), 0)
        except ValueError:
            return None
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        inner = int_value(node.expression)
        return None if inner is None else -inner
    return None


def first_item(node):
    """``x[0]``: a subscript by the number 0."""
    return type(node) is cst.Subscript and len(node.slice) == 1 and \
        type(node.slice[0].slice) is cst.Index and int_value(node.slice[0].slice.value) == 0


def number_value(node):
    """int or float literal value (for timeouts), else None."""
    if isinstance(node, cst.Float):
        try:
            return float(node.value.replace("_", ""))
        except ValueError:
            return None
    return int_value(node)


def call_arg(call, index, name):
    count = 0
    for arg in call.args:
        if arg.keyword is not None:
            if arg.keyword.value == name:
                return arg.value
            continue
        if arg.star:
            return None
        if count == index:
            return arg.value
        count += 1
    return None


def mentions(node, names):
    """True if a name or attribute in ``names`` (one name or several) occurs in an
    expression, searched without recursion."""
    if isinstance(names, str):
        names = (names,)
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, cst.Name):
            if current.value in names:
                return True
            continue
        if isinstance(current, cst.Attribute) and current.attr.value in names:
            return True
        stack.extend(iter_children(current))
    return False


def target_keys(target):
    if isinstance(target, (cst.Tuple, cst.List)):
        keys = []
        for element in target.elements:
            keys.extend(target_keys(element.value))
        return keys
    if isinstance(target, cst.StarredElement):
        return target_keys(target.value)
    key = key_of(target)
    return [key] if key is not None else []


def bound_keys(node):
    """The keys a node binds directly: the targets of an assignment (``data = ...``,
    ``data += ...``, ``a, data = ...``), a walrus, a ``for`` target, an ``as`` name
    (``with``, ``except``, ``import``); none for any other node."""
    if isinstance(node, cst.Assign):
        return [key for target in node.targets for key in target_keys(target.target)]
    if isinstance(node, (cst.AugAssign, cst.AnnAssign, cst.NamedExpr, cst.For, cst.CompFor)):
        return target_keys(node.target)
    if isinstance(node, cst.AsName):
        return target_keys(node.name)
    return []


def suites_of(stmt):
    """The blocks of a compound statement: its body, its ``elif``/``else`` chain, the
    handlers, ``else`` and ``finally`` of a ``try``, the cases of a ``match``."""
    found = []
    body = getattr(stmt, "body", None)
    if isinstance(body, cst.BaseSuite):
        found.append(body)
    for handler in getattr(stmt, "handlers", ()):
        found.append(handler.body)
    for case in getattr(stmt, "cases", ()):
        found.append(case.body)
    orelse = getattr(stmt, "orelse", None)
    if isinstance(orelse, cst.If):
        found.extend(suites_of(orelse))
    elif orelse is not None:
        found.append(orelse.body)
    final = getattr(stmt, "finalbody", None)
    if final is not None:
        found.append(final.body)
    return found


def unpacked_pairs(target, value):
    """(name, value) for each name of a tuple or list target unpacked from a display of the
    same length (``HOST, PORT = "127.0.0.1", 5555``); nothing for any other shape."""
    if not isinstance(target, (cst.Tuple, cst.List)) or \
            not isinstance(value, (cst.Tuple, cst.List)) or \
            len(target.elements) != len(value.elements):
        return []
    pairs = []
    for left, right in zip(target.elements, value.elements):
        if isinstance(left, cst.StarredElement) or isinstance(right, cst.StarredElement) or \
                not isinstance(left.value, cst.Name):
            return []
        pairs.append((left.value.value, right.value))
    return pairs


def own_declaration(function, name):
    """How ``function``'s own code (not a function, class or lambda defined in it) declares
    ``name``: ``"global"``, ``"nonlocal"``, or None when it declares it neither way (a
    ``global`` anywhere in it wins, as Python refuses the two together)."""
    found = None
    stack = list(iter_children(function.body))
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind in _DECLARING_KINDS and any(item.name.value == name for item in node.names):
            if kind is cst.Global:
                return "global"
            found = "nonlocal"
        if kind not in _DEFINITION_KINDS:
            stack.extend(iter_children(node))
    return found


def declared_names(root):
    """Names a ``global`` or ``nonlocal`` statement declares anywhere under ``root``, and
    ``"*"`` when a ``match`` statement is there (its capture patterns bind names the walk
    does not record): an analysis that needs every binding of a name gives up on them."""
    names = set()
    stack = [root]
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind in _DECLARING_KINDS:
            names.update(item.name.value for item in node.names)
        elif kind is cst.Match:
            names.add("*")
        stack.extend(iter_children(node))
    return frozenset(names)


def struct_size(node):
    """The size ``struct.calcsize()`` gives for a literal format (``"!I"``: 4), or None when
    ``node`` is no valid literal format."""
    import struct

    if not isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        return None
    value = node.evaluated_value
    if not isinstance(value, (str, bytes)):
        return None
    try:
        return struct.calcsize(value)
    except (struct.error, TypeError, ValueError, OverflowError):
        return None


def suite_leaves(suite):
    """Some statement directly in the block always leaves the innermost loop (``break``,
    ``return`` or ``raise``)."""
    if isinstance(suite, cst.IndentedBlock):
        return any(statement_leaves(stmt) for stmt in suite.body)
    return any(small_leaves(small) for small in suite.body)


def ends_pass(suite):
    """The block's last statement is ``continue``, ``break``, ``return`` or ``raise``, or an
    ``if`` each of whose branches (an ``else`` included) ends so (``if stop.is_set(): break``
    / ``else: continue``): the code after the statement holding the block is not reached
    through it."""
    body = suite.body
    if not body:
        return False
    last = body[-1]
    while isinstance(last, cst.If):  # an ``elif`` chain, followed without recursion
        if last.orelse is None or not ends_pass(last.body):
            return False
        if isinstance(last.orelse, cst.Else):
            return ends_pass(last.orelse.body)
        last = last.orelse
    if isinstance(last, cst.SimpleStatementLine):
        last = last.body[-1] if last.body else None
    return isinstance(last, (cst.Continue, cst.Break, cst.Return, cst.Raise))


def statement_leaves(stmt):
    """The statement always leaves the innermost loop (break / return / raise, or a call
    that ends the program)."""
    if isinstance(stmt, cst.SimpleStatementLine):
        return any(small_leaves(s) for s in stmt.body)
    return False


# Calls that end the program (``sys.exit()`` raises SystemExit), as written in the module.
PROGRAM_EXIT_CALLS = frozenset({"sys.exit", "os._exit", "os.abort", "exit", "quit"})


def small_leaves(small):
    kind = type(small)
    if kind in _LEAVING_KINDS:
        return True
    return kind is cst.Expr and type(small.value) is cst.Call and \
        key_of(small.value.func) in PROGRAM_EXIT_CALLS


def walk(root, nested=False, skip=None):
    """``root`` and the nodes under it, expressions included; the functions, classes and
    lambdas defined under it only with ``nested``; ``skip`` (a node under it, such as an
    inner loop) and everything it holds left out."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        for child in iter_children(node):
            if child is skip or (not nested and type(child) in _DEFINITION_KINDS):
                continue
            stack.append(child)


def contains(root, target):
    """``target`` is ``root`` or a node under it (expressions included)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node is target:
            return True
        stack.extend(iter_children(node))
    return False


def module_level_smalls(module):
    """The small statements directly in a module's body: not inside a ``try``, an ``if``,
    a function or a class, so each runs whenever the module is imported."""
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine):
            yield from statement.body


def imported_modules(small):
    """The modules an ``import`` or an absolute ``from ... import`` statement names (``[]``
    for any other statement, and for a relative import)."""
    if isinstance(small, cst.Import):
        return [key_of(alias.name) for alias in small.names]
    if isinstance(small, cst.ImportFrom) and not small.relative and small.module is not None:
        return [key_of(small.module)]
    return []


def method_calls(root, name, methods):
    """The calls ``name.m(...)`` under ``root`` (nested functions included) with ``m`` in
    ``methods`` (any method when ``methods`` is None)."""
    found = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and \
                isinstance(node.func.value, cst.Name) and node.func.value.value == name and \
                (methods is None or node.func.attr.value in methods):
            found.append(node)
        stack.extend(iter_children(node))
    return found


def name_stays_local(root, name, exempt=frozenset()):
    """The object a local ``name`` holds never leaves the code under ``root`` (nested
    functions included): every use of the name is a call of one of its own methods
    (``name.close()``), ``with name:``, or a target that binds it. Anything else (an
    argument, a ``return``, an assignment to another name, an element of a container, a
    dictionary key, a lambda's body) may hand it on. ``exempt``: ids of uses the caller
    has judged itself (``tls_handovers``)."""
    stack = [(root, None, None, None)]
    while stack:
        node, parent, grandparent, great = stack.pop()
        if isinstance(node, cst.Name) and node.value == name and id(node) not in exempt:
            if isinstance(parent, cst.Element) and \
                    isinstance(grandparent, (cst.Tuple, cst.List)) and \
                    isinstance(great, (cst.AssignTarget, cst.For)) and \
                    getattr(great, "target", None) is grandparent:
                continue  # ``conn, addr = listener.accept()``: bound by unpacking
            if (isinstance(parent, cst.Attribute) and parent.attr is node) or \
                    (isinstance(parent, cst.Arg) and parent.keyword is node):
                continue  # ``other.name``, ``f(name=...)``: another thing of that name
            if isinstance(parent, cst.Attribute) and parent.value is node and \
                    isinstance(grandparent, cst.Call) and grandparent.func is parent:
                continue
            if isinstance(parent, (cst.AssignTarget, cst.WithItem)) or (
                    isinstance(parent, cst.AsName) and parent.name is node):
                continue
            return False
        stack.extend((child, node, parent, grandparent) for child in iter_children(node))
    return True


def tls_handovers(root, name):
    """The uses of a local ``name`` under ``root`` that hand its socket to a TLS wrapper
    held by a name of its own: ``tls = context.wrap_socket(name, ...)`` (also
    ``ssl.wrap_socket(name)``, and as a ``with`` item: ``with ctx.wrap_socket(name) as
    tls:``), ``name`` the call's first argument. ``SSLSocket`` takes over the descriptor
    (the wrapped socket is detached) and closes it itself when the handshake fails, so
    the connection then lives as long as the wrapper. ([ids of those ``Name`` uses],
    [the wrapper names; None for a ``with`` item, which closes it]); None when a
    ``wrap_socket`` call passes ``name`` some other way or its result is used in place
    (not bound to one plain name)."""
    uses, holders = [], []
    stack = [(root, None)]
    while stack:
        node, parent = stack.pop()
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and \
                node.func.attr.value == "wrap_socket" and node.args and \
                isinstance(node.args[0].value, cst.Name) and \
                node.args[0].value.value == name:
            first = node.args[0]
            if first.keyword is not None or first.star:
                return None
            if isinstance(parent, cst.WithItem) and parent.item is node:
                holders.append(None)
            elif isinstance(parent, cst.Assign) and len(parent.targets) == 1 and \
                    isinstance(parent.targets[0].target, cst.Name):
                holders.append(parent.targets[0].target.value)
            else:
                return None
            uses.append(id(first.value))
        stack.extend((child, node) for child in iter_children(node))
    return uses, holders


# What code may do to a socket it never uses: set it up, connect it, end it.
_NO_USE = frozenset({"close", "shutdown", "detach", "setblocking", "settimeout", "setsockopt",
                     "bind", "connect", "connect_ex"})


def socket_never_used(site):
    """The socket the call ``site`` is made on is a local name the function binds itself
    (not a parameter), only set up, connected and closed there, and never leaves it
    (``name_stays_local``): no read, write, wait or other use follows the connect, so a
    failed attempt is never taken as open (SCK301, SCK602)."""
    key = site.receiver_key
    if key is None or "." in key or site.scope.kind != "function":
        return False
    bindings = site.scope.bindings.get(key, ())
    if not bindings or any(b.how == "param" for b in bindings):
        return False  # the caller holds a parameter's socket
    body = site.scope.node.body
    return all(call.func.attr.value in _NO_USE for call in method_calls(body, key, None)) \
        and name_stays_local(body, key)


def accepted_binding(binding) -> bool:
    """The binding holds the connection an accept hands out: ``conn, addr = srv.accept()``,
    ``conn = srv.accept()[0]`` (``loop.sock_accept(srv)`` too, also awaited)."""
    return accepted_value(binding.value, binding.index)


def accepted_value(value, index) -> bool:
    """``accepted_binding`` for a bound value and its unpacking position (``index``:
    (position, length) in an unpacking target, or None)."""
    value = strip_await(value) if value is not None else None
    subscripted = isinstance(value, cst.Subscript)
    if subscripted:
        value = strip_await(value.value)
    if not (isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute)
            and value.func.attr.value in ACCEPT_METHODS):
        return False
    if subscripted:
        return index is None
    return index is not None and index[0] == 0


def collect_ids(root, found):
    """Add the id of ``root`` and of every node inside it to the set ``found``."""
    stack = [root]
    while stack:
        node = stack.pop()
        found.add(id(node))
        stack.extend(iter_children(node))


def thread_call(imports, node):
    """For a call that runs a function on another thread or process with its arguments
    written out: ``threading.Thread(target=f, args=(a, b), kwargs={"k": c})`` (also
    ``multiprocessing.Process``; ``target=self.m`` too, ``args`` a tuple or list display
    or none, ``kwargs`` a dict display with string keys or none), an executor's
    ``pool.submit(f, a, k=c)``, ``loop.run_in_executor(executor, f, a)`` and
    ``asyncio.to_thread(f, a, k=c)``: (the target, a call ``f(a, b, k=c)`` passing the
    arguments); None for anything else."""
    qname = imports.qualify(node.func)
    if qname in _THREAD_CLASSES:
        return _thread_class_call(node)
    method = node.func.attr.value if isinstance(node.func, cst.Attribute) else None
    skip = None
    if method == "submit" or qname == "asyncio.to_thread":
        skip = 0
    elif method == "run_in_executor":
        skip = 1
    if skip is None or len(node.args) <= skip or \
            any(arg.star for arg in node.args) or \
            any(arg.keyword is not None for arg in node.args[:skip + 1]):
        return None
    target = node.args[skip].value
    if not isinstance(target, (cst.Name, cst.Attribute)):
        return None
    passed = [cst.Arg(value=arg.value, keyword=arg.keyword) for arg in node.args[skip + 1:]]
    return target, cst.Call(func=target, args=passed)


_THREAD_CLASSES = frozenset({"threading.Thread", "multiprocessing.Process"})


def _thread_class_call(node):
    if any(arg.keyword is None or arg.star for arg in node.args):
        return None
    keywords = {arg.keyword.value: arg.value for arg in node.args}
    target, args, kwargs = keywords.get("target"), keywords.get("args"), keywords.get("kwargs")
    if target is None or set(keywords) - {"target", "args", "kwargs", "daemon", "name"}:
        return None
    if args is None:
        elements = []
    elif isinstance(args, (cst.Tuple, cst.List)) and \
            not any(isinstance(e, cst.StarredElement) for e in args.elements):
        elements = [e.value for e in args.elements]
    else:
        return None
    passed = [cst.Arg(value=e) for e in elements]
    if kwargs is not None:
        if not isinstance(kwargs, cst.Dict):
            return None
        for element in kwargs.elements:
            key = getattr(element, "key", None)
            if not isinstance(key, cst.SimpleString) or \
                    not isinstance(key.evaluated_value, str) or \
                    not key.evaluated_value.isidentifier():
                return None
            passed.append(cst.Arg(value=element.value,
                                  keyword=cst.Name(key.evaluated_value)))
    return target, cst.Call(func=target, args=passed)


def is_docstring(stmt):
    """``stmt`` is a statement holding only a string literal (a docstring when it comes
    first in a body)."""
    return isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 and \
        isinstance(stmt.body[0], cst.Expr) and \
        isinstance(stmt.body[0].value, (cst.SimpleString, cst.ConcatenatedString))


def called_name(call):
    """The last name of what a call calls: ``log.debug(...)`` -> "debug", ``print(...)`` ->
    "print"; None for anything else (``handlers[0](...)``)."""
    func = call.func
    if isinstance(func, cst.Attribute):
        return func.attr.value
    return func.value if isinstance(func, cst.Name) else None

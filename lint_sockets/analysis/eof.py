"""Emptiness: which names a test can observe to be empty (``if not data``), which names a
value is computed from, and comparisons with str literals that never see bytes."""

from __future__ import annotations

import builtins

import libcst as cst

from lint_sockets.analysis.nodes import (
    COMPARISONS, LEAVES, PROGRAM_EXIT_CALLS, called_name, declared_names, int_value,
    is_docstring, iter_children, key_of, own_declaration, small_leaves, strip_await,
    struct_size, suite_leaves, target_keys, walk,
)
from lint_sockets.analysis.tables import (
    EMPTY_KEEPING, EXCEPTION_PARENTS, REPORTING_CALLS, canonical_exception, exception_ancestors,
)

# Methods that keep a value empty exactly when it was empty (``not data.strip()``), as a
# test sees it: ``b"".split()`` is ``[]``.
EMPTINESS_PRESERVING = EMPTY_KEEPING | frozenset({"split", "splitlines", "rsplit"})
# Predicates of bytes and str that are false for an empty value (``b"".isdigit()`` is
# False): a test of ``x.isdigit()`` is false when ``x`` is empty, as a test of ``x`` is.
# (Not ``isascii()`` or ``isprintable()``, true for an empty value.)
FALSE_WHEN_EMPTY = frozenset({"isdigit", "isalpha", "isalnum", "isspace", "isupper",
                              "islower", "istitle", "isdecimal", "isnumeric",
                              "isidentifier"})


def value_keys(node):
    """Names whose value a return/yield hands on: ``x``, ``(x, y)``, ``x.decode()``."""
    if isinstance(node, (cst.Tuple, cst.List)):
        keys = set()
        for element in node.elements:
            keys |= value_keys(element.value)
        return keys
    base = _emptiness_base(node)
    return {base} if isinstance(base, str) else set()


def _emptiness_base(node):
    """What a test of ``node`` tells the emptiness of.

    ``x`` for ``x``, ``x.strip()``, ``len(x)``, ``bool(x)``, ``x.decode().strip()``,
    ``x.isdigit()`` (a predicate false for an empty value, ``FALSE_WHEN_EMPTY``),
    ``buffer.write(x)`` (the count of bytes written); the id of the call for ``s.recv(1)``,
    ``len(s.recv(4))``, ``bio.write(s.recv(n))``; None for anything else.
    """
    node = strip_await(node)
    while True:
        if isinstance(node, cst.Call):
            func = node.func
            if isinstance(func, cst.Name) and func.value in ("len", "bool") and len(node.args) == 1:
                node = strip_await(node.args[0].value)
                continue
            if isinstance(func, cst.Attribute) and func.attr.value in EMPTINESS_PRESERVING:
                node = strip_await(func.value)
                continue
            if isinstance(func, cst.Attribute) and func.attr.value in FALSE_WHEN_EMPTY and \
                    not node.args:
                node = strip_await(func.value)  # ``c.isdigit()``: false for b""
                continue
            if isinstance(func, cst.Attribute) and func.attr.value == "write" and \
                    len(node.args) == 1 and node.args[0].keyword is None and \
                    not node.args[0].star:
                # ``buffer.write(data)`` returns the number of bytes written (files,
                # ``io.BytesIO``, ``ssl.MemoryBIO``): 0, falsy, for b""
                node = strip_await(node.args[0].value)
                continue
            return id(node)
        if isinstance(node, cst.NamedExpr):
            return key_of(node.target)
        return key_of(node)


def _str_literal(node):
    return isinstance(node, cst.SimpleString) and "b" not in node.prefix.lower()


def _str_comparison(node):
    """``x == ''`` / ``'' != x`` / ``x is ''``: the name compared with the empty str, or
    None. On Python 3 a bytes value is never equal to a str, so the test is always False
    (or True for ``!=``) whatever ``x`` holds; decoded text equals it exactly at end of
    file. A comparison with a str that is not empty (``choice == "1"``) is false for an
    empty value either way, and is read as any other test (``truth_when_empty``)."""
    return _compared_with(node, _empty_str_literal)


def _empty_str_literal(node):
    return _str_literal(node) and node.evaluated_value == ""


def _none_comparison(node):
    """``x is None`` / ``x is not None`` / ``x == None`` / ``None != x``: the name compared
    with None, or None. A read returns bytes (or a str on Python 2), never None."""
    return _compared_with(node, lambda side: isinstance(side, cst.Name)
                          and side.value == "None")


def _compared_with(node, literal):
    """The key of what a one-operator equality or identity comparison compares with a
    ``literal`` side (on either side), or None."""
    if len(node.comparisons) != 1:
        return None
    target = node.comparisons[0]
    if not isinstance(target.operator, (cst.Equal, cst.NotEqual, cst.Is, cst.IsNot)):
        return None
    left, right = node.left, target.comparator
    if literal(left):
        left, right = right, left
    if not literal(right):
        return None
    return key_of(strip_await(left))


def tested_keys(test, str_keys=None, none_keys=None):
    """Keys whose emptiness a test expression can observe. With ``str_keys``, a name compared
    with a str literal goes there instead (whether that tests anything depends on what the
    name holds); with ``none_keys``, a name compared with None."""
    keys = set()
    stack = [test]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Not):
            stack.append(node.expression)
        elif isinstance(node, cst.BooleanOperation):
            stack.append(node.left)
            stack.append(node.right)
        elif str_keys is not None and isinstance(node, cst.Comparison) and \
                _str_comparison(node) is not None:
            str_keys.add(_str_comparison(node))
        elif none_keys is not None and isinstance(node, cst.Comparison) and \
                _none_comparison(node) is not None:
            none_keys.add(_none_comparison(node))
        elif isinstance(node, cst.Comparison):
            stack.append(node.left)
            for target in node.comparisons:
                stack.append(target.comparator)
        elif isinstance(node, cst.NamedExpr):
            key = key_of(node.target)
            if key is not None:
                keys.add(key)
        else:
            base = _emptiness_base(node)
            if base is not None:
                keys.add(base)
    return keys


def source_keys(value):
    """Names a value is computed from (``bytes(buf[:n])`` -> buf, n), leaving out operands of
    arithmetic: ``total = total + n`` accumulates, it does not carry n's emptiness."""
    keys = set()
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.BinaryOperation, cst.Lambda)) or isinstance(node, LEAVES[1:]):
            continue
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and \
                node.func.attr.value in EMPTINESS_PRESERVING:
            # ``text = data.decode()``: empty exactly when data is
            stack.append(node.func.value)
            stack.extend(arg.value for arg in node.args)
            continue
        key = key_of(node)
        if key is not None:
            keys.add(key)
            continue
        stack.extend(iter_children(node))
    return frozenset(keys)


# ---- text accumulators: a str joined with the bytes a read returns ------------------------

def _str_literal_value(node):
    """``''``, ``"abc"``, ``f"{x}"``, ``'a' 'b'``: a str (not bytes) literal."""
    if isinstance(node, cst.SimpleString):
        return "b" not in node.prefix.lower()
    if isinstance(node, cst.FormattedString):
        return "b" not in node.start.lower()
    if isinstance(node, cst.ConcatenatedString):
        return _str_literal_value(node.left) and _str_literal_value(node.right)
    return False


def _str_value(node, names):
    """``node`` evaluates to a str, or raises, whenever every name in ``names`` holds a str
    (or is unbound): a str literal, such a name, ``X + e``, ``X % e``, ``X * n`` or ``X[i:j]``
    of such a value (``str + bytes`` raises TypeError; the others give str)."""
    node = strip_await(node)
    while isinstance(node, cst.BinaryOperation) and isinstance(
            node.operator, (cst.Add, cst.Modulo, cst.Multiply)):
        node = node.left
    while isinstance(node, cst.Subscript):
        node = node.value
    if isinstance(node, cst.Name):
        return node.value in names
    return _str_literal_value(node)


def str_names(scope, declared):
    """The plain names of a function (or the module) that can only ever hold a str: every
    binding of the name is a str literal or a value computed from such names by ``+``,
    ``%``, ``*`` or slicing (``data = ''``, ``rest = data[n:]``, ``data = rest``), so each
    assignment gives a str or raises TypeError. ``data += x`` keeps a str a str (or
    raises). A parameter, a ``for``/``with``/``except`` target, an unpacking, a call's
    result or a name in ``declared`` (``nodes.declared_names`` of the module) is not one."""
    if scope.kind not in ("function", "module") or "*" in declared:
        return frozenset()
    names = set()
    for name, bindings in scope.bindings.items():
        if "." in name or name in declared:
            continue
        if all(b.how == "assign" and b.index is None and b.value is not None
               and b.annotation is None for b in bindings):
            names.add(name)
    changed = True
    while changed:  # the greatest set closed under the rules above
        changed = False
        for name in list(names):
            if not all(_str_value(b.value, names) for b in scope.bindings[name]):
                names.discard(name)
                changed = True
    return frozenset(names)


def joined_with_str(call, stmt, names):
    """The bytes ``call`` returns are joined with a str at once: ``acc += call`` with ``acc``
    in ``names`` (``str_names``), or ``call`` is an operand of ``+`` whose other operand is
    a str value (``rest = data + sock.recv(n)``). On Python 3 that raises TypeError."""
    return _joined(stmt, names, lambda node: strip_await(node) is call)


def _joined(stmt, names, is_read):
    """``stmt`` adds what ``is_read`` accepts (the read, or the name holding it) to a str:
    ``acc += read`` with ``acc`` in ``names``, or ``read`` an operand of ``+`` whose other
    operand is a str value."""
    if isinstance(stmt, cst.AugAssign) and isinstance(stmt.operator, cst.AddAssign) and \
            is_read(stmt.value) and isinstance(stmt.target, cst.Name) and \
            stmt.target.value in names:
        return True
    stack = [stmt]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
            left, right = strip_await(node.left), strip_await(node.right)
            if (is_read(left) and _str_value(right, names)) or \
                    (is_read(right) and _str_value(left, names)):
                return True
        if isinstance(node, (cst.Lambda, cst.FunctionDef, cst.ClassDef)):
            continue
        stack.extend(iter_children(node))
    return False


def read_name_joined_with_str(site, loop_node, names):
    """The read is bound to a plain name (``n = sock.recv(count)``) that a later statement
    of the same pass adds to a str (``s = s + n``, ``buf += n`` with ``s``/``buf`` in
    ``names``, ``str_names``) before anything rebinds it, with nothing in between that may
    leave the pass or skip the join: on Python 3 the first pass raises TypeError. Only
    simple statements, and compound ones holding no ``break``, ``continue``, ``return`` or
    ``yield``, are passed over (``if n == '': raise EOFError`` is never true of bytes)."""
    stmt, line = site.stmt, site.line
    if line is None or not isinstance(stmt, cst.Assign) or len(stmt.targets) != 1 or \
            strip_await(stmt.value) is not site.node or \
            not isinstance(stmt.targets[0].target, cst.Name):
        return False
    name = stmt.targets[0].target.value
    for following in _statements_after(loop_node, line, limit=2 * _LOOKAHEAD):
        if not isinstance(following, cst.SimpleStatementLine):
            if any(type(node) in _PASS_ENDS for node in walk(following)):
                return False
            continue
        for small in following.body:
            if type(small) in _PASS_ENDS:
                return False
            if _joined(small, names, lambda node: type(node) is cst.Name and
                       node.value == name):
                return True
            if isinstance(small, (cst.Assign, cst.AugAssign, cst.AnnAssign)) and \
                    name in _bound_names(small):
                return False
    return False


# What ends a pass of a loop (or the function) in between: the join may never run.
_PASS_ENDS = frozenset({cst.Break, cst.Continue, cst.Return, cst.Yield})


def _bound_names(small):
    targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) \
        else [small.target]
    found = set()
    for target in targets:
        found.update(target_keys(target))
    return found


# Calls that raise when handed an empty bytes object (qualified name -> exception): the
# decoders of a message. ``struct`` also needs a format of at least one byte.
_FAILS_ON_EMPTY = {
    "struct.unpack": "struct.error",
    "struct.unpack_from": "struct.error",
    "json.loads": "ValueError",  # json.JSONDecodeError
    "pickle.loads": "EOFError",
    "marshal.loads": "EOFError",
    "ord": "TypeError",
    "int": "ValueError",  # int(b"") and int("") (a decoded read): invalid literal
    "float": "ValueError",
    "zlib.decompress": "zlib.error",  # incomplete or truncated stream
    "lzma.decompress": "lzma.LZMAError",  # ended before the end-of-stream marker
    "msgpack.unpackb": "ValueError",  # "Unpack failed: incomplete input"
    "msgpack.loads": "ValueError",
}
_UNEVALUATED = (cst.Lambda, cst.FunctionDef, cst.ClassDef, cst.ListComp, cst.SetComp,
                cst.DictComp, cst.GeneratorExp)


def unwrapped(value, passes):
    """``value`` without the calls around it that hand their one argument back unchanged
    or as bytes of the same length (``passes(func)``: ``bytes(x)``, a project ``def b(x):
    return x``), and without the methods that keep ``b""`` empty
    (``tables.EMPTY_KEEPING``: ``.decode()``, ``.strip()``, ...): empty whenever the
    read is."""
    value = strip_await(value)
    for _ in range(3):
        if isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) and \
                value.func.attr.value in EMPTY_KEEPING:
            value = strip_await(value.func.value)
            continue
        if passes is None or not isinstance(value, cst.Call) or len(value.args) != 1 or \
                value.args[0].keyword is not None or value.args[0].star or \
                not passes(value.func):
            break
        value = strip_await(value.args[0].value)
    return value


def _split_index_fails(subscript, is_read):
    """``data.split()[1]``: an index into the parts of the read that the parts of ``b""``
    do not have. ``b"".split()`` is ``[]``, so any index fails; ``b"".split(sep)`` is
    ``[b""]``, so any index but 0 and -1 fails."""
    call = subscript.value
    if not (isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute)
            and call.func.attr.value in ("split", "rsplit") and is_read(call.func.value)):
        return False
    index = subscript.slice[0].slice.value
    number = int_value(index)
    if number is None:
        return False
    separator = call.args[0].value if call.args and call.args[0].keyword is None else next(
        (a.value for a in call.args if a.keyword is not None and a.keyword.value == "sep"),
        None)
    if separator is None or (isinstance(separator, cst.Name) and separator.value == "None"):
        return True
    return number not in (0, -1)


_LOOKAHEAD = 4  # statements after a read searched for its decode


def _consumer(node, read, key, qualify, passes=None, constants=None, decoders=None):
    """The exception an expression raises when the read's bytes are empty, if it always
    evaluates a decoder of them: ``struct.unpack(fmt, data)``, ``json.loads(data)``,
    ``data[0]``, also of a slice of them (``struct.unpack("ii", data[:8])``: a slice of
    ``b""`` is ``b""``). ``read`` is the read call itself, ``key`` the name it was bound
    to (or a set of names: the name and its copies). ``constants``: the module's constants
    by name, for a format held in one (``SIZE_FMT = "!i"``)."""
    def is_read(value):
        value = unwrapped(value, passes)
        while isinstance(value, cst.Subscript) and len(value.slice) == 1 and \
                isinstance(value.slice[0].slice, cst.Slice):
            value = unwrapped(value.value, passes)  # any slice of b"" is b"": ``data[:8]``
        return value is read or (isinstance(value, cst.Name) and value.value in keys)

    keys = frozenset(() if key is None else (key,) if isinstance(key, str) else key)

    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, _UNEVALUATED):
            continue
        if isinstance(node, cst.IfExp):
            stack.append(node.test)  # only the test is always evaluated
            continue
        if isinstance(node, cst.BooleanOperation):
            stack.append(node.left)  # the right side may be skipped
            continue
        if isinstance(node, cst.Subscript) and is_read(node.value) and \
                len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
            index = node.slice[0].slice.value
            if isinstance(index, cst.UnaryOperation) and \
                    isinstance(index.operator, cst.Minus):
                index = index.expression
            if isinstance(index, cst.Integer):
                return "IndexError"  # b""[0]
        if isinstance(node, cst.Subscript) and len(node.slice) == 1 and \
                isinstance(node.slice[0].slice, cst.Index) and \
                _split_index_fails(node, is_read):
            return "IndexError"  # b"".split()[1]
        if isinstance(node, cst.Call):
            qname = qualify(node.func)
            exc = _FAILS_ON_EMPTY.get(qname)
            args = [a for a in node.args if a.keyword is None and not a.star]
            if exc is not None and qname.startswith("struct."):
                fmt = args[0].value if len(args) >= 2 else None
                if isinstance(fmt, cst.Name) and constants and fmt.value in constants:
                    fmt = constants[fmt.value]
                size = struct_size(fmt) if fmt is not None else None
                if size and is_read(args[1].value):
                    return exc
            elif exc is not None and args and is_read(args[0].value):
                return exc
            elif exc is None and decoders is not None and args and is_read(args[0].value):
                # a function of the module that decodes its first argument straight away
                exc = decoders(node.func)
                if exc is not None:
                    return exc
        stack.extend(iter_children(node))
    return None


def decodes_first_parameter(function, method, qualify, passes=None, constants=None):
    """The exception the function raises, before anything else, when its first parameter
    (after ``self`` for a ``method``) is empty: its first statement (after a docstring)
    decodes that parameter as ``_consumer`` reads a decoder (``lengths =
    struct.unpack("ii", data[:8])``, ``return json.loads(text)``, ``kind = message[0]``),
    or is an ``if`` or ``while`` whose test does (``if message[0] == STATUS:``); None
    otherwise."""
    params = list(function.params.posonly_params) + list(function.params.params)
    if method:
        params = params[1:]
    body = list(function.body.body) if isinstance(function.body, cst.IndentedBlock) else []
    if body and is_docstring(body[0]):
        body = body[1:]
    if not params or not body:
        return None
    if isinstance(body[0], (cst.If, cst.While)):  # ``if message[0] == STATUS:``
        return _consumer(body[0].test, None, params[0].name.value, qualify, passes,
                         constants)
    if not isinstance(body[0], cst.SimpleStatementLine) or not body[0].body:
        return None
    first = body[0].body[0]
    if not isinstance(first, (cst.Assign, cst.AnnAssign, cst.Expr, cst.Return)) or \
            first.value is None:
        return None
    return _consumer(first.value, None, params[0].name.value, qualify, passes, constants)


def _statements_after(root, line, limit=_LOOKAHEAD):
    """The statements that run after ``line`` (a statement under ``root``) on the path
    that raises nothing: the rest of its block, then, when that block ends one of these,
    the statements after it (and so on outwards, inside ``root``): the body of a ``with``
    (whose exit runs in between and binds no name of the function); a branch of an
    ``if`` (its body, an ``elif``'s or the ``else``); the body of a ``try`` with no
    ``finally``, whose ``else`` block, if any, runs first; or that ``else`` block. At most
    ``limit``, in order. Empty when ``line`` is not found."""
    chain = _blocks_to(root, line)
    found = []
    while chain and len(found) < limit:
        owner, statements, index = chain.pop()
        found.extend(statements[index + 1:index + 1 + limit - len(found)])
        if not chain:
            break
        holder = chain[-1][1][chain[-1][2]]  # the compound statement the block belongs to
        if type(holder) is cst.With and owner is holder:
            continue
        if isinstance(holder, cst.If) and _branch_of(holder, owner):
            continue
        if not isinstance(holder, (cst.Try, cst.TryStar)) or holder.finalbody is not None:
            break
        if owner is holder and holder.orelse is not None:
            # the body ended without an exception: the ``else`` block runs next
            found.extend(holder.orelse.body.body[:limit - len(found)])
        elif owner is not holder and owner is not holder.orelse:
            break  # a handler
    return found[:limit]


def _branch_of(statement, owner):
    """``owner`` (a block's owner in ``_blocks_to``) is a branch of the ``if`` statement:
    the ``if`` itself (its body), an ``elif`` of its chain, or the ``else`` at its end."""
    node = statement
    while isinstance(node, cst.If):
        if node is owner:
            return True
        node = node.orelse
    return node is owner


def rest_of_block(root, line):
    """The statements after ``line`` (a statement under ``root``, in the bodies
    ``_blocks_to`` enters) in the block that holds it; None when ``line`` is not found."""
    chain = _blocks_to(root, line)
    if not chain:
        return None
    _, statements, index = chain[-1]
    return statements[index + 1:]


def _blocks_to(root, line):
    """[(owner, statements, index)] from ``root`` down to the block holding ``line``:
    ``owner`` is the compound statement whose body is the block (``root`` for its own),
    ``statements`` the block's statements and ``index`` the position of the statement on
    the way down. Only bodies of ``if``/``while``/``for``/``with``/``try`` are entered."""
    stack = [(root, [])]
    while stack:
        node, path = stack.pop()
        body = getattr(node, "body", None)
        if isinstance(body, cst.IndentedBlock):
            statements = list(body.body)
        elif isinstance(node, cst.Module):
            statements = list(node.body)
        else:
            continue
        for index, stmt in enumerate(statements):
            step = path + [(node, statements, index)]
            if stmt is line:
                return step
            if isinstance(stmt, (cst.If, cst.While, cst.For, cst.With, cst.Try,
                                 cst.TryStar)):
                stack.append((stmt, step))
                orelse = getattr(stmt, "orelse", None)
                while isinstance(orelse, cst.If):  # elif chains
                    stack.append((orelse, step))
                    orelse = orelse.orelse
                if orelse is not None and not isinstance(orelse, cst.If):
                    stack.append((orelse, step))
                for handler in getattr(stmt, "handlers", ()):
                    stack.append((handler, step))
                final = getattr(stmt, "finalbody", None)
                if final is not None:
                    stack.append((final, step))
    return []


def _empty_failure(site, loop_node, qualify, passes=None, constants=None, decoders=None):
    """(exception, try) for ``fails_when_empty``: the exception the decoder raises, and the
    ``try`` statement whose body starts with that decoder (None when it is not in one);
    (None, None) when nothing decodes the read straight away."""
    stmt, line = site.stmt, site.line
    if stmt is None:
        return None, None
    exc = _consumer(stmt, site.node, None, qualify, passes, constants, decoders)
    if exc is not None:
        return exc, None
    if line is None or not isinstance(stmt, cst.Assign) or len(stmt.targets) != 1 or \
            unwrapped(stmt.value, passes) is not site.node or \
            not isinstance(stmt.targets[0].target, cst.Name):
        return None, None
    keys = {stmt.targets[0].target.value}
    for following in _statements_after(loop_node, line):
        if isinstance(following, cst.If) and following.orelse is None and \
                none_test(following.test, keys) and _only_raises(following.body):
            continue  # ``if data is None: raise ...``: a read never returns None
        if isinstance(following, (cst.If, cst.While)):
            return _consumer(following.test, site.node, keys, qualify, passes,
                             constants, decoders), None
        guard = None
        if isinstance(following, cst.Try) and following.finalbody is None and \
                isinstance(following.body, cst.IndentedBlock):
            # ``try: msg = json.loads(data)`` / ``except ValueError: break``
            guard, following = following, following.body.body[0]
        if not isinstance(following, cst.SimpleStatementLine) or not following.body:
            return None, None
        first = following.body[0]
        value = first.value if isinstance(first, (cst.Assign, cst.AnnAssign, cst.Expr)) \
            else None
        if value is None:
            return None, None
        exc = _consumer(value, site.node, keys, qualify, passes, constants, decoders)
        if exc is not None or len(following.body) != 1 or guard is not None:
            return exc, guard if exc is not None else None
        if _reports(first):
            continue  # ``print("got", data)``: reports, binds nothing, cannot skip ahead
        kept = _kept_copy(first, keys)
        if not kept and not _binds_only(first):
            return None, None
        # ``result = data`` / ``done = False``: binds names, calls nothing; the decode may
        # come next, of the read's name or of a copy of it (``text = data.decode()``, empty
        # when the read is)
        targets = {key_of(t.target) for t in first.targets} if isinstance(first, cst.Assign) \
            else {key_of(first.target)}
        copies = kept or (isinstance(value, cst.Name) and value.value in keys)
        keys -= targets
        if copies:
            keys |= targets
        if not keys:
            return None, None
    return None, None


def fails_when_empty(site, loop_node, qualify, passes=None, constants=None, decoders=None):
    """The exception the code raises, straight after the read, when the read returns ``b""`` at
    end of file: the read is decoded in the same statement (``struct.unpack("!I",
    sock.recv(4))``, ``sock.recv(1)[0]``), or bound to a name (``hdr = sock.recv(4)``) that
    the next statement decodes before anything else (``(n,) = struct.unpack("!I", hdr)``,
    ``if hdr[0] == 1:``). Statements in between that only bind plain names to a name or a
    literal (``result = data``, ``done = False``: they run no code) are passed over, and so
    is a test a read never passes whose branch only raises (``if data is None: raise
    ...``), and a statement that only prints or logs (``_reports``); a name bound to the
    read's name is the read too, also through methods that keep it empty (``_kept_copy``);
    the next statement of a read that ends a ``try`` body (no ``else``, no ``finally``) or
    a ``with`` body is the one after it (``_statements_after``, ``_LOOKAHEAD`` statements
    at most). The read may be wrapped in calls that hand it back as it is (``passes``:
    ``unwrapped``). None otherwise, and when the decoder opens a ``try`` of its own
    (``decoder_handlers_leave`` judges that one) unless no handler of that ``try`` may
    catch the exception (``except AttributeError:`` around ``pickle.loads(data)``): then
    the exception leaves the ``try`` as it would without one."""
    exc, guard = _empty_failure(site, loop_node, qualify, passes, constants, decoders)
    if guard is not None and exc is not None and \
            not any(_may_catch(handler, exc, qualify, constants) for handler in guard.handlers):
        return exc  # no handler of the decoder's ``try`` catches it: it leaves the ``try``
    return exc if guard is None else None


def _may_catch(handler, exc, qualify, constants):
    """The ``except`` clause may catch the exception ``exc``: a bare ``except:``, a class
    that is ``exc`` or a parent of it, or any name that is neither a built-in exception
    class nor one of the standard exception tree (``tables.EXCEPTION_PARENTS``: a project
    class or a name out of sight may be anything). ``except AttributeError:`` does not
    catch ``EOFError``."""
    if handler.type is None or exc not in EXCEPTION_PARENTS:
        return True
    from lint_sockets.analysis.handlers import flatten_types

    chain = exception_ancestors(exc)
    for element in flatten_types(handler.type, constants or {}):
        name = qualify(element)
        if name is None:
            return True
        name = canonical_exception(name)
        if name in chain:
            return True
        if name not in EXCEPTION_PARENTS and not _builtin_exception(name):
            return True
    return False


def _builtin_exception(name):
    """``name`` is a built-in exception class (``AttributeError``, ``KeyError``)."""
    value = getattr(builtins, name, None) if "." not in name else None
    return isinstance(value, type) and issubclass(value, BaseException)


def decoder_handlers_leave(site, loop_node, qualify, passes=None, constants=None,
                           decoders=None):
    """The statement that decodes the read straight away (as ``fails_when_empty`` finds
    it) is the first of the body of a ``try`` (with no ``finally``) every handler of which
    leaves the loop on every path: its last statement is a ``break``, a ``return`` or a
    call that ends the program, and nothing in it says ``continue``. Whatever the handler
    catches, an empty read that makes the decoder raise ends the loop there (``try: msg =
    json.loads(data)`` / ``except ValueError: break``); an exception no handler catches
    leaves the ``try`` as it would without one."""
    exc, guard = _empty_failure(site, loop_node, qualify, passes, constants, decoders)
    return guard is not None and bool(guard.handlers) and \
        all(_handler_leaves(handler) for handler in guard.handlers)


def _handler_leaves(handler):
    body = handler.body.body if isinstance(handler.body, cst.IndentedBlock) else ()
    if not body or any(isinstance(node, cst.Continue) for node in walk(handler.body)):
        return False
    last = body[-1]
    return isinstance(last, cst.SimpleStatementLine) and bool(last.body) and (
        isinstance(last.body[-1], (cst.Break, cst.Return)) or (
            isinstance(last.body[-1], cst.Expr) and small_leaves(last.body[-1])))


def none_test(test, keys):
    """``data is None`` / ``data == None`` of one of ``keys``: never true of a read."""
    return isinstance(test, cst.Comparison) and _none_comparison(test) in keys and \
        isinstance(test.comparisons[0].operator, (cst.Is, cst.Equal))


def _smalls(block):
    """The small statements of a block made only of simple statement lines, else None."""
    body = block.body if isinstance(block, cst.IndentedBlock) else [block]
    smalls = []
    for stmt in body:
        if not isinstance(stmt, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            return None
        smalls.extend(stmt.body)
    return smalls


def _only_raises(block):
    """A block that is one ``raise`` statement (the branch runs nothing else)."""
    smalls = _smalls(block)
    return smalls is not None and len(smalls) == 1 and isinstance(smalls[0], cst.Raise)


# Calls a reporting statement's arguments may make: they take a value and hand back text or
# a number, and never leave the loop but by raising.
_TEXT_CALLS = frozenset({"decode", "str", "repr", "len", "hex", "format", "type"})


def _reports(small):
    """A statement that only prints or logs (``print("got", data)``, ``log.debug("%r",
    data.decode())``): a call of ``print`` or of a logging method, whose arguments call
    nothing but ``decode``, ``str``, ``repr``, ``len``, ``hex``, ``format`` or ``type``. It
    binds no name, and cannot leave the pass but by raising."""
    call = small.value if isinstance(small, cst.Expr) else None
    if not isinstance(call, cst.Call):
        return False
    if called_name(call) not in REPORTING_CALLS:
        return False
    for arg in call.args:
        for node in walk(arg.value):
            if isinstance(node, (cst.Lambda, cst.Yield, cst.Await, cst.NamedExpr)) or (
                    isinstance(node, cst.Call) and called_name(node) not in _TEXT_CALLS):
                return False
    return True


def _kept_copy(small, keys):
    """``small`` binds one plain name to a name in ``keys`` through methods that keep
    ``b""`` empty (``text = data.decode("utf-8")``, ``line = data.strip()``:
    ``tables.EMPTY_KEEPING``): the new name is empty when the read is, and nothing else
    runs."""
    if not isinstance(small, cst.Assign) or len(small.targets) != 1 or \
            not isinstance(small.targets[0].target, cst.Name):
        return False
    value = small.value
    if not (isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute)):
        return False
    while isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) and \
            value.func.attr.value in EMPTY_KEEPING and \
            all(isinstance(a.value, (cst.SimpleString, cst.Integer)) for a in value.args):
        value = value.func.value
    return isinstance(value, cst.Name) and value.value in keys


def _binds_only(small):
    """An assignment to plain names of a name or a literal: it runs no code."""
    if not isinstance(small, (cst.Assign, cst.AnnAssign)) or small.value is None:
        return False
    targets = small.targets if isinstance(small, cst.Assign) else [small]
    if not all(isinstance(t.target, cst.Name) for t in targets):
        return False
    value = small.value
    return isinstance(value, (cst.Name, cst.Integer, cst.Float, cst.SimpleString))


# Clocks a deadline is measured with (qualified names), MicroPython's tick counters
# (``time.ticks_ms()``, also from its ``utime`` module) among them.
_TICKS = frozenset(f"{module}.ticks_{unit}" for module in ("time", "utime")
                   for unit in ("ms", "us", "cpu"))
CLOCKS = frozenset({"time.time", "time.monotonic", "time.perf_counter", "time.time_ns",
                    "time.monotonic_ns", "time.perf_counter_ns"}) | _TICKS
# MicroPython's tick arithmetic: ``ticks_diff(a, b)`` is ``a - b``, ``ticks_add(a, b)``
# is ``a + b`` (both wrap around, which a deadline a few seconds away never meets).
_TICKS_DIFF = frozenset({"time.ticks_diff", "utime.ticks_diff"})
_TICKS_ADD = frozenset({"time.ticks_add", "utime.ticks_add"})
_ORDERING = (cst.LessThan, cst.LessThanEqual, cst.GreaterThan, cst.GreaterThanEqual)
# Clocks a time limit may be measured with, wall-clock datetimes included.
_ANY_CLOCK = CLOCKS | frozenset({"datetime.datetime.now", "datetime.datetime.utcnow",
                                 "datetime.now", "datetime.utcnow"})


def reads_clock(loop, qualify):
    """The loop's body reads a clock (``time.monotonic()``, ``datetime.utcnow()``): it may
    be checking a time limit that ends it."""
    stack = [loop.node.body]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, cst.Call) and qualify(node.func) in _ANY_CLOCK:
            return True
        stack.extend(iter_children(node))
    return False


# What waits for a person to type a line at the terminal.
_PROMPTS = frozenset({"input", "raw_input", "getpass.getpass", "sys.stdin.readline"})


def waits_for_a_person(loop, qualify):
    """Every pass of the ``while`` loop waits for a line typed at the terminal: its test,
    a simple statement at the top of its body (in no branch of it), or the first statement
    of a ``try`` or ``with`` block there (which every pass enters) calls ``input()``
    (``raw_input()``, ``getpass.getpass()``, ``sys.stdin.readline()``). After end of file the
    loop goes round at the pace of the person at the keyboard, not at the CPU's: no spin."""
    node = loop.node
    parts = [node.test]
    blocks = [getattr(node.body, "body", ())]
    while blocks:
        block = blocks.pop()
        parts.extend(stmt for stmt in block if isinstance(stmt, cst.SimpleStatementLine))
        for stmt in block:
            if isinstance(stmt, (cst.Try, cst.With)):
                # entered on every pass, and nothing in it can raise before its first
                # statement: ``while True: try: cmd = input("> ")``
                blocks.append(getattr(stmt.body, "body", ())[:1])
    return any(type(inner) is cst.Call and qualify(inner.func) in _PROMPTS
               for part in parts for inner in walk(part))


def _names_in(node):
    names = set()
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.Name, cst.Attribute)):
            key = key_of(node)
            if key is not None:
                names.add(key)
                if isinstance(node, cst.Name):
                    continue
        stack.extend(iter_children(node))
    return names


def _total_seconds(node):
    """``x.total_seconds()``: a ``timedelta`` (a difference of datetimes) as a number of
    seconds, which grows and falls with it."""
    return isinstance(node, cst.Call) and not node.args and \
        isinstance(node.func, cst.Attribute) and node.func.attr.value == "total_seconds"


def _clock_sign(node, qualify):
    """+1 or -1 for how a clock call counts in ``node`` (``time.time() - start``: +1,
    ``end - time.time()``: -1), 0 when it holds none, None when it is used some other way
    (several clocks, a product, another call)."""
    if isinstance(node, cst.Call):
        name = qualify(node.func)
        if name in _ANY_CLOCK and not node.args:
            return 1
        if name in _TICKS_DIFF | _TICKS_ADD and len(node.args) == 2 and \
                not any(arg.keyword or arg.star for arg in node.args):
            return _clock_sign(cst.BinaryOperation(
                left=node.args[0].value,
                operator=cst.Subtract() if name in _TICKS_DIFF else cst.Add(),
                right=node.args[1].value), qualify)
        if _total_seconds(node):  # ``(datetime.now() - start).total_seconds()``
            return _clock_sign(node.func.value, qualify)
        return None  # another call may return anything, each pass
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        sign = _clock_sign(node.expression, qualify)
        return -sign if sign else sign
    if isinstance(node, cst.BinaryOperation):
        left = _clock_sign(node.left, qualify)
        right = _clock_sign(node.right, qualify)
        if left is None or right is None or (left and right):
            return None
        if not (left or right):
            return 0
        if isinstance(node.operator, cst.Add):
            return left or right
        if isinstance(node.operator, cst.Subtract):
            return left or -right
        return None
    for child in iter_children(node):
        if _clock_sign(child, qualify) != 0:
            return None
    return 0


def _one_ordering(test):
    """``test`` is one ordering comparison (``a < b``, ``a >= b``)."""
    return isinstance(test, cst.Comparison) and len(test.comparisons) == 1 and \
        isinstance(test.comparisons[0].operator, _ORDERING)


def _deadline_test(test, qualify, changed, passed):
    """``test`` compares a clock with values the loop does not change; with ``passed``
    False it holds until the deadline (``time.time() < deadline``,
    ``time.monotonic() - start <= timeout``), with ``passed`` True once it has passed
    (``time.time() > deadline``). An ``and`` holds until the deadline when one operand
    does; an ``or`` once it has passed when one operand does."""
    if isinstance(test, cst.BooleanOperation):
        if isinstance(test.operator, cst.Or if passed else cst.And):
            return _deadline_test(test.left, qualify, changed, passed) or \
                _deadline_test(test.right, qualify, changed, passed)
        return False
    if not _one_ordering(test):
        return False
    left = _clock_sign(test.left, qualify)
    right = _clock_sign(test.comparisons[0].comparator, qualify)
    if left is None or right is None or (left and right) or not (left or right):
        return False
    # the side that must stay smaller while the test holds
    less = isinstance(test.comparisons[0].operator, (cst.LessThan, cst.LessThanEqual))
    sign = (left if less else -left) if left else (-right if less else right)
    # sign +1: the clock grows on the smaller side, so the test holds until a deadline
    if sign != (-1 if passed else 1):
        return False
    return not (_names_in(test) - {"time"}) & changed


def deadline_loop(loop, qualify):
    """The loop ends at a deadline fixed before it: its condition compares a clock with
    values the loop does not change (``while time.time() < deadline:``), or a statement of
    its body leaves it once the deadline has passed (``if time.monotonic() > end:
    break``). A read that returns ``b""`` at end of file then makes it spin only until
    that deadline, not for ever."""
    node = loop.node
    changed = set(loop.bound)
    if isinstance(node, cst.While) and _deadline_test(node.test, qualify, changed, False):
        return True
    clocked = {}  # a name the body sets from the clock: its value, or "down"/"up"
    for stmt in getattr(node.body, "body", ()):
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                _note_clocked(small, qualify, changed, clocked)
            continue
        if not isinstance(stmt, cst.If) or stmt.orelse is not None or \
                not suite_leaves(stmt.body):
            if clocked:  # a name set inside a compound statement is no longer known
                for inner in walk(stmt):
                    for name in _target_names(inner):
                        clocked.pop(name, None)
            continue
        if _deadline_test(stmt.test, qualify, changed, True):
            return True
        if _clocked_test(stmt.test, qualify, changed, clocked):
            return True
        test = stmt.test
        if isinstance(node, cst.While) and isinstance(test, cst.BooleanOperation) and \
                isinstance(test.operator, cst.And):
            # ``if remaining and time.time() - start > timeout: raise``: where the other
            # operand is false, the loop's own test fails next
            operands = _and_operands(test)
            if any(_deadline_test(o, qualify, changed, True) for o in operands) and all(
                    _deadline_test(o, qualify, changed, True) or
                    _false_ends(o, node.test) for o in operands):
                return True
    return False


def _note_clocked(small, qualify, changed, clocked):
    """Record in ``clocked`` what a small statement of the loop's body makes of a name
    from the clock: ``left = deadline - time.monotonic()`` (the expression, when the
    other names in it do not change in the loop), ``left -= time.time() - start`` ("down":
    each pass takes away the time passed since a fixed moment, so the name falls without
    end; "up" for ``+=``). Any other binding of a recorded name forgets it."""
    if isinstance(small, cst.Assign) and len(small.targets) == 1 and \
            isinstance(small.targets[0].target, cst.Name):
        name = small.targets[0].target.value
        value = small.value
        if _clock_sign(value, qualify) in (1, -1) and \
                not (_names_in(value) - {"time"}) & (changed - {name}):
            clocked[name] = value
            return
        clocked.pop(name, None)
        return
    if isinstance(small, cst.AugAssign) and isinstance(small.target, cst.Name):
        name = small.target.value
        value = small.value
        if isinstance(small.operator, (cst.SubtractAssign, cst.AddAssign)) and \
                _clock_sign(value, qualify) == 1 and \
                not (_names_in(value) - {"time"}) & changed:
            clocked[name] = "down" if isinstance(small.operator, cst.SubtractAssign) else "up"
            return
        clocked.pop(name, None)
        return
    for name in _target_names(small):
        clocked.pop(name, None)


def _target_names(small):
    """The plain names a small statement binds (assignment targets)."""
    names = []
    if isinstance(small, cst.Assign):
        for target in small.targets:
            names.extend(key for key in target_keys(target.target) if "." not in key)
    elif isinstance(small, (cst.AugAssign, cst.AnnAssign)) and \
            isinstance(small.target, cst.Name):
        names.append(small.target.value)
    return names


def _clocked_test(test, qualify, changed, clocked):
    """``test`` holds once a deadline has passed, read through a name the body set from the
    clock before it (``_note_clocked``): ``left <= 0`` after ``left = deadline -
    time.monotonic()``, or after ``left -= time.time() - start``; the other side is not
    changed in the loop."""
    if isinstance(test, cst.BooleanOperation):
        if isinstance(test.operator, cst.Or):
            return _clocked_test(test.left, qualify, changed, clocked) or \
                _clocked_test(test.right, qualify, changed, clocked)
        return False
    if not _one_ordering(test):
        return False
    left, right = test.left, test.comparisons[0].comparator
    for name_side, other, name_left in ((left, right, True), (right, left, False)):
        if _total_seconds(name_side):  # ``elapsed.total_seconds() > 5.0``
            name_side = name_side.func.value
        if not isinstance(name_side, cst.Name) or name_side.value not in clocked:
            continue
        if _clock_sign(other, qualify) != 0 or _names_in(other) & changed:
            return False
        held = clocked[name_side.value]
        if isinstance(held, cst.BaseExpression):
            replaced = test.with_changes(left=held) if name_left else test.with_deep_changes(
                test.comparisons[0], comparator=held)
            return _deadline_test(replaced, qualify, changed - {name_side.value}, True)
        less = isinstance(test.comparisons[0].operator, (cst.LessThan, cst.LessThanEqual))
        # "down": the name falls without end, so ``name <= c`` comes to hold
        return (held == "down") == (less == name_left)
    return False


def _and_operands(test):
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        return _and_operands(test.left) + _and_operands(test.right)
    return [test]


def _false_ends(operand, loop_test):
    """Where ``operand`` is false, ``loop_test`` is false too: the same expression, or the
    name the loop tests against zero (``n`` for ``while n > 0:`` / ``n != 0`` / ``n``)."""
    if operand.deep_equals(loop_test):
        return True
    if not isinstance(operand, cst.Name):
        return False
    if isinstance(loop_test, cst.Name):
        return loop_test.value == operand.value
    if isinstance(loop_test, cst.Comparison) and len(loop_test.comparisons) == 1:
        operator = loop_test.comparisons[0].operator
        left, right = loop_test.left, loop_test.comparisons[0].comparator
        if isinstance(left, cst.Name) and left.value == operand.value and \
                int_value(right) == 0:
            return isinstance(operator, (cst.GreaterThan, cst.NotEqual))
        if isinstance(right, cst.Name) and right.value == operand.value and \
                int_value(left) == 0:
            return isinstance(operator, (cst.LessThan, cst.NotEqual))
    return False


# Calls that close a socket (or may: ``detach`` hands the descriptor to someone else).
CLOSERS = frozenset({"close", "shutdown", "detach", "__exit__"})

# Callback registrations that run the callback at teardown: the interpreter's exit, or the
# finalisation of an object (``weakref.finalize(obj, func)``): qualified name -> the position
# of the callback among the positional arguments.
_TEARDOWN_REGISTRIES = {"atexit.register": 0, "weakref.finalize": 1}

# Project teardown registries recognised by their name (the last part of the callee, leading
# underscores and case ignored): ``register_at_shutdown``, ``call_at_shutdown``,
# ``add_exit_hook``, ``on_shutdown``, ``register_teardown_callback``; the callback is the
# first positional argument.
_TEARDOWN_NAMES = frozenset(
    f"{verb}{sep}{when}{sep}{moment}"
    for verb in ("register", "add", "call")
    for when in ("at", "on")
    for moment in ("shutdown", "exit", "teardown")
    for sep in ("_", "")
) | frozenset(
    f"{when}{sep}{moment}"
    for when in ("at", "on")
    for moment in ("shutdown", "exit", "teardown")
    for sep in ("_", "")
) | frozenset(
    f"{verb}{sep}{moment}{tail}"
    for verb in ("register", "add")
    for moment in ("shutdown", "exit", "teardown")
    for tail in ("", "_hook", "_handler", "_callback", "hook", "handler", "callback")
    for sep in ("_", "")
)


def _teardown_position(call, qualify):
    """The position of the callback in ``call`` when it registers one that runs at teardown
    (``_TEARDOWN_REGISTRIES``, ``_TEARDOWN_NAMES``), else None."""
    qname = qualify(call.func)
    if qname in _TEARDOWN_REGISTRIES:
        return _TEARDOWN_REGISTRIES[qname]
    dotted = key_of(call.func)
    if dotted is None:
        return None
    last = dotted.rpartition(".")[2].lstrip("_").lower()
    return 0 if last in _TEARDOWN_NAMES else None


def pair_writer_kept_open(site, module, qualify, scopes=()):
    """The socket read at ``site`` is one end of a ``socketpair()`` (a wake-up pipe) whose
    other end the module only ever writes to: the reader's EOF would need the program to
    close its own writer, so it never comes while the reader is in use.

    The writer may be closed only where that cannot happen while the reader runs, or where
    the reader is already closed, so that a read raises instead of returning ``b""``:

    - in ``__del__`` of the class that keeps both ends as attributes (``self.x``), in that
      method's own code: ``__del__`` cannot run while a method of the same object does,
      whose frame holds a reference to it;
    - handed as the bound method ``w.close`` (not called) to a registration that calls it at
      teardown: ``atexit.register(w.close)``, ``weakref.finalize(obj, w.close)``, or a
      project registry named for it (``register_at_shutdown(w.close)``,
      ``kernel._call_at_shutdown(w.close)``);
    - as the statement right after ``reader.close()``, in the same block.

    Any other use counts against it: a ``close()``, ``shutdown()`` or ``detach()`` call
    anywhere else (a lambda or a function that calls it, registered or not, too), the writer
    handed to another function, stored elsewhere or used in ``with``."""
    key = site.receiver_key
    if key is None:
        return False
    bindings = site.reaching
    head, _, attr = key.partition(".")
    cls = None
    if attr and site.scope.cls is not None and head == site.scope.self_name and "." not in attr:
        cls = site.scope.cls
        bindings = cls.attr_bindings.get(attr, ())
    elif not attr and not bindings:
        bindings = _closure_bindings(site.scope, key, scopes)
    if not bindings:
        return False
    siblings = set()
    pairs = 0
    for binding in bindings:
        value = strip_await(binding.value) if binding.value is not None else None
        if binding.index is None and isinstance(value, cst.Name) and value.value == "None":
            continue  # ``reader = None`` first: a read on None raises, it cannot spin
        pairs += 1
        if binding.index is None or not isinstance(value, cst.Call) or \
                qualify(value.func) != "socket.socketpair":
            return False
        statement = binding.node
        if not isinstance(statement, cst.Assign) or len(statement.targets) != 1:
            return False
        target = statement.targets[0].target
        if not isinstance(target, (cst.Tuple, cst.List)) or len(target.elements) != 2:
            return False
        sibling = key_of(target.elements[1 - binding.index[0]].value)
        if sibling is None:
            return False
        siblings.add(sibling)
    if not pairs:
        return False
    finaliser = None
    if cls is not None:
        finaliser = next((stmt for stmt in cls.node.body.body
                          if isinstance(stmt, cst.FunctionDef) and stmt.name.value == "__del__"
                          and stmt.params.params), None)
    return all(_only_written(module, sibling, qualify, finaliser, head,
                             _closed_after_reader(module, key, sibling))
               for sibling in siblings)


def _closed_after_reader(module, reader, writer):
    """ids of the ``writer.close()`` calls that are the statement right after
    ``reader.close()`` in the same block (``self._wake_r.close()`` then
    ``self._wake_w.close()``): the reader is closed first, so from then on a read of it
    raises (EBADF) instead of returning ``b""``."""
    found = set()
    stack = [module]
    while stack:
        node = stack.pop()
        body = getattr(node, "body", None)
        if isinstance(node, (cst.Module, cst.IndentedBlock)) and isinstance(body, (list, tuple)):
            previous = None
            for stmt in body:
                call = _closing_call(stmt)
                if call is not None and previous is not None and \
                        key_of(previous.func.value) == reader and \
                        key_of(call.func.value) == writer:
                    found.add(id(call))
                previous = call
        stack.extend(iter_children(node))
    return found


def _closing_call(stmt):
    """The call of ``stmt`` when it is one ``x.close()`` statement, else None."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1 or \
            not isinstance(stmt.body[0], cst.Expr):
        return None
    call = stmt.body[0].value
    if isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) and \
            call.func.attr.value == "close" and not call.args:
        return call
    return None


def _closure_bindings(scope, name, scopes):
    """The bindings of ``name`` in the nearest enclosing function that binds it, for a name
    a nested function only reads (``drain()`` reading the pair its factory made): every one
    of them, since the nested function may run after any of them, and those of the functions
    nested in it that declare the name ``nonlocal`` (``nonlocal r; w, r = socketpair()``).
    With no enclosing function binding it, the module's bindings of the global, when no
    function of the module declares it ``global`` (none can rebind it). Nothing when the
    function binds it itself, or something under the enclosing one declares it ``global``
    or uses ``match``."""
    if scope.kind != "function" or scope.bindings.get(name):
        return ()
    outer = scope.parent
    while outer is not None and outer.kind == "class":
        outer = outer.parent  # a class body does not enclose the functions in it
    while outer is not None and outer.kind == "function":
        if outer.bindings.get(name):
            break
        outer = outer.parent
    else:
        if outer is None or outer.kind != "module" or not outer.bindings.get(name) or \
                name in declared_names(outer.node) or "*" in declared_names(outer.node):
            return ()
        return list(outer.bindings[name])  # a module's global, no function rebinds it
    if outer is None:
        return ()
    found = list(outer.bindings[name])
    declared = declared_names(outer.node)
    if "*" in declared:
        return ()
    if name in declared:
        for inner in scopes:
            if inner is outer or inner.kind != "function" or not inner.bindings.get(name):
                continue
            parent = inner.parent
            while parent is not None and parent is not outer:
                parent = parent.parent
            if parent is None:
                continue
            if not own_declaration(inner.node, name) == "nonlocal":
                return ()  # a global, or a local of its own that the walk does not tell
            found.extend(inner.bindings[name])
    return found


def _only_written(module, sibling, qualify, finaliser, self_name, after_reader=frozenset()):
    """Every use of ``sibling`` in the module is ``sibling.method(...)`` with a method that
    does not close it, the assignment that binds it, a close in ``finaliser``'s own code
    (``__del__``; only for ``self.x`` when its first parameter is ``self_name``), a close
    right after the reader's own (``after_reader``: ids of those calls), or its bound
    ``close`` handed to a teardown registration (``pair_writer_kept_open``)."""
    in_del_key = None
    if finaliser is not None and sibling.partition(".")[0] == self_name:
        first = finaliser.params.params[0].name.value
        in_del_key = first + sibling[len(self_name):]
    stack = [(module, False)]
    while stack:
        node, in_del = stack.pop()
        if node is finaliser:
            stack.extend((child, True) for child in iter_children(node))
            continue
        if in_del and isinstance(node, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            in_del = False  # nested code may run later, from elsewhere
        wanted = in_del_key if in_del else sibling
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and \
                key_of(node.func.value) in (sibling, wanted):
            if node.func.attr.value in CLOSERS and not (
                    in_del and key_of(node.func.value) == wanted) and \
                    id(node) not in after_reader:
                return False
            stack.extend((arg.value, in_del) for arg in node.args)
            continue
        if isinstance(node, cst.Call):
            position = _teardown_position(node, qualify)
            if position is not None:
                positional = [arg for arg in node.args if not arg.keyword and not arg.star]
                callback = positional[position].value if position < len(positional) else None
                if isinstance(callback, cst.Attribute) and \
                        key_of(callback.value) == sibling and callback.attr.value == "close":
                    stack.extend((arg.value, in_del) for arg in node.args
                                 if arg.value is not callback)
                    stack.append((node.func, in_del))
                    continue
        if isinstance(node, cst.AssignTarget) and key_of(node.target) == sibling:
            continue
        if isinstance(node, (cst.Nonlocal, cst.Global)):
            continue  # a declaration, no use (the uses after it are looked at)
        if isinstance(node, cst.Element) and key_of(node.value) == sibling:
            continue  # ``a, b = socketpair()``: the unpacking target
        if isinstance(node, (cst.Name, cst.Attribute)) and key_of(node) in (sibling, wanted):
            return False  # handed on, stored, used in ``with``: it may be closed out of sight
        if isinstance(node, cst.Attribute):
            stack.append((node.value, in_del))  # ``other.writer`` is no use of ``writer``
            continue
        if isinstance(node, cst.Arg):
            stack.append((node.value, in_del))  # nor is the keyword of ``f(writer=...)``
            continue
        stack.extend((child, in_del) for child in iter_children(node))
    return True


# ---- what a test says when the read returned nothing ---------------------------------------

def truth_when_empty(test, key):
    """The value of ``test`` when ``key`` holds an empty result (``b""``), as far as it
    follows from that alone: True, False, or None when it cannot be told. ``data`` and
    ``len(data)`` are false, ``data != b"\\n"`` and ``len(data) < 4`` true,
    ``data.endswith(b"\\r\\n")`` false; a comparison with an empty literal is left to the
    other checks (None), since ``b"" == ""`` is false on Python 3."""
    test = strip_await(test)
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        inner = truth_when_empty(test.expression, key)
        return None if inner is None else not inner
    if isinstance(test, cst.BooleanOperation):
        left = truth_when_empty(test.left, key)
        right = truth_when_empty(test.right, key)
        if isinstance(test.operator, cst.And):
            if left is False or right is False:
                return False
            return True if left and right else None
        if left is True or right is True:
            return True
        return False if left is False and right is False else None
    if isinstance(test, cst.Comparison):
        if len(test.comparisons) != 1:
            return None
        target = test.comparisons[0]
        left = _empty_value(test.left, key)
        right = _empty_value(target.comparator, key)
        if left is None or right is None:
            return None
        operator = type(target.operator)
        if operator in (cst.In, cst.NotIn):
            if left[0] == "literal" and right[0] == "empty" and left[1]:
                return operator is cst.NotIn  # a non-empty piece is never in b""
            return None
        if left[0] == "empty" or right[0] == "empty":
            other = right if left[0] == "empty" else left
            if other[0] != "literal" or not isinstance(other[1], (bytes, str)) or not other[1]:
                return None
            if operator is cst.Equal:
                return False
            return True if operator is cst.NotEqual else None
        compare = COMPARISONS.get(operator)
        if compare is None or not all(isinstance(v[1], int) for v in (left, right)):
            return None
        return compare(left[1], right[1])
    if isinstance(test, cst.Call) and isinstance(test.func, cst.Attribute) and \
            test.func.attr.value in FALSE_WHEN_EMPTY and not test.args:
        # ``c.isdigit()``: false for an empty value
        return False if _emptiness_base(test.func.value) == key else None
    if isinstance(test, cst.Call) and isinstance(test.func, cst.Attribute) and \
            test.func.attr.value in ("endswith", "startswith") and len(test.args) == 1:
        piece = _empty_value(test.args[0].value, key)
        if piece is not None and piece[0] == "literal" and isinstance(piece[1], (bytes, str)) \
                and piece[1] and _emptiness_base(test.func.value) == key:
            return False
        return None
    value = _empty_value(test, key)
    if value is not None and value[0] in ("empty", "length"):
        return False
    return None


def _empty_value(node, key):
    """("empty", None) for ``key`` (or what is empty exactly when it is: ``key.decode()``),
    ("length", 0) for ``len(key)``, ("literal", value) for an int, bytes or str literal.
    An assignment expression is the name it assigns (``(data := s.recv(n))``)."""
    node = strip_await(node)
    if isinstance(node, cst.NamedExpr):
        node = node.target
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and \
            node.func.value == "len" and len(node.args) == 1:
        return ("length", 0) if _emptiness_base(node.args[0].value) == key else None
    if isinstance(node, cst.Integer):
        return ("literal", int(node.evaluated_value))
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = node.evaluated_value
        return ("literal", value) if isinstance(value, (bytes, str)) else None
    if key_of(node) is not None or isinstance(node, cst.Call):
        return ("empty", None) if _emptiness_base(node) == key else None
    return None


def _empty_takes(test, key):
    """An empty read of ``key`` makes ``test`` true: ``not data``, ``len(data) == 0``
    (``truth_when_empty``), or ``data == b""``, which it leaves open (an empty literal may
    be a str that bytes never equal)."""
    if truth_when_empty(test, key) is True:
        return True
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1 or \
            not isinstance(test.comparisons[0].operator, cst.Equal):
        return False
    sides = {_empty_value(test.left, key), _empty_value(test.comparisons[0].comparator, key)}
    return sides == {("empty", None), ("literal", b"")}


def _only_breaks(block):
    """A block of simple statements that reports (``print()``, ``log.info()``) and then
    ``break``s: nothing else changes."""
    smalls = _smalls(block)
    if not smalls or not isinstance(smalls[-1], cst.Break):
        return False
    for small in smalls[:-1]:
        call = small.value if isinstance(small, cst.Expr) else None
        if not isinstance(call, cst.Call):
            return False
        func = call.func
        name = func.attr.value if isinstance(func, cst.Attribute) else key_of(func)
        if name not in REPORTING_CALLS:
            return False
    return True


def _reached_every_pass(outer, inner):
    """``inner`` is a statement of ``outer``'s body, or of a ``try``/``with`` body in it:
    each pass of ``outer`` that does not leave first comes to it."""
    pending = list(outer.body.body) if isinstance(outer.body, cst.IndentedBlock) else []
    while pending:
        stmt = pending.pop()
        if stmt is inner:
            return True
        if isinstance(stmt, (cst.Try, cst.With)) and isinstance(stmt.body, cst.IndentedBlock):
            pending.extend(stmt.body.body)
    return False


def inner_break_only(loop_node, outer_node, key, qualify):
    """End of file leaves only the inner loop, and the outer one comes back to it: in
    ``loop_node`` (a ``while``), the read's name ``key`` is tested for emptiness only by
    an ``if`` directly in its body whose branch logs and ``break``s, and nothing in it
    returns or raises; ``loop_node`` is reached on every pass of ``outer_node`` (a
    ``while``), whose own code (the inner loop left out) has no ``break``, ``return``,
    ``raise``, exit call, decoder that fails on empty bytes or index into bytes that could
    stop it after an empty read, and does not assign its own condition. The outer loop
    then goes round, the inner loop reads ``b""`` again at once and leaves again: a spin."""
    from lint_sockets.analysis.walk import exit_flags

    if not _reached_every_pass(outer_node, loop_node):
        return False
    tests = 0
    body = loop_node.body.body if isinstance(loop_node.body, cst.IndentedBlock) else []
    for stmt in body:
        if isinstance(stmt, cst.If) and _empty_takes(stmt.test, key):
            if not _only_breaks(stmt.body):
                return False
            tests += 1
    if tests != 1:
        return False
    for node in walk(loop_node):
        if isinstance(node, (cst.Return, cst.Raise)):
            return False
    flags = {flag[0] for flag in exit_flags(outer_node.test)}
    for node in walk(outer_node, skip=loop_node):
        if isinstance(node, (cst.Break, cst.Return, cst.Raise, cst.Subscript)):
            return False
        if isinstance(node, cst.Call):
            qname = qualify(node.func)
            if qname in _FAILS_ON_EMPTY or qname in PROGRAM_EXIT_CALLS:
                return False
        if flags and isinstance(node, (cst.Assign, cst.AugAssign, cst.AnnAssign)):
            targets = node.targets if isinstance(node, cst.Assign) else [node]
            if any(key_of(t.target) in flags for t in targets):
                return False
    return True

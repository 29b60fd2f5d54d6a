"""What a write puts on the wire, as far as the code fixes it: an upper bound on a
payload's length (``payload_bound``: literals, constants of this module or another,
``struct.pack()`` with a literal format, encoded text, project functions whose returns are
bounded), a message the code composes (``composed_message``: a request line, its template
plus a few fields), and whether a write is one of the first few small writes into a fresh
socket's send buffer (``early_write_of_fresh_socket``), which the kernel takes whole.

SCK601 asks whether a ``send()`` may write part of its payload, SCK201 and SCK603 whether a
write on a non-blocking socket may find no room at all.
"""

import libcst as cst

from lint_sockets.analysis import tables
from lint_sockets.analysis.flow import NONBLOCKING
from lint_sockets.analysis.index import (
    BULK_METHODS, BYTES_FIELD_CONVERSIONS, MAX_CONSTANT_DEPTH, MAX_CONSTANT_ITEMS,
    PERCENT_CONVERSION, template_has_text,
)
from lint_sockets.analysis.nodes import (
    accepted_binding, int_value, key_of, strip_await, struct_size,
)

# Smaller than the smallest send buffer of any platform (Linux clamps SO_SNDBUF to at least
# 4608 bytes; macOS, the BSDs and Windows start at 8 KiB or more).
_FITS_EMPTY_BUFFER = 512
_WRITES = tables.SEND_METHODS | {"sendfile", "write"}
_EARLY_WRITES = 4  # writes into a fresh socket's buffer: one small buffer each at most


def constant_length(node, constants):
    """The length of a payload whose length the code fixes: a bytes literal (or a module
    constant bound to one), ``bytes(n)``/``bytearray(n)``, ``bytes([x])``; else None."""
    if isinstance(node, cst.Name) and node.value in constants:
        node = constants[node.value]  # WAKEUP_BYTE = b"x" at module level
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = node.evaluated_value
        return len(value) if isinstance(value, bytes) else None
    if isinstance(node, cst.Call) and key_of(node.func) in ("bytes", "bytearray") \
            and len(node.args) == 1 and node.args[0].keyword is None:
        arg = node.args[0].value
        number = int_value(arg)
        if number is not None:
            return number
        if isinstance(arg, (cst.List, cst.Tuple)) and all(
                not isinstance(e, cst.StarredElement) for e in arg.elements):
            return len(arg.elements)
    return None


# How deep a payload expression is followed (``IAC + WILL + opt`` through module constants).
_BOUND_DEPTH = 4
_MAX_PIECES = 16  # pieces of one concatenation
# Codecs that write at most four bytes a character (``unicode_escape`` writes ten).
_TEXT_CODECS = frozenset({
    "utf-8", "utf8", "ascii", "us-ascii", "latin-1", "latin1", "iso-8859-1", "utf-16",
    "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "cp1252",
})


def _aug_targets(facts, scope):
    """Names a function rebinds in place (``data += more``), which its bindings miss."""
    def compute():
        names = set()

        class Visitor(cst.CSTVisitor):
            def visit_AugAssign(self, node):
                key = key_of(node.target)
                if key is not None:
                    names.add(key)

            def visit_FunctionDef(self, node):
                return node is scope.node  # nested functions have their own names

            def visit_ClassDef(self, node):
                return False

        if scope.node is not None:
            scope.node.visit(Visitor())
        return frozenset(names)
    return facts.memo(f"SCK601.aug.{id(scope)}", compute)


def payload_bound(facts, site, node, depth=0):
    """An upper bound on the length of a payload whose size the code fixes, or None.

    Bounded: bytes literals, ``bytes(n)``/``bytearray(n)``/``bytes([a, b])``,
    ``struct.pack()`` with a literal format, ``"text".encode()``, a slice with literal
    bounds, a sum of bounded pieces, a bounded piece repeated a literal number of times,
    a name bound only to bounded values in this function, constants of this module or
    (through the project index) of another, and a call of a project function whose every
    return is bounded (the index's ``payload_size``)."""
    if node is None or depth > _BOUND_DEPTH:
        return None
    node = _as_encode(node)
    scope = site.scope
    if isinstance(node, cst.Name) and node.value in scope.bindings and scope.kind != "module":
        return _local_bound(facts, site, node, depth)
    length = constant_length(node, facts.constants)
    if length is not None:
        return length
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        # ``IAC + WILL + opt`` nests to the left: flatten it without recursion
        total = 0
        pending = [node]
        pieces = 0
        while pending:
            piece = pending.pop()
            if isinstance(piece, cst.BinaryOperation) and isinstance(piece.operator, cst.Add):
                pending.extend((piece.left, piece.right))
                continue
            pieces += 1
            length = None if pieces > _MAX_PIECES else \
                payload_bound(facts, site, piece, depth + 1)
            if length is None:
                return None
            total += length
        return total
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Multiply):
        for piece, times in ((node.left, node.right), (node.right, node.left)):
            count = int_value(times)
            if count is not None and count >= 0:
                length = payload_bound(facts, site, piece, depth + 1)
                return None if length is None else length * count  # b"\0" * 8
        return None
    if isinstance(node, cst.Name) and node.value in facts.constants:
        return payload_bound(facts, site, facts.constants[node.value], depth + 1)
    if isinstance(node, (cst.Name, cst.Attribute)):
        key = key_of(node)
        if key is not None and facts.project is not None and facts.module_name is not None:
            value = facts.project.constant(facts.module_name, key)  # protocol.MAGIC = b"  V2"
            if isinstance(value, bytes):
                return len(value)
        return None
    if isinstance(node, cst.Call):
        return _call_bound(facts, site, node)
    if isinstance(node, cst.Subscript) and len(node.slice) == 1 and \
            isinstance(node.slice[0].slice, cst.Slice):
        part = node.slice[0].slice
        lower = int_value(part.lower) if part.lower is not None else 0
        upper = int_value(part.upper) if part.upper is not None else None
        if part.step is None and lower is not None and upper is not None and \
                0 <= lower and 0 <= upper:
            return max(upper - lower, 0)  # header[0:4]
    return None


def _local_bound(facts, site, node, depth):
    """A name of this function: bounded when every binding of it is an assignment of a
    bounded, immutable value and nothing rebinds it in place."""
    name = node.value
    if name in _aug_targets(facts, site.scope):
        return None
    if site.arg_key == name and site.arg_reaching:
        bindings = site.arg_reaching  # the ones that reach this call
    else:
        bindings = site.scope.bindings.get(name, ())
    bound = None if not bindings else 0
    for binding in bindings:
        value = binding.value
        if binding.how != "assign" or binding.index is not None or value is None or (
                isinstance(value, cst.Call) and key_of(value.func) == "bytearray"):
            return None  # a bytearray may grow in place (extend, slice assignment)
        length = payload_bound(facts, site, value, depth + 1)
        if length is None:
            return None
        bound = max(bound, length)
    return bound


def _call_bound(facts, site, node):
    """``struct.pack("!HH", a, b)`` (its format fixes the size), ``"text".encode()``, and a
    project function or method whose every return has a size its code fixes (the index)."""
    func = node.func
    project = facts.project
    if project is not None and facts.module_name is not None:
        key = key_of(func)
        head, _, rest = (key or "").partition(".")
        scope = site.scope
        if rest and "." not in rest and head == scope.self_name and scope.cls is not None:
            qname = f"{facts.module_name}.{scope.cls.name}.{rest}"  # self.frame(...)
        else:
            qname = project.resolve(facts.module_name, key) if key else None
        size = project.payload_size(qname) if qname else None
        if size is not None:
            return size
    if isinstance(func, cst.Attribute) and func.attr.value in ("recv", "read") and \
            len(node.args) == 1 and node.args[0].keyword is None and not node.args[0].star:
        size = int_value(node.args[0].value)
        if size is not None and size >= 0:
            return size  # data = sock.recv(15): at most 15 bytes
    if facts.imports.qualify(func) == "struct.pack" and node.args and \
            node.args[0].keyword is None and not node.args[0].star:
        return struct_size(node.args[0].value)
    if isinstance(func, cst.Attribute) and func.attr.value == "encode":
        # "QUIT\r\n".encode(), chr(255).encode("latin-1"), ("\xff" * 4).encode("latin-1")
        length = _text_length(facts, func.value, 0, site)
        codec = node.args[0].value if node.args else None
        codec = codec.evaluated_value if isinstance(codec, cst.SimpleString) else codec
        if length is not None and (codec is None or isinstance(codec, str) and
                                   codec.lower().replace("_", "-") in _TEXT_CODECS):
            return 4 * length + 4  # none of these writes more (UTF-32, with its BOM)
    return None


def _text_length(facts, node, depth, site=None):
    """The number of characters of a text the code fixes: a str literal, ``chr(n)``, a
    literal repeated a literal number of times, a sum of these, a str constant of the
    module, a name of the function (of ``site``) every binding of which assigns one of
    these (``msg = "ERROR\\n"``, then ``msg.encode()``); None otherwise."""
    if depth > _BOUND_DEPTH:
        return None
    if _is_chr(node):
        return 1
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        text = node.evaluated_value
        return len(text) if isinstance(text, str) else None
    if isinstance(node, cst.BinaryOperation):
        if isinstance(node.operator, cst.Add):
            left = _text_length(facts, node.left, depth + 1, site)
            right = _text_length(facts, node.right, depth + 1, site)
            return None if left is None or right is None else left + right
        if isinstance(node.operator, cst.Multiply):
            for piece, times in ((node.left, node.right), (node.right, node.left)):
                count = int_value(times)
                if count is not None and count >= 0:
                    length = _text_length(facts, piece, depth + 1, site)
                    return None if length is None else length * count
        return None
    if isinstance(node, cst.Name) and site is not None and site.scope.kind != "module" and \
            node.value in site.scope.bindings:
        if node.value in _aug_targets(facts, site.scope):
            return None  # ``msg += more``
        longest = None
        for binding in site.scope.bindings[node.value]:
            if binding.how != "assign" or binding.index is not None or binding.value is None:
                return None
            length = _text_length(facts, binding.value, depth + 1, site)
            if length is None:
                return None
            longest = length if longest is None else max(longest, length)
        return longest
    if isinstance(node, cst.Name) and node.value in facts.constants:
        return _text_length(facts, facts.constants[node.value], depth + 1, site)
    return None


# Other spellings of ``text.encode(codec)``: ``six.b(text)`` (latin-1 on Python 3),
# ``six.ensure_binary(text)`` (UTF-8 unless told), ``str.encode(text, codec)``.
_ENCODERS = {"six.b": "latin-1", "six.ensure_binary": "utf-8", "str.encode": None}


def _as_encode(node):
    """``six.b(x)`` / ``six.ensure_binary(x)`` / ``str.encode(x, ...)`` / ``bytes(x, codec)``
    / ``bytearray(x, codec)`` as the ``x.encode(...)`` they are; any other node as it is."""
    if not isinstance(node, cst.Call) or not node.args or node.args[0].keyword is not None \
            or any(arg.star for arg in node.args):
        return node
    spelling = key_of(node.func)
    if spelling in ("bytes", "bytearray") and len(node.args) >= 2 and \
            all(arg.keyword is None for arg in node.args):
        # ``bytes(text, "utf-8")``, ``bytearray(text, "ascii")``: with an encoding, the
        # source can only be text
        return cst.Call(func=cst.Attribute(value=node.args[0].value, attr=cst.Name("encode")),
                        args=list(node.args[1:]))
    if spelling not in _ENCODERS:
        return node
    codec = _ENCODERS[spelling]
    rest = list(node.args[1:]) if codec is None else [
        cst.Arg(cst.SimpleString(f'"{codec}"'))]
    return cst.Call(func=cst.Attribute(value=node.args[0].value, attr=cst.Name("encode")),
                    args=rest)


def _is_chr(node):
    return isinstance(node, cst.Call) and key_of(node.func) == "chr" and len(node.args) == 1


def _is_bulk(node):
    """File or buffer contents (``f.read()``, ``buf.getvalue()``): never a request field."""
    return isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and \
        node.func.attr.value in BULK_METHODS


def _literal(node):
    """The value of a string or bytes literal, else None."""
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = node.evaluated_value
        return value if isinstance(value, (str, bytes)) else None
    return None


def composed_message(facts, site, node, depth=0):
    """``node`` is a message the code composes from a literal template or structure (the
    ``index._message_of`` principle, on this module's syntax): a %-format, f-string or
    ``.format()`` of a literal template with text of its own, its ``.encode()``, a
    concatenation with literal pieces, a call serialising a tuple, list or dict display, a
    name of the function bound only to such messages, and a project function or method
    whose every return is one. In a bytes template or concatenation every piece filled in
    must be fixed in size, a message, or text encoded: a bytes value handed in
    (``header + body``, ``b"%s" % payload``) may be bulk data."""
    if node is None or depth > _BOUND_DEPTH:
        return False
    node = _as_encode(node)
    size = payload_bound(facts, site, node, depth)
    if size is not None:
        return size <= _FITS_EMPTY_BUFFER  # a fixed request (``b"QUIT\r\n"``) is one too
    scope = site.scope
    if isinstance(node, cst.Name):
        name = node.value
        if name not in scope.bindings or scope.kind == "module" or \
                name in _aug_targets(facts, scope):
            return False
        if site.arg_key == name and site.arg_reaching:
            bindings = site.arg_reaching
        else:
            bindings = scope.bindings.get(name, ())
        if bindings and all(b.how == "param" for b in bindings):
            return _callers_compose(facts, scope, name)
        return bool(bindings) and all(
            b.how == "assign" and b.index is None and b.value is not None
            and composed_message(facts, site, b.value, depth + 1) for b in bindings)
    if isinstance(node, (cst.FormattedString, cst.ConcatenatedString)):
        # an f-string, or adjacent literals of which some are f-strings
        # (``f"CONNECT {host}:{port} HTTP/1.1\r\n" f"Host: {host}\r\n\r\n"``)
        pieces, text = [node], ""
        while pieces:
            piece = pieces.pop()
            if isinstance(piece, cst.ConcatenatedString):
                pieces.extend((piece.left, piece.right))
            elif isinstance(piece, cst.SimpleString):
                value = piece.evaluated_value
                if not isinstance(value, str):
                    return False
                text += value
            elif isinstance(piece, cst.FormattedString) and "b" not in piece.prefix.lower():
                for part in piece.parts:
                    if isinstance(part, cst.FormattedStringText):
                        text += part.value
                    elif _is_bulk(part.expression):
                        return False
            else:
                return False
        return bool(text.strip())
    if isinstance(node, cst.BinaryOperation):
        if isinstance(node.operator, cst.Modulo) and _literal(node.left) is not None:
            return _percent_message(facts, site, node, depth)
        if isinstance(node.operator, cst.Add):
            return _concat_message(facts, site, node, depth)
        return False
    if not isinstance(node, cst.Call):
        return False
    func = node.func
    if isinstance(func, cst.Attribute):
        method = func.attr.value
        if method == "encode":
            inner = func.value
            if not _is_bulk(inner) and (isinstance(_literal(inner), str)
                                        or composed_message(facts, site, inner, depth + 1)):
                return True
            return _project_message(facts, site, node)
        if method == "format":
            template = _literal(func.value)
            return isinstance(template, str) and \
                template_has_text(template.replace("{", "").replace("}", ""), False) and \
                not any(_is_bulk(arg.value) for arg in node.args)
        if method == "join":
            return False
    if _project_message(facts, site, node):
        return True
    if node.args and node.args[0].keyword is None and not node.args[0].star and \
            isinstance(node.args[0].value, (cst.Tuple, cst.List, cst.Dict, cst.Set)):
        return _display_fields(node.args[0].value)
    return False


def _callers_compose(facts, scope, name):
    """``name`` is a parameter of the function holding the send, and every call the
    project makes of a function or method of that name passes a composed message for it
    (``self._send_line(cmd + "\n")``, ``conn.send_command(f"MOVE {x} {y}")``; the index's
    ``callers_pass_messages``)."""
    project = facts.project
    node = scope.node
    if project is None or scope.kind != "function" or not isinstance(node, cst.FunctionDef):
        return False
    function = node.name.value
    if function.startswith("__"):
        return False  # ``__init__`` and the like are called by other names
    params = list(node.params.posonly_params) + list(node.params.params)
    position = None
    for index, param in enumerate(params):
        if param.name.value == name:
            position = index - 1 if scope.self_name is not None else index
            break
    else:
        if not any(param.name.value == name for param in node.params.kwonly_params):
            return False  # *args, **kwargs
    if position is not None and position < 0:
        return False
    keyword = None if position is not None and any(
        param.name.value == name for param in node.params.posonly_params) else name
    return facts.memo(f"601.callers:{function}:{position}:{keyword}",
                      lambda: project.callers_pass_messages(function, position, keyword))


def _project_message(facts, site, node):
    """A call of a project function or method (``self.request(...)``, ``msg.encode()`` on an
    object of a project class) whose every return is a composed message or has a size its
    code fixes."""
    project = facts.project
    if project is None or facts.module_name is None:
        return False
    key = key_of(node.func)
    if key is None:
        return False
    head, _, rest = key.partition(".")
    scope = site.scope
    if rest and "." not in rest and head == scope.self_name and scope.cls is not None:
        qname = f"{facts.module_name}.{scope.cls.name}.{rest}"
    else:
        qname = project.resolve(facts.module_name, key)
        if qname is None and rest and "." not in rest:
            # ``msg.encode()`` with ``msg: Message`` (or bound to ``Message(...)``): the
            # method of the project class the object is known to be
            cls = facts.info(scope, head).cls
            qname = f"{cls}.{rest}" if cls else None
    summary = project.function_of(qname) if qname else None
    return summary is not None and summary.message


def _display_fields(node):
    """A literal structure with literals of its own (``("QUERY", name)``, not ``[data]``)
    whose items are fields: no ``*spread``, no file contents."""
    shaped = []
    return _display_items(node, shaped, 0) and bool(shaped)


def _display_items(node, shaped, depth):
    if depth > MAX_CONSTANT_DEPTH:
        return False
    if isinstance(node, cst.Dict):
        items = []
        for element in node.elements:
            if isinstance(element, cst.StarredDictElement):
                return False  # {**other}
            items.append(element.key)
            items.append(element.value)
    elif isinstance(node, (cst.Tuple, cst.List, cst.Set)):
        items = []
        for element in node.elements:
            if isinstance(element, cst.StarredElement):
                return False  # (*args,)
            items.append(element.value)
    else:
        if isinstance(node, (cst.SimpleString, cst.ConcatenatedString, cst.Integer,
                             cst.Float)):
            shaped.append(node)
        return not _is_bulk(node)
    return len(items) <= MAX_CONSTANT_ITEMS and all(
        _display_items(item, shaped, depth + 1) for item in items)


def _text_encoded(node):
    """Text turned into bytes: ``name.encode(...)`` or ``bytes(name, "utf-8")``, of
    anything but file or buffer contents."""
    node = _as_encode(node)
    if not isinstance(node, cst.Call) or _is_bulk(node):
        return False
    if isinstance(node.func, cst.Attribute) and node.func.attr.value == "encode":
        return not _is_bulk(node.func.value)
    if key_of(node.func) == "bytes" and len(node.args) >= 2 and \
            not any(arg.star for arg in node.args):
        return not _is_bulk(node.args[0].value)  # bytes(text, encoding[, errors])
    return False


def _bytes_field(facts, site, node, depth):
    """A piece a bytes message may fill in: fixed in size (at most 512 bytes), a message,
    or text encoded."""
    if _is_bulk(node):
        return False
    if _text_encoded(node):
        return True
    return composed_message(facts, site, node, depth + 1)  # fixed: at most 512 bytes


def _percent_message(facts, site, node, depth):
    template = _literal(node.left)
    if not template_has_text(template, True):
        return False
    right = node.right
    if isinstance(right, cst.Tuple):
        if any(isinstance(e, cst.StarredElement) for e in right.elements):
            return False
        operands = [e.value for e in right.elements]
    else:
        operands = [right]
    if any(_is_bulk(operand) for operand in operands):
        return False
    if isinstance(template, str):
        return True  # text fields
    conversions = [c for c in PERCENT_CONVERSION.findall(template.decode("latin-1"))
                   if c[3] != "%"]
    if not any(c[3] in BYTES_FIELD_CONVERSIONS for c in conversions):
        return True  # numbers only
    if any(c[0] or c[1] == "*" or c[2] == "*" for c in conversions) or \
            len(conversions) != len(operands):
        return False
    return all(conversion[3] not in BYTES_FIELD_CONVERSIONS or
               _bytes_field(facts, site, operand, depth)
               for conversion, operand in zip(conversions, operands))


def _concat_message(facts, site, node, depth):
    pieces = []
    pending = [node]
    while pending:
        piece = pending.pop()
        if isinstance(piece, cst.BinaryOperation) and isinstance(piece.operator, cst.Add):
            pending.extend((piece.right, piece.left))
            continue
        pieces.append(piece)
        if len(pieces) > _MAX_PIECES:
            return False
    literals = [value for value in map(_literal, pieces) if value is not None]
    others = [piece for piece in pieces if _literal(piece) is None]
    shaped = any(template_has_text(value, False) for value in literals)
    if any(isinstance(value, str) for value in literals):
        return shaped and not any(_is_bulk(piece) for piece in others)  # text fields
    fixed = any(payload_bound(facts, site, piece, depth + 1) is not None for piece in others)
    if not (shaped or fixed):
        return False  # no template: values joined
    return all(_bytes_field(facts, site, piece, depth) for piece in others)


def early_write_of_fresh_socket(facts, site, length):
    """The socket was made in this function (``socket()``, ``socketpair()``,
    ``create_connection()``, an async library's socket constructor, or ``accept()``, which
    hands out a new connection) and everything
    written on it so far, this write included, is at most four ``send``/``sendall``
    calls outside any loop (or in the pass of the innermost loop that makes it, and in no
    loop of their own), each of a size the code fixes (``payload_bound``; at most
    512 bytes in all) or a message the code composes (``composed_message``: a request
    line such as ``f"PASS {password}\n".encode()``, its template plus a few fields): its
    send buffer, at least 4608 bytes, holds no more than that."""
    reaching = site.reaching
    # outside loops, or in the pass of the loop that makes the socket afresh (``conn, _ =
    # listener.accept()`` then ``conn.send(greeting)`` in the same pass)
    if not reaching or any(tuple(b.loops) != tuple(site.loops) for b in reaching):
        return False
    for binding in reaching:
        if binding.scope is not site.scope or not (
                facts.makes_socket(binding.value) or _makes_async_socket(facts, binding.value)
                or accepted_binding(binding)):
            return False
    if length is None:
        length = payload_bound(facts, site, site.positional(0))
        if length is None and not composed_message(facts, site, site.positional(0)):
            return False
    total, count = length or 0, 1
    for other in facts.calls_in(site.scope):
        if other.order >= site.order or other.receiver_key != site.receiver_key \
                or other.method not in _WRITES:
            continue
        if tuple(other.loops) != tuple(site.loops) or other.method not in ("send", "sendall"):
            return False
        written = payload_bound(facts, other, other.positional(0))
        if written is None and not composed_message(facts, other, other.positional(0)):
            return False
        total += written or 0
        count += 1
    return total <= _FITS_EMPTY_BUFFER and count <= _EARLY_WRITES


def _makes_async_socket(facts, value):
    value = strip_await(value) if value is not None else None
    return isinstance(value, cst.Call) and \
        facts.imports.qualify(value.func) in tables.ASYNC_SOCKET_CONSTRUCTORS


def fits_writable_buffer(facts, site, length):
    """In timeout mode CPython waits until the socket is writable and only then calls
    send(); the kernel reports a stream socket writable only while a good part of its send
    buffer is free (Linux: a third of SO_SNDBUF, at least 1536 bytes; BSD and macOS: the
    low-water mark, 2048 bytes), so a payload of at most 512 bytes is taken whole."""
    if length is None:
        length = payload_bound(facts, site, site.positional(0))
    return length is not None and length <= _FITS_EMPTY_BUFFER


def early_write_of_connected_socket(facts, site):
    """One of the first few small writes of a connection this function made and connected
    while it was blocking, or accepted: ``early_write_of_fresh_socket`` (at most four
    ``send``/``sendall`` calls outside loops, 512 bytes in all, which any send buffer holds;
    or the first ``send()`` of all, of any size, which finds the buffer empty), and the
    socket comes from ``create_connection()`` or a ``connect()`` of this function, before the
    write, made while it was not non-blocking, or from an ``accept()`` of this function. The
    connection is then established and its buffer empty, so the write cannot find it full (a
    write while a non-blocking connect is still in progress fails with EAGAIN on Linux: that
    is why the connect must be a blocking one)."""
    if site.method not in ("send", "sendall") or site.receiver_key is None:
        return False
    # the first send() of all: the buffer is empty, so it copies what fits and returns
    # that count, whatever the payload's size (sendall() would go on and find it full)
    first = site.method == "send" and not any(
        other.order < site.order and other.receiver_key == site.receiver_key and
        other.method in _WRITES for other in facts.calls_in(site.scope))
    if not early_write_of_fresh_socket(facts, site, 0 if first else None):
        return False
    if all(isinstance(b.value, cst.Call) and
           facts.imports.qualify(b.value.func) == "socket.create_connection"
           for b in site.reaching):
        return True
    if site.reaching and all(accepted_binding(b) for b in site.reaching):
        return True  # ``conn, _ = listener.accept()``: established, its buffer empty
    return any(other.method == "connect" and other.receiver_key == site.receiver_key and
               other.order < site.order and tuple(other.loops) == tuple(site.loops) and
               facts.state(other) != NONBLOCKING
               for other in facts.calls_in(site.scope))

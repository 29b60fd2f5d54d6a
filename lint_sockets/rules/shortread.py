"""SCK102 short-read-unchecked: a stream read used as if it held every byte asked for."""

import struct

import libcst as cst

from lint_sockets.analysis.facts import KNOWN, LIKELY
from lint_sockets.analysis.nodes import (
    int_value, key_of, mentions, strip_await, struct_size, walk,
)

# Decoders that need exactly the bytes they are given to mean what the code asked for, and the
# position of their buffer argument.
_DECODERS = {"struct.unpack": (1, "buffer"), "struct.unpack_from": (1, "buffer"),
             "int.from_bytes": (0, "bytes")}


def _needed_bytes(facts, call):
    """How many bytes of its buffer a decoder call reads: None for "all of them" (unpack,
    from_bytes), offset + calcsize(fmt) for ``unpack_from`` with a literal format and
    offset, and 0 when that cannot be told (then the call is no evidence)."""
    if facts.imports.qualify(call.func) != "struct.unpack_from":
        return None
    fmt = call.args[0].value if call.args and call.args[0].keyword is None else None
    if not isinstance(fmt, cst.SimpleString) or not isinstance(fmt.evaluated_value, str):
        return 0
    offset = 0
    for index, arg in enumerate(call.args):
        if (arg.keyword is not None and arg.keyword.value == "offset") or (
                arg.keyword is None and index == 2):
            offset = int_value(arg.value)
    if offset is None or offset < 0:
        return 0
    try:
        return offset + struct.calcsize(fmt.evaluated_value)
    except struct.error:
        return 0


def _decoder_buffer(facts, call):
    """The buffer argument of ``struct.unpack(fmt, buf)`` / ``int.from_bytes(buf, ...)``."""
    qname = facts.imports.qualify(call.func)
    if qname not in _DECODERS:
        key = key_of(call.func)
        if key is None or not key.endswith(".from_bytes") or not key.startswith("int"):
            return None
        qname = "int.from_bytes"
    index, keyword = _DECODERS[qname]
    count = 0
    for arg in call.args:
        if arg.star:
            return None
        if arg.keyword is not None:
            if arg.keyword.value == keyword:
                return arg.value
            continue
        if count == index:
            return arg.value
        count += 1
    return None


def _candidate(facts, site):
    """A ``recv(n)`` on a stream socket that can return fewer than n bytes."""
    if site.method != "recv" or site.receiver_key is None:
        return False
    size = site.argument(0, "bufsize")
    if size is None or int_value(size) in (0, 1):
        return False  # recv(1) is short only at end of file: SCK101's business
    flags = site.argument(1, "flags")
    if flags is not None and mentions(flags, "MSG_WAITALL"):
        return False
    info = facts.socket_confidence(site)
    if info.confidence not in (KNOWN, LIKELY) or info.datagram:
        return False
    if facts.settings.target_version >= (3, 0) and facts.after_text_send(site):
        return False  # a str sent first raises TypeError on Python 3: the read never runs
    # A few bytes at the start of the peer's reply (or of a new connection) arrive together.
    return not facts.arrives_whole(site)


def _decoded_size(facts, call):
    """How many bytes a decoder with a literal format needs in all:
    ``struct.calcsize(fmt)`` for ``struct.unpack(fmt, buf)``, offset + calcsize for
    ``unpack_from``; None when the code does not fix it (``int.from_bytes`` takes any)."""
    qname = facts.imports.qualify(call.func)
    if qname == "struct.unpack_from":
        needed = _needed_bytes(facts, call)
        return needed or None
    if qname != "struct.unpack" or not call.args or call.args[0].keyword is not None:
        return None
    return struct_size(call.args[0].value)


def _subscript_end(subscript):
    """The byte count a constant subscript needs: ``b[3]`` -> 4, ``b[4:8]`` -> 8; else None."""
    if len(subscript.slice) != 1:
        return None
    element = subscript.slice[0].slice
    if isinstance(element, cst.Index):
        value = int_value(element.value)
        return value + 1 if value is not None and value >= 0 else None
    if isinstance(element, cst.Slice) and element.upper is not None:
        value = int_value(element.upper)
        return value if value is not None and value > 0 else None
    return None


def check(facts, report):
    sites = {id(site.node): site for site in facts.calls if _candidate(facts, site)}
    if not sites:
        return
    reported = set()
    # 1. ``struct.unpack("!I", sock.recv(4))``: decoded as it comes.
    for node in walk(facts.module, nested=True):
        if isinstance(node, cst.Call):
            buffer = _decoder_buffer(facts, node)
            if buffer is None:
                continue
            inner = strip_await(buffer)
            site = sites.get(id(inner))
            if site is not None and not _reads_to_end(facts, node, site):
                continue
            if site is not None and facts.arrives_whole(site, _decoded_size(facts, node)):
                continue  # the few bytes the decoder takes start the reply: they come whole
            if site is not None and id(inner) not in reported:
                reported.add(id(inner))
                report(site.node, "SCK102", call=_call_text(site), used="decoded")
    # 2. ``hdr = sock.recv(8)`` then ``hdr[4:8]`` / ``struct.unpack(fmt, hdr)`` with no length
    # test of ``hdr`` in the function.
    for site in sites.values():
        if id(site.node) in reported or site.scope.kind != "function":
            continue
        if not (site.direct and site.role == "assign" and len(site.targets) == 1):
            continue
        name = site.targets[0]
        if "." in name or len(site.scope.bindings.get(name, ())) != 1:
            continue  # rebound or accumulated: a loop may complete it
        size = int_value(site.argument(0, "bufsize"))
        used = _full_use(facts, site.scope.node, name, size)
        if used is not None:
            reported.add(id(site.node))
            report(site.node, "SCK102", call=_call_text(site), used=used)


def _full_use(facts, root, name, size):
    """How the function uses all the bytes of ``name`` ("decoded" / "indexed"), or None when
    it tests the length, accumulates into it, or uses no more than a short read holds."""
    used = None
    for node in walk(root):
        if isinstance(node, cst.Call):
            func = node.func
            if isinstance(func, cst.Name) and func.value == "len" and node.args and \
                    key_of(node.args[0].value) == name:
                return None  # the length is looked at
            buffer = _decoder_buffer(facts, node)
            if buffer is not None and key_of(strip_await(buffer)) == name:
                needed = _needed_bytes(facts, node)
                if needed is None or (size and needed == size and size > 1):
                    used = used or "decoded"
        elif isinstance(node, cst.AugAssign) and key_of(node.target) == name:
            return None
        elif isinstance(node, cst.Subscript) and key_of(node.value) == name and size:
            end = _subscript_end(node)
            if end is not None and end == size and size > 1:
                used = used or "indexed to its end"
    return used


def _reads_to_end(facts, call, site):
    """The decoder reads the result up to the last byte asked for."""
    needed = _needed_bytes(facts, call)
    if needed is None:
        return True
    size = int_value(site.argument(0, "bufsize"))
    return bool(size) and needed == size


def _call_text(site):
    size = site.argument(0, "bufsize")
    number = int_value(size) if size is not None else None
    return f".recv({number})" if number is not None else ".recv(n)"


CHECKS = {  # code -> (check, gate): see Rule in rules/__init__.py
    "SCK102": (check, lambda evidence: evidence.socket_call(("recv",))),
}

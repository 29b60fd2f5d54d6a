"""Helpers the checker (engine) and the fixer (fixes) share: a source's declared encoding,
its text, and running a recursive libcst operation on a tree too deep for the default stack.
"""

import codecs
import re
import sys
import threading


_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


def declared_encoding(source):
    """The PEP 263 encoding of the first two lines, whatever their newlines (tokenize's
    own detection only splits lines on \\n); UTF-8 without a cookie."""
    if source.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    for line in re.split(rb"\r\n|\r|\n", source[:1024], maxsplit=2)[:2]:
        match = _COOKIE.match(line)
        if match:
            name = match.group(1).decode("ascii")
            codecs.lookup(name)
            return name
        if line.strip() and not line.lstrip().startswith(b"#"):
            break
    return "utf-8"


def deep(function, *args, retry_on=RecursionError):
    """Run ``function``; if the tree is too deep for the default stack, run it again in a
    thread with a large stack and recursion limit (a 2,000-level expression is real code).
    libcst's metadata turns a RecursionError into other errors, hence ``retry_on``."""
    try:
        return function(*args)
    except retry_on:
        pass
    return large_stack(function, *args)


def large_stack(function, *args):
    """Run ``function`` in a thread with a 512 MiB stack and a high recursion limit.
    libcst's native parser recurses on the C stack and cannot raise RecursionError: a
    10,000-term ``a and b and ...`` (valid Python) overflows the main thread's stack."""
    result = {}

    def target():
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old, 200_000))
        try:
            result["value"] = function(*args)
        except BaseException as exc:  # noqa: BLE001 - handed back to the caller's thread
            result["error"] = exc
        finally:
            sys.setrecursionlimit(old)

    old_size = threading.stack_size()
    threading.stack_size(512 * 1024 * 1024)
    try:
        thread = threading.Thread(target=target, name="lint-sockets-deep")
        thread.start()
    finally:
        threading.stack_size(old_size)
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["value"]


def decode(source):
    """The text of a source given as bytes (its declared encoding, else UTF-8 with
    replacement characters), or the source itself when it is already text."""
    if isinstance(source, str):
        return source
    try:
        return source.decode(declared_encoding(source))
    except (UnicodeDecodeError, LookupError):
        return source.decode("utf-8", errors="replace")

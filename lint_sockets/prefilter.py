"""A text test that skips files no rule can fire on, before libcst ever sees them.

It must never skip a file a rule would flag, so each clause follows from what some rule
needs to see in the code (tests/test_prefilter.py checks every fixture and every
standard-library file with findings against it). Syntax errors (SCK000) are judged by
Python's compiler for every file, filtered or not.

- A socket call, option or name the rules look for: ``.recv(``, ``.send...(``, ``.accept(``,
  ``.connect(``, ``.bind(``, ``loop.sock_*(``, ``SIGPIPE``, ``EINTR``, ``InterruptedError``,
  ``create_connection``, ``SO_KEEPALIVE``, ``SO_ERROR``, ``ETIMEDOUT``, socketserver
  handlers, SSL sockets ... (every rule except the errno-literal paths needs one of these);
- asyncio's StreamReader (SCK101 on ``reader.read(n)``);
- an errno expression followed closely by a number that is a socket errno somewhere
  (SCK901 away from socket calls, SCK202's ``e.errno == 4``).
"""

import re

_CALLS = re.compile(
    rb"\.(?:recv\w*|send\w*|accept|connect(?:_ex)?|bind|sock_\w+|makefile|wrap_socket"
    rb"|do_handshake|setblocking|settimeout|setsockopt|getsockopt|listen)\s*\("
    rb"|SIGPIPE|EINTR|InterruptedError|SSLSocket|SO_KEEPALIVE|SO_RCVTIMEO|SO_SNDTIMEO"
    rb"|ETIMEDOUT|create_connection|SO_ERROR|socketserver|RequestHandler|setdefaulttimeout"
)
_READER = re.compile(rb"StreamReader|open_connection|open_unix_connection")
_ERRNO = re.compile(rb"errno|args\s*\[\s*0\s*\]|\w\s*\[\s*0\s*\]\s*(?:==|!=|in\b|not\b|is\b)")
# Numbers some platform uses for a socket errno (Linux, BSD/macOS, Winsock).
_SOCKET_ERRNO_NUMBER = re.compile(
    rb"(?<![\w.])(?:4|9|11|23|24|32|35|36|37|5[3-9]|6[0-5]|71|8[8-9]|9\d|10\d|11[0-5]"
    rb"|100\d\d)(?![\w.])"
)
_WINDOW = 300


def might_fire(source):
    """False only when no rule can fire on this source (bytes or str)."""
    if isinstance(source, str):
        source = source.encode("utf-8", "surrogatepass")
    if _CALLS.search(source):
        return True
    if b"asyncio" in source and _READER.search(source):
        return True
    for match in _ERRNO.finditer(source):
        if _SOCKET_ERRNO_NUMBER.search(source, match.end(), match.end() + _WINDOW):
            return True
    return False


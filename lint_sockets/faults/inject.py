"""Wrap the methods of ``socket.socket`` and ``ssl.SSLSocket``: record which call sites in the
code under test reach which faults, or inject one fault at one site.

A call site is the first frame, walking out from the socket call through standard-library
frames only, that lies in the code under test: ``conn.recv(n)`` in the project is its own
site, and so is ``self.rfile.readline()`` (the standard library's ``SocketIO`` makes the
call). A walk that meets a test file, site-packages, a thread's start or an event-loop
callback first finds no site, and nothing is recorded or injected there.
"""

import errno
import hashlib
import os
import random
import socket
import sys
import sysconfig
import threading
import weakref

from lint_sockets.faults import LEGAL
from lint_sockets.paths import is_test_file

_SOCKET = socket.socket
_RAW = socket.socket.__mro__[1]  # _socket.socket: the C methods

READS = ("recv", "recv_into")
WRITES = ("send", "sendall")
METHODS = READS + WRITES + ("accept", "connect", "connect_ex")

# Directories never part of the code under test, wherever they are below a root.
EXCLUDED_DIRS = frozenset({
    "test", "tests", "testing", "site-packages", "dist-packages", ".venv", "venv", ".tox",
    ".nox", "build", "dist", "node_modules", "__pycache__",
})


def _real(path):
    return os.path.normcase(os.path.realpath(path))


class Scope:
    """Which source files are the code under test.

    ``roots`` are directories (or files); a file is under test when it is below a root, no
    directory between the root and the file is hidden or one of ``EXCLUDED_DIRS``, and its
    name is not a test file's (``test_*.py``, ``*_test.py``, ``conftest.py``). The standard
    library, site-packages and lint-sockets itself never are. ``files`` (from findings) adds
    single files that are under test whatever their directory."""

    def __init__(self, roots=(), files=()):
        self.roots = [_real(r) for r in roots]
        self.files = {_real(f) for f in files}
        self.own = _real(os.path.dirname(os.path.abspath(__file__)))
        stdlib = set()
        for key in ("stdlib", "platstdlib"):
            path = sysconfig.get_paths().get(key)
            if path:
                stdlib.add(_real(path))
        self.stdlib = sorted(stdlib)
        self._cache = {}

    def kind(self, filename):
        """'under', 'stdlib' or None, for a code object's file name."""
        try:
            return self._cache[filename]
        except KeyError:
            pass
        result = self._kind(filename)
        self._cache[filename] = result
        return result

    def _kind(self, filename):
        if filename.startswith("<"):
            return "stdlib" if filename.startswith("<frozen") else None
        path = _real(filename)
        if path == self.own or path.startswith(self.own + os.sep):
            return None
        parts = path.split(os.sep)
        in_packages = "site-packages" in parts or "dist-packages" in parts
        if not in_packages and any(path.startswith(s + os.sep) for s in self.stdlib):
            return "stdlib"
        if path in self.files:
            return "under"
        if is_test_file(os.path.basename(path)):
            return None
        for root in self.roots:
            if path == root:
                return "under"
            if path.startswith(root + os.sep):
                below = path[len(root) + 1:].split(os.sep)[:-1]
                if not any(p.startswith(".") or p in EXCLUDED_DIRS for p in below):
                    return "under"
        return None


def _in_boundary(code):
    """A frame where a call chain from elsewhere starts: a thread's bootstrap or an
    event-loop callback. The socket call below it was not made by the frames above."""
    name = code.co_filename.replace("\\", "/")
    return (name.endswith("/threading.py")
            or (name.endswith("/asyncio/events.py") and code.co_name == "_run"))


class State:
    """The process-wide switchboard the wrappers read. ``mode`` is 'off', 'record' or
    'inject'."""

    def __init__(self):
        self.mode = "off"
        self.scope = Scope()
        self.local = threading.local()
        self.lock = threading.Lock()
        self.sticky = weakref.WeakKeyDictionary()   # socket -> 'eof' | 'reset'
        self.pending = weakref.WeakKeyDictionary()  # socket -> errno for SO_ERROR
        # record mode: {(file, line, fault): [count, method, ssl]}
        self.sites = {}
        # inject mode
        self.target = None        # (file, line, fault)
        self.nth = 1
        self.seen = 0
        self.fired = None         # {'method':..., 'ssl':...} once injected
        self.rng = random.Random(0)
        self.on_fire = lambda fired: None  # told when the fault has happened

    def site(self, frame):
        """(file, line, direct) of the call site for a socket call made from ``frame``;
        ``direct`` when the code under test made the socket call itself."""
        scope = self.scope
        depth = 0
        while frame is not None and depth < 40:
            code = frame.f_code
            kind = scope.kind(code.co_filename)
            if kind == "under":
                return code.co_filename, frame.f_lineno, depth == 0
            if kind != "stdlib" or _in_boundary(code):
                return None
            frame = frame.f_back
            depth += 1
        return None


STATE = State()


def seeded_random(seed, *parts):
    digest = hashlib.sha256(":".join([str(seed), *map(str, parts)]).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _ssl_class():
    module = sys.modules.get("ssl")
    return getattr(module, "SSLSocket", None) if module is not None else None


def _flags(name, args, kwargs):
    index = {"recv": 1, "recv_into": 2, "send": 1, "sendall": 1}.get(name)
    if index is None:
        return 0
    if len(args) > index:
        return args[index]
    return kwargs.get("flags", 0)


def _read_size(name, args, kwargs):
    if name == "recv":
        return args[0] if args else kwargs.get("bufsize", 0)
    buffer = args[0] if args else kwargs.get("buffer")
    nbytes = args[1] if len(args) > 1 else kwargs.get("nbytes", 0)
    if nbytes:
        return nbytes
    try:
        return memoryview(buffer).nbytes
    except TypeError:
        return 0


def applicable(name, sock, args, kwargs):
    """The faults that can happen to this call, as the kernel or the peer could make them."""
    try:
        stream = sock.type == socket.SOCK_STREAM
        timeout = sock.gettimeout()
        family = sock.family
    except (OSError, ValueError):
        return ()
    if not stream:
        return ()
    try:
        if _flags(name, args, kwargs):
            return ()
    except Exception:
        return ()
    ssl_class = _ssl_class()
    is_ssl = ssl_class is not None and isinstance(sock, ssl_class)
    nonblocking = timeout == 0.0
    has_timeout = timeout is not None and timeout > 0
    out = []
    if name in READS:
        if not is_ssl and _read_size(name, args, kwargs) >= 2:
            out.append("short-recv")
        out += ["eof", "reset"]
    elif name in WRITES:
        if name == "send" and not is_ssl:
            try:
                if memoryview(args[0] if args else kwargs["data"]).nbytes >= 2:
                    out.append("short-send")
            except (TypeError, KeyError):
                pass
        out.append("reset")
    elif name == "accept":
        out.append("accept-abort")
    elif name in ("connect", "connect_ex"):
        if family in (socket.AF_INET, getattr(socket, "AF_INET6", None)):
            out.append("connect-fail")
    if nonblocking and name in READS + WRITES + ("accept",):
        out.append("eagain")
    if has_timeout and name != "connect_ex":
        out.append("timeout")
    return out


_MSG_MORE = getattr(socket, "MSG_MORE", 0)
_MORE_FAMILIES = (socket.AF_INET, getattr(socket, "AF_INET6", socket.AF_INET)) \
    if _MSG_MORE else ()


def _strerror(code):
    return os.strerror(code)


def _refused_address(family):
    """An address on this machine where nothing listens: connecting to it is refused."""
    host = "::1" if family == getattr(socket, "AF_INET6", None) else "127.0.0.1"
    probe = _SOCKET(family, socket.SOCK_STREAM)
    try:
        _RAW.bind(probe, (host, 0))
        address = probe.getsockname()
    finally:
        _RAW.close(probe)
    return address


class _Guard:
    """Nested socket calls (SSLSocket.recv calling socket.recv) pass through untouched."""

    def __init__(self, local):
        self.local = local

    def __enter__(self):
        self.local.depth = getattr(self.local, "depth", 0) + 1

    def __exit__(self, *exc):
        self.local.depth -= 1


def _sticky(state, kind, name, sock, original, args, kwargs):
    """What a read or write does once the peer has closed ('eof': reads see the end, writes
    still go) or reset the connection ('reset': reads see the end, writes fail)."""
    if name in READS:
        return b"" if name == "recv" else 0
    if kind == "reset" and name in WRITES:
        raise BrokenPipeError(errno.EPIPE, _strerror(errno.EPIPE))
    return original(sock, *args, **kwargs)  # a peer that closed may still read


def _inject(state, fault, name, sock, original, args, kwargs, is_ssl):
    """Apply ``fault`` to this call. Returns (True, result) or raises when the fault
    happened; (False, None) when it cannot happen on this call (the next one is tried)."""
    rng = state.rng
    if fault == "short-send":
        data = memoryview(args[0] if args else kwargs["data"]).cast("B")
        size = rng.randint(1, len(data) - 1)
        if sock.family in _MORE_FAMILIES:
            # Hold the part sent back until the code sends the rest, which then leaves
            # in the same segment: a peer sees the same bytes arrive as without the
            # fault, unless the rest is never sent (then the part leaves after 200 ms).
            return True, original(sock, data[:size], _MSG_MORE)
        return True, original(sock, data[:size])
    if fault == "short-recv":
        wanted = _read_size(name, args, kwargs)
        try:
            peeked = _RAW.recv(sock, wanted, socket.MSG_PEEK)
        except OSError:
            return False, None  # the call itself fails as it would have
        if len(peeked) < 2:
            return False, None
        size = rng.randint(1, len(peeked) - 1)
        if name == "recv":
            return True, original(sock, size)
        buffer = args[0] if args else kwargs["buffer"]
        return True, original(sock, buffer, size)
    if fault == "eagain":
        if is_ssl:
            import ssl

            if name in READS:
                raise ssl.SSLWantReadError(ssl.SSL_ERROR_WANT_READ,
                                           "The operation did not complete (read)")
            raise ssl.SSLWantWriteError(ssl.SSL_ERROR_WANT_WRITE,
                                        "The operation did not complete (write)")
        raise BlockingIOError(errno.EAGAIN, _strerror(errno.EAGAIN))
    if fault == "accept-abort":
        raise ConnectionAbortedError(errno.ECONNABORTED, _strerror(errno.ECONNABORTED))
    if fault == "eof":
        state.sticky[sock] = "eof"
        try:  # a closed peer makes the socket readable; so does SHUT_RD
            _RAW.shutdown(sock, socket.SHUT_RD)
        except OSError:
            pass
        return True, (b"" if name == "recv" else 0)
    if fault == "reset":
        state.sticky[sock] = "reset"
        try:
            _RAW.shutdown(sock, socket.SHUT_RDWR)
        except OSError:
            pass
        raise ConnectionResetError(errno.ECONNRESET, _strerror(errno.ECONNRESET))
    if fault == "timeout":
        raise socket.timeout("timed out")
    if fault == "connect-fail":
        address = _refused_address(sock.family)
        nonblocking = sock.gettimeout() == 0.0
        if not nonblocking:
            raise ConnectionRefusedError(errno.ECONNREFUSED, _strerror(errno.ECONNREFUSED))
        if name == "connect_ex":
            code = _RAW.connect_ex(sock, address)
            if code == errno.ECONNREFUSED:
                state.pending[sock] = code
                code = errno.EINPROGRESS
            return True, code
        try:
            _RAW.connect(sock, address)
        except ConnectionRefusedError:
            state.pending[sock] = errno.ECONNREFUSED
        raise BlockingIOError(errno.EINPROGRESS, _strerror(errno.EINPROGRESS))
    raise ValueError(fault)


def _make_wrapper(name, original):
    state = STATE

    def wrapper(self, *args, **kwargs):
        local = state.local
        if state.mode == "off" or getattr(local, "depth", 0):
            return original(self, *args, **kwargs)
        guard = _Guard(local)
        with guard:
            kind = state.sticky.get(self)
            if kind is not None and name in READS + WRITES:
                return _sticky(state, kind, name, self, original, args, kwargs)
            site = state.site(sys._getframe(1))
            if site is None:
                return original(self, *args, **kwargs)
            faults = applicable(name, self, args, kwargs)
            if not site[2]:
                # The standard library made this call for the code under test and deals
                # with what the kernel may legally return; only the peer's failures
                # reach the code under test through it.
                faults = [f for f in faults if f not in LEGAL]
            site = site[:2]
            if not faults:
                return original(self, *args, **kwargs)
            ssl_class = _ssl_class()
            is_ssl = ssl_class is not None and isinstance(self, ssl_class)
            if state.mode == "record":
                with state.lock:
                    for fault in faults:
                        entry = state.sites.get((site[0], site[1], fault))
                        if entry is None:
                            state.sites[(site[0], site[1], fault)] = [1, name, is_ssl]
                        else:
                            entry[0] += 1
                return original(self, *args, **kwargs)
            target = state.target
            if (target is not None and state.fired is None and site == target[:2]
                    and target[2] in faults):
                with state.lock:
                    state.seen += 1
                    due = state.seen >= state.nth and state.fired is None
                    if due:
                        state.fired = {"method": name, "ssl": is_ssl}
                if due:
                    try:
                        done, result = _inject(state, target[2], name, self, original,
                                               args, kwargs, is_ssl)
                    except BaseException:
                        state.on_fire(state.fired)
                        raise
                    if done:
                        state.on_fire(state.fired)
                        return result
                    with state.lock:
                        state.fired = None
            return original(self, *args, **kwargs)

    wrapper.__name__ = name
    wrapper.__qualname__ = getattr(original, "__qualname__", name)
    wrapper.__doc__ = getattr(original, "__doc__", None)
    wrapper.__wrapped__ = original
    return wrapper


def _make_getsockopt(original):
    state = STATE

    def getsockopt(self, *args):
        if state.pending and args[:2] == (socket.SOL_SOCKET, socket.SO_ERROR) \
                and len(args) == 2:
            code = state.pending.pop(self, None)
            if code is not None:
                return code
        return original(self, *args)

    getsockopt.__wrapped__ = original
    return getsockopt


_installed = []  # (class, name, previous value in the class dict or None)


def install():
    """Wrap the methods on ``socket.socket`` (and ``ssl.SSLSocket``, which overrides them)."""
    if _installed:
        return
    import ssl

    for cls in (socket.socket, ssl.SSLSocket):
        for name in METHODS:
            if cls is ssl.SSLSocket and name not in cls.__dict__:
                continue
            previous = cls.__dict__.get(name)
            original = getattr(cls, name)
            setattr(cls, name, _make_wrapper(name, original))
            _installed.append((cls, name, previous))
    previous = socket.socket.__dict__.get("getsockopt")
    socket.socket.getsockopt = _make_getsockopt(socket.socket.getsockopt)
    _installed.append((socket.socket, "getsockopt", previous))


def uninstall():
    while _installed:
        cls, name, previous = _installed.pop()
        if previous is None:
            delattr(cls, name)
        else:
            setattr(cls, name, previous)
    STATE.mode = "off"

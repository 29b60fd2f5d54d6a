"""Fixed knowledge the analysis needs: errno numbers, the exception tree, socket constructors,
and the socket-method sets (one of each kind, read by the walk, the facts, the rules and
their gates).

Numbers are Linux x86-64 unless noted; literals from other platforms that clearly mean the
same condition (Windows' WSA codes, BSD numbers) are mapped too, so that a handler testing
``e.errno == 10035`` is understood as a test for EWOULDBLOCK.
"""

# errno name -> Linux x86-64 value (the names the rules talk about, and their neighbours).
ERRNO_VALUES = {
    "EPERM": 1, "ENOENT": 2, "EINTR": 4, "EIO": 5, "EBADF": 9, "EAGAIN": 11, "EWOULDBLOCK": 11,
    "ENOMEM": 12, "EACCES": 13, "EFAULT": 14, "EINVAL": 22, "ENFILE": 23, "EMFILE": 24,
    "EPIPE": 32, "ENOPROTOOPT": 92, "EPROTO": 71, "ENOTSOCK": 88, "EOPNOTSUPP": 95,
    "EADDRINUSE": 98, "EADDRNOTAVAIL": 99, "ENETDOWN": 100, "ENETUNREACH": 101,
    "ECONNABORTED": 103, "ECONNRESET": 104, "ENOBUFS": 105, "EISCONN": 106, "ENOTCONN": 107,
    "ESHUTDOWN": 108, "ETIMEDOUT": 110, "ECONNREFUSED": 111, "EHOSTDOWN": 112,
    "EHOSTUNREACH": 113, "EALREADY": 114, "EINPROGRESS": 115, "ENONET": 64,
}

# Canonical names: aliases that are the same errno everywhere it matters.
ERRNO_ALIASES = {"EWOULDBLOCK": "EAGAIN"}

# Literal numbers seen in real code, by platform, mapped to the condition they name.
_NUMBER_NAMES = {
    4: "EINTR", 9: "EBADF", 11: "EAGAIN", 22: "EINVAL", 24: "EMFILE", 23: "ENFILE", 32: "EPIPE",
    35: "EAGAIN",  # BSD / macOS EAGAIN
    36: "EINPROGRESS", 37: "EALREADY", 53: "ECONNABORTED", 54: "ECONNRESET",  # BSD / macOS
    60: "ETIMEDOUT", 61: "ECONNREFUSED",  # BSD / macOS
    103: "ECONNABORTED", 104: "ECONNRESET", 105: "ENOBUFS", 106: "EISCONN", 107: "ENOTCONN",
    110: "ETIMEDOUT", 111: "ECONNREFUSED", 114: "EALREADY", 115: "EINPROGRESS",
    10004: "EINTR", 10035: "EAGAIN", 10036: "EINPROGRESS", 10037: "EALREADY",
    10053: "ECONNABORTED", 10054: "ECONNRESET", 10056: "EISCONN", 10057: "ENOTCONN",
    10060: "ETIMEDOUT", 10061: "ECONNREFUSED",
}


# Every errno number on Linux (x86-64 and ARM), as CPython's errno module there names it:
# what an errno literal in code most likely means, for messages and the SCK901 fix.
LINUX_ERRNO_NAMES = {
    1: "EPERM", 2: "ENOENT", 3: "ESRCH", 4: "EINTR", 5: "EIO", 6: "ENXIO", 7: "E2BIG", 8:
    "ENOEXEC", 9: "EBADF", 10: "ECHILD", 11: "EAGAIN", 12: "ENOMEM", 13: "EACCES", 14:
    "EFAULT", 15: "ENOTBLK", 16: "EBUSY", 17: "EEXIST", 18: "EXDEV", 19: "ENODEV", 20:
    "ENOTDIR", 21: "EISDIR", 22: "EINVAL", 23: "ENFILE", 24: "EMFILE", 25: "ENOTTY", 26:
    "ETXTBSY", 27: "EFBIG", 28: "ENOSPC", 29: "ESPIPE", 30: "EROFS", 31: "EMLINK", 32: "EPIPE",
    33: "EDOM", 34: "ERANGE", 35: "EDEADLK", 36: "ENAMETOOLONG", 37: "ENOLCK", 38: "ENOSYS",
    39: "ENOTEMPTY", 40: "ELOOP", 42: "ENOMSG", 43: "EIDRM", 44: "ECHRNG", 45: "EL2NSYNC", 46:
    "EL3HLT", 47: "EL3RST", 48: "ELNRNG", 49: "EUNATCH", 50: "ENOCSI", 51: "EL2HLT", 52:
    "EBADE", 53: "EBADR", 54: "EXFULL", 55: "ENOANO", 56: "EBADRQC", 57: "EBADSLT", 59:
    "EBFONT", 60: "ENOSTR", 61: "ENODATA", 62: "ETIME", 63: "ENOSR", 64: "ENONET", 65:
    "ENOPKG", 66: "EREMOTE", 67: "ENOLINK", 68: "EADV", 69: "ESRMNT", 70: "ECOMM", 71:
    "EPROTO", 72: "EMULTIHOP", 73: "EDOTDOT", 74: "EBADMSG", 75: "EOVERFLOW", 76: "ENOTUNIQ",
    77: "EBADFD", 78: "EREMCHG", 79: "ELIBACC", 80: "ELIBBAD", 81: "ELIBSCN", 82: "ELIBMAX",
    83: "ELIBEXEC", 84: "EILSEQ", 85: "ERESTART", 86: "ESTRPIPE", 87: "EUSERS", 88: "ENOTSOCK",
    89: "EDESTADDRREQ", 90: "EMSGSIZE", 91: "EPROTOTYPE", 92: "ENOPROTOOPT", 93:
    "EPROTONOSUPPORT", 94: "ESOCKTNOSUPPORT", 95: "EOPNOTSUPP", 96: "EPFNOSUPPORT", 97:
    "EAFNOSUPPORT", 98: "EADDRINUSE", 99: "EADDRNOTAVAIL", 100: "ENETDOWN", 101: "ENETUNREACH",
    102: "ENETRESET", 103: "ECONNABORTED", 104: "ECONNRESET", 105: "ENOBUFS", 106: "EISCONN",
    107: "ENOTCONN", 108: "ESHUTDOWN", 109: "ETOOMANYREFS", 110: "ETIMEDOUT", 111:
    "ECONNREFUSED", 112: "EHOSTDOWN", 113: "EHOSTUNREACH", 114: "EALREADY", 115: "EINPROGRESS",
    116: "ESTALE", 117: "EUCLEAN", 118: "ENOTNAM", 119: "ENAVAIL", 120: "EISNAM", 121:
    "EREMOTEIO", 122: "EDQUOT", 123: "ENOMEDIUM", 124: "EMEDIUMTYPE", 125: "ECANCELED", 126:
    "ENOKEY", 127: "EKEYEXPIRED", 128: "EKEYREVOKED", 129: "EKEYREJECTED", 130: "EOWNERDEAD",
    131: "ENOTRECOVERABLE", 132: "ERFKILL"
}

# The socket errnos of macOS and the BSDs (FreeBSD, OpenBSD, NetBSD), which keep 4.4BSD's
# numbers: 35 to 65, where Linux has other errors.
BSD_ERRNO_NAMES = {
    35: "EAGAIN", 36: "EINPROGRESS", 37: "EALREADY", 38: "ENOTSOCK", 39: "EDESTADDRREQ",
    40: "EMSGSIZE", 41: "EPROTOTYPE", 42: "ENOPROTOOPT", 43: "EPROTONOSUPPORT",
    44: "ESOCKTNOSUPPORT", 45: "EOPNOTSUPP", 46: "EPFNOSUPPORT", 47: "EAFNOSUPPORT",
    48: "EADDRINUSE", 49: "EADDRNOTAVAIL", 50: "ENETDOWN", 51: "ENETUNREACH",
    52: "ENETRESET", 53: "ECONNABORTED", 54: "ECONNRESET", 55: "ENOBUFS", 56: "EISCONN",
    57: "ENOTCONN", 58: "ESHUTDOWN", 59: "ETOOMANYREFS", 60: "ETIMEDOUT",
    61: "ECONNREFUSED", 62: "ELOOP", 63: "ENAMETOOLONG", 64: "EHOSTDOWN", 65: "EHOSTUNREACH",
}

# Winsock numbers that Python's errno module on Windows gives the plain name
# (errno.ECONNRESET == 10054 there), so errno.NAME is the portable spelling. CPython's
# Modules/errnomodule.c drops the numbers MSVC's errno.h gives the socket errors
# (EMSGSIZE 115, ...) in favour of the WSA ones, and gives the WSA number to a socket
# error MSVC does not name at all (ESOCKTNOSUPPORT, ETOOMANYREFS, ...).
WINDOWS_ERRNO_NAMES = {
    10035: "EWOULDBLOCK", 10036: "EINPROGRESS", 10037: "EALREADY", 10038: "ENOTSOCK",
    10039: "EDESTADDRREQ", 10040: "EMSGSIZE", 10041: "EPROTOTYPE", 10042: "ENOPROTOOPT",
    10043: "EPROTONOSUPPORT", 10044: "ESOCKTNOSUPPORT", 10045: "EOPNOTSUPP",
    10046: "EPFNOSUPPORT", 10047: "EAFNOSUPPORT",
    10048: "EADDRINUSE", 10049: "EADDRNOTAVAIL", 10050: "ENETDOWN", 10051: "ENETUNREACH",
    10052: "ENETRESET", 10053: "ECONNABORTED", 10054: "ECONNRESET", 10055: "ENOBUFS",
    10056: "EISCONN", 10057: "ENOTCONN", 10058: "ESHUTDOWN", 10059: "ETOOMANYREFS",
    10060: "ETIMEDOUT", 10061: "ECONNREFUSED", 10062: "ELOOP", 10064: "EHOSTDOWN",
    10065: "EHOSTUNREACH",
}
# Winsock numbers Python maps to the C runtime's (WSAEINVAL -> EINVAL 22), and Winsock's
# resolver errors (WSAHOST_NOT_FOUND 11001, WSATRY_AGAIN 11002, WSANO_RECOVERY 11003,
# WSANO_DATA 11004): no errno constant equals them anywhere, so code that tests them writes
# the number on purpose.
WINSOCK_WITHOUT_CONSTANT = frozenset({10004, 10009, 10013, 10014, 10022, 10024,
                                      11001, 11002, 11003, 11004})


# Windows reports an operation on a socket already closed as WSAENOTSOCK (10038) where POSIX
# systems report EBADF: the Winsock number is that condition's Windows spelling too.
WINDOWS_ALSO_MEANS = {10038: frozenset({"EBADF"})}


def canonical_errno(name):
    """The canonical spelling of an errno name (``EWOULDBLOCK`` is ``EAGAIN``)."""
    name = name.upper()
    if name.startswith("WSAE"):
        name = name[3:]
    return ERRNO_ALIASES.get(name, name)


def errno_for_number(number):
    """The errno a literal number means, or None for numbers with no socket meaning."""
    return _NUMBER_NAMES.get(number)


# The exception tree, as far as socket code needs it: class -> parent.
EXCEPTION_PARENTS = {
    "BaseException": None,
    "Exception": "BaseException",
    "OSError": "Exception",
    "BlockingIOError": "OSError",
    "InterruptedError": "OSError",
    "ConnectionError": "OSError",
    "ConnectionAbortedError": "ConnectionError",
    "ConnectionResetError": "ConnectionError",
    "ConnectionRefusedError": "ConnectionError",
    "BrokenPipeError": "ConnectionError",
    "TimeoutError": "OSError",
    "PermissionError": "OSError",
    "FileNotFoundError": "OSError",
    "socket.gaierror": "OSError",
    "socket.herror": "OSError",
    "ssl.SSLError": "OSError",
    "ssl.SSLWantReadError": "ssl.SSLError",
    "ssl.SSLWantWriteError": "ssl.SSLError",
    "ssl.SSLEOFError": "ssl.SSLError",
    "ssl.SSLZeroReturnError": "ssl.SSLError",
    "ssl.SSLSyscallError": "ssl.SSLError",
    "ssl.SSLCertVerificationError": "ssl.SSLError",
    "ValueError": "Exception",
    "RuntimeError": "Exception",
    "TypeError": "Exception",
    "LookupError": "Exception",
    "IndexError": "LookupError",
    "EOFError": "Exception",
    "struct.error": "Exception",
    "zlib.error": "Exception",
    "lzma.LZMAError": "Exception",
    "json.JSONDecodeError": "ValueError",
    # pyOpenSSL (``OpenSSL.SSL``): not OSError subclasses
    "OpenSSL.SSL.Error": "Exception",
    "OpenSSL.SSL.ZeroReturnError": "OpenSSL.SSL.Error",
    "OpenSSL.SSL.SysCallError": "OpenSSL.SSL.Error",
    "OpenSSL.SSL.WantReadError": "OpenSSL.SSL.Error",
    "OpenSSL.SSL.WantWriteError": "OpenSSL.SSL.Error",
}

# Other spellings of the classes above.
EXCEPTION_ALIASES = {
    "IOError": "OSError",
    "EnvironmentError": "OSError",
    "socket.error": "OSError",
    "select.error": "OSError",
    "os.error": "OSError",
    "socket.timeout": "TimeoutError",
    "asyncio.TimeoutError": "TimeoutError",
    "ssl.CertificateError": "ssl.SSLCertVerificationError",
    "builtins.OSError": "OSError",
    "io.BlockingIOError": "BlockingIOError",  # the io module re-exports the built-in class
}

# The errno each exception class stands for when a rule asks "what if X is raised".
EXCEPTION_FOR_ERRNO = {
    "EAGAIN": "BlockingIOError",
    "EINPROGRESS": "BlockingIOError",
    "EALREADY": "BlockingIOError",
    "EINTR": "InterruptedError",
    "ECONNABORTED": "ConnectionAbortedError",
    "ECONNRESET": "ConnectionResetError",
    "EPIPE": "BrokenPipeError",
    "ECONNREFUSED": "ConnectionRefusedError",
    "ETIMEDOUT": "TimeoutError",
}


def canonical_exception(name):
    """One spelling per class: ``socket.error`` is ``OSError``, ``builtins.X`` is ``X``."""
    if name.startswith("builtins.") and name.count(".") == 1:
        name = name[len("builtins."):]
    return EXCEPTION_ALIASES.get(name, name)


def exception_ancestors(name):
    """The class and its parents, most specific first; empty for classes we do not know."""
    name = canonical_exception(name)
    chain = []
    while name is not None and name in EXCEPTION_PARENTS:
        chain.append(name)
        name = EXCEPTION_PARENTS[name]
    return chain


# Functions and methods that only report (print, logging): a branch made of calls of these
# changes nothing the program does next.
REPORTING_CALLS = frozenset({"print", "debug", "info", "warning", "warn", "error",
                             "exception", "critical", "log"})

# Callables whose result is a socket (qualified names after import resolution).
SOCKET_CONSTRUCTORS = {
    "socket.socket", "socket.SocketType", "socket.create_connection", "socket.create_server",
    "socket.fromfd", "_socket.socket", "socket.fromshare",
}
SOCKET_PAIR_CONSTRUCTORS = {"socket.socketpair"}
# Constructors of the async libraries' sockets (non-blocking underneath; an awaited send()
# tries one send(2) and waits for writability only when it would block). They make a new,
# empty socket like the standard ones; nothing else about them is assumed.
ASYNC_SOCKET_CONSTRUCTORS = frozenset({
    "curio.socket.socket", "curio.socket.socketpair", "curio.socket.create_connection",
    "curio.open_connection", "curio.open_unix_connection", "curio.network.open_connection",
    "curio.network.open_unix_connection", "trio.socket.socket", "trio.socket.socketpair",
})
SSL_WRAPPERS = {"ssl.wrap_socket"}

# End of file on an object whose reads raise instead of returning b"": pyOpenSSL's
# ``OpenSSL.SSL.Connection.recv()`` raises ZeroReturnError when the peer closes the TLS
# session cleanly, and SysCallError (OpenSSL 1.1) or the base class Error (OpenSSL 3) when
# it drops the connection without one.
RAISED_EOF = ("OpenSSL.SSL.ZeroReturnError", "OpenSSL.SSL.SysCallError", "OpenSSL.SSL.Error")
# The classes of such objects: what they make is not a socket.
NOT_SOCKET_CONNECTIONS = frozenset({"OpenSSL.SSL.Connection"})
# A handler naming one of these shows the read is written for such an object.
RAISED_EOF_EVIDENCE = frozenset({"OpenSSL.SSL.ZeroReturnError", "OpenSSL.SSL.Error"})

# Modules whose objects have socket-like method names but are not sockets.
NOT_SOCKET_MODULES = (
    "smtplib", "multiprocessing", "queue", "zmq", "websocket", "websockets", "ftplib", "poplib",
    "imaplib", "nntplib", "telnetlib", "http", "sqlite3", "subprocess", "paramiko", "serial",
    "asyncio", "threading", "pika", "redis", "psycopg", "psycopg2", "pymysql", "MySQLdb",
    "requests", "urllib3", "aiohttp", "socketio", "ws4py", "xmlrpc", "pipes", "io",
)

# Method names that mark a socket as used for datagrams.
DATAGRAM_METHODS = {"sendto", "recvfrom", "recvfrom_into"}
DATAGRAM_OPTIONS = {
    "SO_BROADCAST", "IP_ADD_MEMBERSHIP", "IP_DROP_MEMBERSHIP", "IP_MULTICAST_TTL",
    "IP_MULTICAST_LOOP", "IP_MULTICAST_IF", "IPV6_JOIN_GROUP", "IPV6_MULTICAST_HOPS",
    "IPV6_MULTICAST_LOOP", "IPV6_MULTICAST_IF",
}

# Calls that wait without busy-looping, accepted as a back-off.
SLEEP_CALLS = {"time.sleep", "asyncio.sleep", "trio.sleep", "anyio.sleep", "gevent.sleep",
               "eventlet.sleep"}

# Method names whose call, in a handler, closes the connection.
CLOSE_METHODS = {"close", "shutdown", "handle_close", "abort", "_close", "close_connection",
                 "_force_close", "force_close", "detach"}

# ---- socket methods: the one list of each kind, read by the walk, the facts, the rules and
# their gates ----------------------------------------------------------------------------

# Reads on a socket: each returns b"" (or 0 bytes, in its tuple) once the peer has closed.
READ_METHODS = frozenset({
    "recv", "recv_into", "recvfrom", "recvfrom_into", "recvmsg", "recvmsg_into",
})
# Sends that return how many bytes they wrote: they can write part of the data.
COUNTED_SEND_METHODS = frozenset({"send", "sendto", "sendmsg"})
SEND_METHODS = COUNTED_SEND_METHODS | {"sendall"}
# Calls that wait for the peer or the network (and so can time out or be interrupted).
PEER_WAIT_METHODS = READ_METHODS | SEND_METHODS | {"accept", "connect"}
# An SSL socket's reads and writes (SSLSocket has no recvmsg/sendmsg).
SSL_READ_METHODS = frozenset({"recv", "recv_into", "read", "do_handshake", "recvfrom",
                              "recvfrom_into"})
SSL_WRITE_METHODS = frozenset({"send", "write", "sendto"})
# Reads of a file object (``sock.makefile()``, an SSL object's read/readline).
FILE_READ_METHODS = frozenset({"read", "readline", "readinto", "readlines"})
# asyncio's event-loop calls that take a socket: ``loop.sock_recv(sock, n)``.
LOOP_SOCKET_CALLS = frozenset({
    "sock_recv", "sock_recv_into", "sock_sendall", "sock_accept", "sock_connect",
    "sock_sendto", "sock_recvfrom", "sock_recvfrom_into", "sock_sendfile",
})
# Accepting a connection: the socket's own accept() and asyncio's loop.sock_accept(sock).
ACCEPT_METHODS = frozenset({"accept", "sock_accept"})
# Methods whose result is a socket whatever their receiver.
SOCKET_MAKING_METHODS = frozenset({"accept", "sock_accept", "wrap_socket"})
# The only methods on which a receiver is taken for a likely socket on its name alone.
SOCKET_SHAPED_METHODS = READ_METHODS | SEND_METHODS | {
    "accept", "listen", "getpeername", "setblocking", "fileno", "shutdown", "connect",
    "connect_ex", "bind", "settimeout", "setsockopt", "getsockopt", "makefile",
    "do_handshake", "close", "sendfile",
}
# The classes whose call makes a socket from a family and a type given as arguments.
PLAIN_SOCKET_CLASSES = frozenset({"socket.socket", "socket.SocketType"})

# Calls worth recording: method names (or last name components) the rules look at.
INTERESTING = READ_METHODS | SEND_METHODS | LOOP_SOCKET_CALLS | FILE_READ_METHODS | {
    "sendfile", "accept", "connect", "connect_ex",
    "setblocking", "settimeout", "setsockopt", "getsockopt", "getpeername", "write",
    "do_handshake", "select", "poll",
    "control", "sleep", "signal", "close", "listen", "bind", "wrap_socket", "dup", "makefile",
    "shutdown", "setdefaulttimeout", "create_connection", "create_server", "waitpid", "wait",
    "readv", "writev", "pread", "pwrite", "sigtimedwait", "sigwaitinfo", "unwrap",
}

# Methods whose result is empty when their receiver is (``b"".decode()`` is ``""``, and so
# is ``b"".strip()``). ``split()`` keeps emptiness as a test sees it (``b"".split()`` is
# ``[]``) but ``b"".split(b"\\n")`` is ``[b""]``, so it is not among these.
EMPTY_KEEPING = frozenset({"strip", "rstrip", "lstrip", "decode", "encode", "lower", "upper",
                           "tobytes", "hex"})


# The public top-level modules of CPython's standard library (sys.stdlib_module_names of
# Python 3.11, which still lists those 3.12 and 3.13 removed: asyncore, distutils, imp, ...),
# written out so that every supported Python reads the same list.
STDLIB_MODULES = frozenset({
    "abc", "aifc", "antigravity", "argparse", "array", "ast", "asynchat", "asyncio",
    "asyncore", "atexit", "audioop", "base64", "bdb", "binascii", "bisect", "builtins",
    "bz2", "cProfile", "calendar", "cgi", "cgitb", "chunk", "cmath", "cmd", "code",
    "codecs", "codeop", "collections", "colorsys", "compileall", "concurrent",
    "configparser", "contextlib", "contextvars", "copy", "copyreg", "crypt", "csv",
    "ctypes", "curses", "dataclasses", "datetime", "dbm", "decimal", "difflib", "dis",
    "distutils", "doctest", "email", "encodings", "ensurepip", "enum", "errno",
    "faulthandler", "fcntl", "filecmp", "fileinput", "fnmatch", "fractions", "ftplib",
    "functools", "gc", "genericpath", "getopt", "getpass", "gettext", "glob",
    "graphlib", "grp", "gzip", "hashlib", "heapq", "hmac", "html", "http", "idlelib",
    "imaplib", "imghdr", "imp", "importlib", "inspect", "io", "ipaddress", "itertools",
    "json", "keyword", "lib2to3", "linecache", "locale", "logging", "lzma", "mailbox",
    "mailcap", "marshal", "math", "mimetypes", "mmap", "modulefinder", "msilib",
    "msvcrt", "multiprocessing", "netrc", "nis", "nntplib", "nt", "ntpath",
    "nturl2path", "numbers", "opcode", "operator", "optparse", "os", "ossaudiodev",
    "pathlib", "pdb", "pickle", "pickletools", "pipes", "pkgutil", "platform",
    "plistlib", "poplib", "posix", "posixpath", "pprint", "profile", "pstats", "pty",
    "pwd", "py_compile", "pyclbr", "pydoc", "pydoc_data", "pyexpat", "queue", "quopri",
    "random", "re", "readline", "reprlib", "resource", "rlcompleter", "runpy", "sched",
    "secrets", "select", "selectors", "shelve", "shlex", "shutil", "signal", "site",
    "smtpd", "smtplib", "sndhdr", "socket", "socketserver", "spwd", "sqlite3",
    "sre_compile", "sre_constants", "sre_parse", "ssl", "stat", "statistics", "string",
    "stringprep", "struct", "subprocess", "sunau", "symtable", "sys", "sysconfig",
    "syslog", "tabnanny", "tarfile", "telnetlib", "tempfile", "termios", "textwrap",
    "this", "threading", "time", "timeit", "tkinter", "token", "tokenize", "tomllib",
    "trace", "traceback", "tracemalloc", "tty", "turtle", "turtledemo", "types",
    "typing", "unicodedata", "unittest", "urllib", "uu", "uuid", "venv", "warnings",
    "wave", "weakref", "webbrowser", "winreg", "winsound", "wsgiref", "xdrlib", "xml",
    "xmlrpc", "zipapp", "zipfile", "zipimport", "zlib", "zoneinfo"})


# Host names and addresses that are this host's loopback interface (and any address of
# 127.0.0.0/8, ``is_loopback_host``).
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def is_loopback_host(text):
    """``text`` names this host's loopback interface: ``localhost``, ``::1``, or any IPv4
    address of 127.0.0.0/8 (every one of them is loopback, RFC 1122), such as
    ``127.0.0.2``."""
    if text in LOOPBACK_HOSTS:
        return True
    parts = text.split(".") if isinstance(text, str) else ()
    return len(parts) == 4 and parts[0] == "127" and all(
        part.isdigit() and part.isascii() and len(part) <= 3 and int(part) <= 255
        for part in parts)


# The unspecified address: connected to, it reaches this host (Linux routes it to the
# loopback interface, the BSDs and macOS to the first local address; Windows refuses it with
# WSAEADDRNOTAVAIL); bound to, it means every interface. The socket module reads an empty
# host as it too (getaddrinfo(NULL, ..., AI_PASSIVE) gives INADDR_ANY or in6addr_any).
UNSPECIFIED_HOSTS = frozenset({"0.0.0.0", "::", ""})


# Families of operating systems, as the platform tests of a module sort them
# (analysis.platforms on libcst, analysis.index on the ast).
WINDOWS = "windows"
LINUX = "linux"
BSD = "bsd"  # macOS and the BSDs: one errno numbering (4.4BSD's)
OTHER = "other"  # Cygwin, AIX, Solaris, WebAssembly, ...
EVERYWHERE = frozenset({WINDOWS, LINUX, BSD, OTHER})

# What (sys.platform, os.name, platform.system()) are on each family.
PLATFORM_SAMPLES = {
    WINDOWS: (("win32", "nt", "Windows"),),
    LINUX: (("linux", "posix", "Linux"), ("android", "posix", "Android")),
    BSD: (("darwin", "posix", "Darwin"), ("ios", "posix", "iOS"),
          ("freebsd14", "posix", "FreeBSD"), ("openbsd7", "posix", "OpenBSD"),
          ("netbsd10", "posix", "NetBSD")),
    OTHER: (("cygwin", "posix", "CYGWIN_NT-10.0"), ("aix", "posix", "AIX"),
            ("sunos5", "posix", "SunOS"), ("emscripten", "posix", "Emscripten"),
            ("wasi", "posix", "WASI")),
}
PLATFORM_SOURCES = {"sys.platform": 0, "os.name": 1}
PLATFORM_CALLED_SOURCES = {"platform.system": 2}


# Modules that exist only on Windows (the standard library's, and pywin32's): a module that
# imports one at its top level, outside any try or test, cannot be imported elsewhere.
WINDOWS_MODULES = frozenset({
    "msvcrt", "winreg", "_winapi", "winsound", "_overlapped", "_winreg", "win32api",
    "win32con", "win32event", "win32file", "win32pipe", "win32process", "win32security",
    "pywintypes", "winerror", "pythoncom",
})
# Names of ctypes that only Windows has: a module whose top-level code loads a DLL
# (``ws2 = ctypes.WinDLL("ws2_32")``, ``kernel32 = ctypes.windll.kernel32``) fails to import
# anywhere else.
WINDOWS_CTYPES = frozenset({"ctypes.WinDLL", "ctypes.windll", "ctypes.OleDLL", "ctypes.oledll",
                            "ctypes.WINFUNCTYPE", "ctypes.get_last_error", "ctypes.FormatError",
                            "ctypes.GetLastError"})

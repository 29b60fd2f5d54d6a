"""Fixed knowledge the analysis needs: errno numbers, the exception tree, socket constructors.

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
    return EXCEPTION_ALIASES.get(name, name)


def exception_ancestors(name):
    """The class and its parents, most specific first; empty for classes we do not know."""
    name = canonical_exception(name)
    chain = []
    while name is not None and name in EXCEPTION_PARENTS:
        chain.append(name)
        name = EXCEPTION_PARENTS[name]
    return chain


# Callables whose result is a socket (qualified names after import resolution).
SOCKET_CONSTRUCTORS = {
    "socket.socket", "socket.SocketType", "socket.create_connection", "socket.create_server",
    "socket.fromfd", "_socket.socket", "socket.fromshare",
}
SOCKET_PAIR_CONSTRUCTORS = {"socket.socketpair"}
SSL_WRAPPERS = {"ssl.wrap_socket"}

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

# SCK902 ok: ETIMEDOUT from the kernel on a blocking socket (keepalive / TCP_USER_TIMEOUT gave up) and from SO_ERROR.
import errno
import select
import socket


def follow(addr, on_chunk) -> str:
    sock = socket.create_connection(addr, timeout=10)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 30)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 5)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 3)
    sock.settimeout(None)
    with sock:
        while True:
            try:
                chunk = sock.recv(4096)
            except OSError as e:
                if e.errno == errno.ETIMEDOUT:
                    return "peer vanished (keepalive gave up)"
                raise
            if not chunk:
                return "closed"
            on_chunk(chunk)


def connect_result(addr, timeout: float) -> int:
    sock = socket.socket()
    sock.setblocking(False)
    with sock:
        try:
            sock.connect(addr)
        except BlockingIOError:
            pass
        select.select([], [sock], [], timeout)
        err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err == errno.ETIMEDOUT:
            return -1
        return err


def probe(host: str, port: int) -> str:
    """An earlier clause of the same try takes Python's timeouts: the ETIMEDOUT test of
    the later OSError clause can only see the kernel's."""
    sock = socket.socket()
    sock.settimeout(2)
    try:
        sock.connect((host, port))
        return "open"
    except (socket.timeout, TimeoutError):
        return "filtered"
    except OSError as e:
        if e.errno in (errno.ETIMEDOUT, errno.EHOSTUNREACH):
            return "unreachable"
        return "closed"
    finally:
        sock.close()


def connect_with_retries(address, timeout: float, retry_errnos):
    # the errno test runs only when the exception is not Python's timeout: ETIMEDOUT there
    # is the kernel's (a connect that never got an answer)
    while True:
        try:
            return socket.create_connection(address, timeout=timeout)
        except socket.error as e:
            if not isinstance(e, socket.timeout):
                if e.errno != errno.ETIMEDOUT:
                    raise


def connect_fast_retry(address, timeout: float):
    # the same through a flag the handler sets once from the isinstance test: the errno
    # test runs only when the exception is not Python's timeout
    try:
        return socket.create_connection(address, timeout=timeout)
    except Exception as e:
        fast = isinstance(e, (ConnectionRefusedError, ConnectionResetError, TimeoutError))
        if not fast:
            err_no = getattr(e, "errno", None)
            fast = err_no in (errno.ECONNREFUSED, errno.ECONNRESET, errno.ETIMEDOUT)
        return fast

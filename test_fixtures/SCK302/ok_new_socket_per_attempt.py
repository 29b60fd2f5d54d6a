# SCK302 ok: connect() in loops over getaddrinfo() results, with a new socket created in every iteration.
import selectors
import socket


def connect_first(host: str, port: int, timeout: float) -> socket.socket:
    err = None
    for af, socktype, proto, _, sa in socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM):
        sock = socket.socket(af, socktype, proto)
        sock.settimeout(timeout)
        try:
            sock.connect(sa)
            return sock
        except OSError as exc:
            err = exc
            sock.close()
    raise err or OSError("getaddrinfo returned no address")


def race_connect(host: str, port: int, timeout: float):
    sel = selectors.DefaultSelector()
    candidates = []
    for af, socktype, proto, _, sa in socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM):
        s = socket.socket(af, socktype, proto)
        s.setblocking(False)
        try:
            s.connect(sa)
        except BlockingIOError:
            pass
        sel.register(s, selectors.EVENT_WRITE)
        candidates.append(s)
    winner = None
    for key, _ in sel.select(timeout):
        if key.fileobj.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0:
            winner = key.fileobj
            break
    for s in candidates:
        if s is not winner:
            s.close()
    sel.close()
    return winner

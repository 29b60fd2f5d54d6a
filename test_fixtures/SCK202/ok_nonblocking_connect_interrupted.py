# SCK202 ok: InterruptedError from a non-blocking connect() means "in progress" (like EINPROGRESS) and must be handled.
import selectors
import socket


def start_connect(sel: selectors.BaseSelector, host: str, port: int, on_done) -> socket.socket:
    last_exc = None
    for family, type_, proto, _, addr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        sock = socket.socket(family, type_, proto)
        sock.setblocking(False)
        try:
            sock.connect(addr)
        except (BlockingIOError, InterruptedError):
            pass
        except OSError as exc:
            last_exc = exc
            sock.close()
            continue
        sel.register(sock, selectors.EVENT_WRITE, lambda s=sock, a=addr: _connected(sel, s, a, on_done))
        return sock
    raise OSError(f"could not connect to {host}:{port}") from last_exc


def _connected(sel: selectors.BaseSelector, sock: socket.socket, addr, on_done) -> None:
    sel.unregister(sock)
    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if err:
        sock.close()
        on_done(None, OSError(err, f"connect to {addr} failed"))
    else:
        on_done(sock, None)

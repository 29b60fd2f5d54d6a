# SCK402 flag: handlers inside the loop that miss BrokenPipeError (sendall) or re-raise on every path.
import logging
import socket

log = logging.getLogger(__name__)


def build_response(request: bytes) -> bytes:
    return b"HTTP/1.0 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(request), request)


def serve_http(srv: socket.socket) -> None:
    while True:
        try:
            conn, addr = srv.accept()
        except ConnectionAbortedError:
            continue
        try:
            request = conn.recv(65536)
            if request:
                conn.sendall(build_response(request))  # expect: SCK402
        except ConnectionResetError:
            log.info("client %s reset the connection", addr)
        finally:
            conn.close()


def serve_time(srv, now) -> None:
    while True:
        try:
            conn, addr = srv.accept()
        except ConnectionAbortedError:
            continue
        with conn:
            try:
                conn.sendall(now().encode() + b"\r\n")  # expect: SCK402
            except OSError:
                log.exception("writing to %s failed", addr)
                raise


def serve_layered(srv: socket.socket) -> None:
    # The inner handler raises again, but what is around it in the loop does not catch it
    # (too narrow), or the inner handler exits the process.
    while True:
        try:
            conn, addr = srv.accept()
        except ConnectionAbortedError:
            continue
        try:
            try:
                data = conn.recv(4096)  # expect: SCK402
            except OSError:
                raise RuntimeError("receive failed")
            try:
                conn.sendall(data)  # expect: SCK402
            except OSError:
                raise SystemExit(1)
        except ValueError:
            pass
        finally:
            conn.close()

# SCK402 ok: inline client I/O guarded inside the server loop by handlers that catch ConnectionResetError and BrokenPipeError.
import contextlib
import errno
import logging
import socket
import time

log = logging.getLogger(__name__)


def serve_echo(srv: socket.socket) -> None:
    while True:
        try:
            conn, addr = srv.accept()
        except ConnectionAbortedError:
            continue
        with conn:
            try:
                while True:
                    data = conn.recv(4096)
                    if not data:
                        break
                    conn.sendall(data)
            except (ConnectionResetError, BrokenPipeError):
                log.info("%s went away", addr)


def serve_once(srv: socket.socket, reply: bytes) -> None:
    while True:
        try:
            conn, addr = srv.accept()
        except ConnectionAbortedError:
            continue
        try:
            if conn.recv(1024):
                conn.sendall(reply)
        except OSError as exc:
            if exc.errno not in (errno.ECONNRESET, errno.EPIPE, errno.ETIMEDOUT):
                raise
            log.info("%s: %s", addr, exc)
        finally:
            conn.close()


def serve_banner(srv: socket.socket) -> None:
    while True:
        try:
            conn, addr = srv.accept()
        except ConnectionAbortedError:
            continue
        with conn, contextlib.suppress(ConnectionError):
            conn.sendall(b"220 ready\r\n")


class DisconnectError(Exception):
    pass


def serve_layered(srv: socket.socket) -> None:
    # The inner handler logs and raises again, or raises an error of its own: the outer
    # handler inside the loop catches either and goes on to the next client.
    while True:
        try:
            conn, addr = srv.accept()
        except ConnectionAbortedError:
            continue
        try:
            try:
                data = conn.recv(4096)
            except Exception as error:
                log.info("receive failed: %s", error)
                raise
            try:
                conn.sendall(data)
            except OSError as error:
                raise DisconnectError(error.args)
        except Exception as error:
            log.info("%s dropped: %s", addr, error)
        finally:
            conn.close()


def control_server(listener: socket.socket, queue) -> None:
    # the reply to "shutdown" is the server's last act: the loop is left right after it
    while True:
        try:
            conn, _ = listener.accept()
        except ConnectionAbortedError:
            continue
        with conn:
            try:
                op = conn.recv(64)
            except OSError:
                continue
            if op == b"shutdown":
                conn.sendall(b"bye\n")
                break
            queue.put(op)


def control_server_until_stopped(listener: socket.socket, queue, stop) -> None:
    # the same on an event: stop.set() after the reply makes the loop's test false
    while not stop.is_set():
        try:
            conn, _ = listener.accept()
        except ConnectionAbortedError:
            continue
        with conn:
            try:
                op = conn.recv(64)
            except OSError:
                continue
            if op == b"shutdown":
                conn.sendall(b"bye\n")
                stop.set()
            else:
                queue.put(op)


def control_session_server(listener: socket.socket, queue) -> None:
    # from the loop over a client's messages, the reply to "stop" is followed by a return:
    # every loop is left at once
    while True:
        try:
            client, _ = listener.accept()
        except ConnectionAbortedError:
            continue
        more = True
        while more:
            try:
                data = client.recv(1024)
            except OSError:
                break
            if data.startswith(b"stop"):
                client.send(b"Stop listening\n")
                client.close()
                return
            queue.put(data)
            more = bool(data)


def restarting_server(port: int, log) -> None:
    # a reset leaves the inner server loop, but the try around it sits in an outer server
    # loop whose handler logs and goes round: the server is built again and goes on
    while True:
        listener = socket.create_server(("", port))
        try:
            while True:
                try:
                    conn, _ = listener.accept()
                except ConnectionAbortedError:
                    continue
                request = conn.recv(1024)
                conn.sendall(request.upper())
                conn.close()
        except OSError as exc:
            log.warning("server failed: %s; restarting", exc)
            listener.close()
            time.sleep(5)

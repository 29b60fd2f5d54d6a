# SCK402 flag: the ConnectionError handler wraps the whole server loop, so the first client reset still stops serving.
import logging
import socket

log = logging.getLogger(__name__)
BANNER = b"220 ready\r\n"


def run(port: int) -> None:
    srv = socket.create_server(("", port), backlog=64)
    try:
        while True:
            try:
                conn, addr = srv.accept()
            except ConnectionAbortedError:
                continue
            with conn:
                conn.sendall(BANNER)  # expect: SCK402
                command = conn.recv(512)  # expect: SCK402
                if command.strip().upper() == b"QUIT":
                    conn.sendall(b"221 bye\r\n")  # expect: SCK402
    except ConnectionError:
        log.exception("client connection failed; server stopping")
    finally:
        srv.close()


def control_server(listener: socket.socket, queue) -> None:
    # the reply is followed by a break on some paths only: other passes go round
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
            conn.sendall(b"ok\n")  # expect: SCK402
            if op == b"shutdown":
                break
            queue.put(op)


def restarting_then_giving_up(port: int, log) -> None:
    # the outer loop's handler ends it (break), or the outer loop is a counted for loop:
    # the server ends with the reset
    while True:
        listener = socket.create_server(("", port))
        try:
            while True:
                try:
                    conn, _ = listener.accept()
                except ConnectionAbortedError:
                    continue
                request = conn.recv(1024)  # expect: SCK402
                conn.close()
        except OSError as exc:
            log.warning("server failed: %s", exc)
            break
    for _ in range(3):
        listener = socket.create_server(("", port))
        try:
            while True:
                try:
                    conn, _ = listener.accept()
                except ConnectionAbortedError:
                    continue
                request = conn.recv(1024)  # expect: SCK402
                conn.close()
        except OSError as exc:
            log.warning("server failed: %s", exc)

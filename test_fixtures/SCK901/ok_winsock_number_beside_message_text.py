# SCK901 ok: a Winsock number joined by `or`/`and` to a test of the same exception's message
# for the text of the same error: on Linux and macOS the text decides ("Address already in
# use"), and no other platform reports a number of 10000 or more.
import socket


def bind_first_free(sock: socket.socket, port: int) -> int:
    while True:
        try:
            sock.bind(("", port))
            return port
        except OSError as e:
            if e.errno == 10048 or "already in use" in str(e).lower():
                port += 1
                continue
            raise


def bind_or_explain(sock: socket.socket, port: int) -> None:
    try:
        sock.bind(("", port))
    except OSError as e:
        if "Address already in use" not in str(e) and e.args[0] != 10048:
            raise
        raise SystemExit(f"port {port} is taken")

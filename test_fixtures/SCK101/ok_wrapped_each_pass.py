# SCK101 ok: the TLS connection read in the pass wraps a connection accepted (or made) in the
# same pass: each pass reads a connection of its own, so one end of file is read once.
import socket
import ssl


def serve_tls(server: socket.socket, ctx: ssl.SSLContext) -> None:
    while True:
        try:
            conn, _ = server.accept()
        except ConnectionAbortedError:
            continue
        except OSError:
            return
        try:
            wrapped = ctx.wrap_socket(conn, server_side=True)
            wrapped.recv(1024)
            wrapped.close()
        except (OSError, ssl.SSLError):
            conn.close()


def probe_all(hosts: list, ctx: ssl.SSLContext) -> None:
    while hosts:
        host = hosts.pop()
        raw = socket.create_connection((host, 443), timeout=5)
        tls = ctx.wrap_socket(raw, server_hostname=host)
        banner = tls.recv(64)
        print(host, banner)
        tls.close()

# SCK101 flag: the TLS connection wraps a connection made before the loop (every pass reads
# the same connection and spins on its end of file), or the wrap of this pass's connection
# is read in a loop of its own.
import socket
import ssl


def follow(host: str, ctx: ssl.SSLContext) -> None:
    raw = socket.create_connection((host, 443), timeout=5)
    while True:
        tls = ctx.wrap_socket(raw, server_hostname=host, do_handshake_on_connect=False)
        chunk = tls.recv(1024)  # expect: SCK101
        print(chunk)


def serve_lines(server: socket.socket, ctx: ssl.SSLContext) -> None:
    while True:
        try:
            conn, _ = server.accept()
        except ConnectionAbortedError:
            continue
        try:
            tls = ctx.wrap_socket(conn, server_side=True)
            line = b""
            while not line.endswith(b"\n"):
                line += tls.recv(1)  # expect: SCK101
            tls.close()
        except OSError:
            conn.close()

# SCK603 flag: sendall() on a non-blocking SSL socket; SSLWantWriteError mid-way leaves an unknown number of bytes sent.
import select
import socket
import ssl


def tls_push(ctx: ssl.SSLContext, host: str, port: int, data: bytes) -> None:
    raw = socket.create_connection((host, port), timeout=10)
    tls = ctx.wrap_socket(raw, server_hostname=host, do_handshake_on_connect=False)
    tls.setblocking(False)
    while True:
        try:
            tls.do_handshake()
            break
        except ssl.SSLWantReadError:
            select.select([tls], [], [], 10.0)
        except ssl.SSLWantWriteError:
            select.select([], [tls], [], 10.0)
    try:
        tls.sendall(data)  # expect: SCK603
    except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
        select.select([tls], [tls], [], 10.0)
    finally:
        tls.close()

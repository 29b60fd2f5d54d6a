# SCK502 ok: a server that serves each connection to its end and closes it before it
# accepts again holds one client descriptor at a time, so its own accepts cannot run the
# process out of descriptors (EMFILE); its listener is a local name that nothing else can
# close under the loop (EBADF). So does one whose connection only its local name holds
# (used only through its own methods): when a pass skips the close, the next accept rebinds
# the name and CPython frees, and so closes, the connection left behind. A connection
# handed to a TLS wrapper held the same way (``tls = context.wrap_socket(conn, ...)``) lives
# as long as the wrapper: the SSLSocket detaches the socket it wraps and owns its
# descriptor.
import socket
import ssl


def serve(port: int, handle) -> None:
    with socket.create_server(("", port)) as s:
        while True:
            try:
                conn, addr = s.accept()
            except:  # noqa: E722
                print("accept failed")
                continue
            with conn:
                handle(conn)


def serve_closing(address, handle) -> None:
    listener = socket.create_server(address)
    while True:
        try:
            conn, _ = listener.accept()
        except OSError as exc:
            print("error", exc)
            continue
        try:
            handle(conn)
        finally:
            conn.close()


def serve_then_close(port: int, handle) -> None:
    srv = socket.create_server(("", port))
    while True:
        try:
            client, _ = srv.accept()
        except Exception:
            continue
        handle(client)
        client.close()


def serve_requests(port: int, answer) -> None:
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("", port))
    listener.listen(5)
    with listener:
        while True:
            try:
                client, address = listener.accept()
                data = client.recv(1024)
                if not data:
                    continue
                client.sendall(answer(data.decode()).encode())
                client.close()
            except Exception as exc:
                print("server error", exc)


def serve_tls(port: int, context: ssl.SSLContext) -> None:
    listener = socket.create_server(("", port))
    while True:
        try:
            raw, _ = listener.accept()
        except OSError:
            continue
        raw.settimeout(5.0)
        try:
            tls = context.wrap_socket(raw, server_side=True)
        except (ssl.SSLError, OSError):
            raw.close()
            continue
        try:
            tls.sendall(tls.recv(1024))
        except OSError as exc:
            print("client failed", exc)
        finally:
            tls.close()


def serve_tls_with(port: int, context: ssl.SSLContext) -> None:
    listener = socket.create_server(("", port))
    while True:
        try:
            raw, _ = listener.accept()
        except OSError:
            continue
        with context.wrap_socket(raw, server_side=True) as tls:
            try:
                tls.sendall(b"hello\n")
            except OSError:
                pass


class ControlSocket:
    """The listener is an attribute no code of the module closes or hands on: only its
    own methods are called (bind, listen, accept), so nothing closes it under the loop;
    the finally closes each connection the accept gave (the name holds None otherwise)."""

    def __init__(self, host: str) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind((host, 0))

    def serve(self, reply: bytes) -> None:
        self.socket.listen(5)
        while True:
            conn = None
            try:
                conn, _ = self.socket.accept()
                conn.sendall(reply)
            except Exception:
                pass
            finally:
                if conn is not None:
                    conn.close()


def receive_messages(port: int, emit) -> None:
    # the ``try`` around the accept closes the connection in its ``finally``, however its
    # body leaves (the inner read loop's ``break`` included)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("", port))
    listener.listen(5)
    listener.settimeout(1.0)
    while True:
        try:
            client = None
            client, addr = listener.accept()
            chunks = []
            while True:
                chunk = client.recv(1024)
                if not chunk:
                    break
                chunks.append(chunk)
            emit(addr, b"".join(chunks))
        except TimeoutError:
            pass
        except Exception as exc:
            print("receive failed:", exc)
        finally:
            if client:
                client.close()

# SCK502 ok: a server that serves each connection to its end and closes it before it
# accepts again holds one client descriptor at a time, so its own accepts cannot run the
# process out of descriptors (EMFILE); its listener is a local name that nothing else can
# close under the loop (EBADF).
import socket


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

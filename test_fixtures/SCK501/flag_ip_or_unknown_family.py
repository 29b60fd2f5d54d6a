# SCK501 flag: accept loops on listeners that are TCP (AF_INET, AF_INET6, no family given) or whose family is not in sight (a variable, a choice, a parameter, a factory that may make either): ConnectionAbortedError escapes.
import socket
import threading


def handle(conn: socket.socket) -> None:
    with conn:
        data = conn.recv(4096)
        if data:
            conn.sendall(data)


def serve_v4(port: int) -> None:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("", port))
    listener.listen(16)
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        threading.Thread(target=handle, args=(conn,), daemon=True).start()


def serve_v6(port: int) -> None:
    listener = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("::", port))
    listener.listen(16)
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handle(conn)


def serve_default(port: int) -> None:
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("", port))
    listener.listen(16)
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handle(conn)


def serve_family(family: int, address) -> None:
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen(16)
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handle(conn)


def serve_either(path: str, port: int) -> None:
    family = socket.AF_UNIX if path else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.bind(path or ("", port))
    listener.listen(16)
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handle(conn)


def serve_given(listener: socket.socket) -> None:
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handle(conn)


def open_listener(path: str, port: int) -> socket.socket:
    if path:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.bind(path)
    else:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("", port))
    sock.listen(16)
    return sock


def serve_mixed_factory(path: str, port: int) -> None:
    listener = open_listener(path, port)
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handle(conn)


def serve_rebound(path: str, port: int) -> None:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    if port:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.listen(16)
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handle(conn)


def owner_main(path: str, port: int) -> None:
    """One call hands the function an AF_UNIX listener, another a TCP one."""
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(path)
        server.listen()
        serve_control(server)
    tcp = socket.create_server(("", port))
    serve_control(tcp)


def serve_control(server: socket.socket) -> None:
    while True:
        client, _ = server.accept()  # expect: SCK501
        client.close()


def serve_public(server: socket.socket) -> None:
    """No call in the module: its listener is out of sight."""
    while True:
        client, _ = server.accept()  # expect: SCK501
        client.close()


def _serve_thread(server: socket.socket, stop: threading.Event) -> None:
    while not stop.is_set():
        client, _ = server.accept()  # expect: SCK501
        client.close()


def start_control(path: str, stop: threading.Event, extra: tuple) -> None:
    """One thread's arguments are not written out: what it passes is out of sight."""
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen()
    threading.Thread(target=_serve_thread, args=(server, stop), daemon=True).start()
    threading.Thread(target=_serve_thread, args=extra, daemon=True).start()


def serve_by_name(port: int, name: str) -> None:
    # getattr with a name that is not written out, or of another module: no family in sight
    family = getattr(socket, name, socket.AF_INET)
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("", port))
    listener.listen(16)
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handle(conn)


def serve_inet_by_getattr(port: int) -> None:
    family = getattr(socket, "AF_INET6", socket.AF_INET)
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("", port))
    listener.listen(16)
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handle(conn)

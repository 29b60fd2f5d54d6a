# SCK702 flag: a server turns keepalive on for each accepted connection but never shortens the timers.
import socket
import threading


def handle(conn: socket.socket, addr) -> None:
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    with conn:
        while True:
            data = conn.recv(4096)
            if not data:
                break
            conn.sendall(data)


def serve(port: int) -> None:
    with socket.create_server(("", port)) as srv:
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
        while True:
            try:
                conn, addr = srv.accept()
            except ConnectionAbortedError:
                continue
            threading.Thread(target=handle, args=(conn, addr), daemon=True).start()

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


class PublicForwarder:
    """Accepted from a listener on every interface, or connected to a host the caller
    names: the peer may be anywhere."""

    def __init__(self, port=0):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("0.0.0.0", port))
        self.listener.listen(1)

    def accept_one(self):
        client, _ = self.listener.accept()
        client.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
        return client.recv(1024)


def remote_agent(host, port):
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    sock.connect((host, port))  # expect: SCK701
    return sock.recv(1024)

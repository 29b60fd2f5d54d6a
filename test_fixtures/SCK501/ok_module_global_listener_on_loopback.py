# SCK501 ok: the listener is a module global, and every bind() of it in the module (here in
# the function that starts the server, not the one with the accept loop) binds loopback:
# only programs on this host reach it.
import socket

listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)


def start_server(port, backlog):
    listener.bind(("localhost", port))
    listener.listen(backlog)


def serve_page(html):
    while True:
        conn, _ = listener.accept()
        with conn:
            try:
                conn.sendall(html.encode())
            except OSError:
                pass

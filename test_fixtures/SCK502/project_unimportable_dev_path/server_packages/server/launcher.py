# It imports core, which cannot be imported: this module cannot be either.
import socket

from server_packages.server.core import serve


def serve_twice(port):
    listener = socket.create_server(("", port))
    clients = []
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            continue
        clients.append(conn)
    serve(port + 1)

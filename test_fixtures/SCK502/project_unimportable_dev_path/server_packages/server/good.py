# The same loop in a module whose imports the project ships: reported.
import socket

from server_packages.common.utils import send


def serve(port):
    listener = socket.create_server(("", port))
    clients = []
    while True:
        try:
            conn, _ = listener.accept()  # expect: SCK502
        except OSError:
            continue
        send(conn, {"hello": 1})
        clients.append(conn)

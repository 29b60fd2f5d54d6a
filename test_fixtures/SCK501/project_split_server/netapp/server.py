# The accept loop: ConnectionAbortedError from accept() escapes it and stops the server.
import socket
import threading

from netapp.config import ADDRESS


def serve(handle):
    with socket.create_server(ADDRESS) as server:
        while True:
            client, addr = server.accept()  # expect: SCK501
            threading.Thread(target=handle, args=(client,), daemon=True).start()


def serve_safely(handle):
    with socket.create_server(ADDRESS) as server:
        while True:
            try:
                client, addr = server.accept()
            except ConnectionAbortedError:
                continue
            threading.Thread(target=handle, args=(client,), daemon=True).start()

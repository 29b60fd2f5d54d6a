# ECONNABORTED is not in WOULD_BLOCK: the handler re-raises it and the server stops.
import socket

from .errors import WOULD_BLOCK


def serve(handle):
    with socket.create_server(("", 8080)) as server:
        while True:
            try:
                conn, _ = server.accept()  # expect: SCK501
            except OSError as exc:
                if exc.errno in WOULD_BLOCK:
                    continue
                raise
            handle(conn)

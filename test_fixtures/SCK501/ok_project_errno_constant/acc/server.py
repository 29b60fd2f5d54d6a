# The handler goes on accepting for every errno of the imported set, ECONNABORTED among them.
import socket

from acc import errors
from .errors import ACCEPT_RETRY_ERRNOS


def serve(handle):
    with socket.create_server(("", 8080)) as server:
        while True:
            try:
                conn, _ = server.accept()
            except OSError as exc:
                if exc.errno in ACCEPT_RETRY_ERRNOS:
                    continue
                raise
            handle(conn)


def serve_dotted(handle):
    with socket.create_server(("", 8081)) as server:
        while True:
            try:
                conn, _ = server.accept()
            except OSError as exc:
                if exc.errno not in errors.TRANSIENT:
                    raise
            else:
                handle(conn)

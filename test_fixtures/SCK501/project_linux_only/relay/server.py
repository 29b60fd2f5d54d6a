# SCK501 ok: the project declares Linux alone (its only Operating System classifier is
# POSIX :: Linux), and Linux's accept() never fails with ECONNABORTED for a connection
# reset while queued, as for code written for Linux alone.
import socket


def serve(port: int) -> None:
    srv = socket.create_server(("", port))
    while True:
        conn, _ = srv.accept()
        conn.close()

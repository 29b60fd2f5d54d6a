# SCK501 flag: the project declares Linux and macOS; on macOS accept() fails with
# ECONNABORTED for a connection reset while queued.
import socket


def serve(port: int) -> None:
    srv = socket.create_server(("", port))
    while True:
        conn, _ = srv.accept()  # expect: SCK501
        conn.close()

# SCK100 flag: noqa codes for lint-sockets rules that have nothing left to suppress.
import socket


def reply(conn: socket.socket, body: bytes) -> None:
    conn.sendall(body)  # noqa: SCK603  # expect: SCK100
    conn.close()  # noqa: SCK101,SCK5  # expect: SCK100


def serve(srv: socket.socket) -> None:
    while True:
        conn, addr = srv.accept()  # noqa: SCK501, SCK603  # expect: SCK100
        conn.close()

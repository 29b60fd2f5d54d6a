# SCK100 fix: unused lint-sockets codes leave the noqa comment; other codes stay.
import socket


def reply(conn: socket.socket, body: bytes) -> None:
    conn.sendall(body)  # noqa: SCK603  # expect: SCK100
    conn.close()  # noqa: SCK101, E501  # expect: SCK100
    conn.shutdown(socket.SHUT_RDWR)  # noqa: SCK7 - kept for the old API  # expect: SCK100


def serve(srv: socket.socket) -> None:
    while True:
        conn, addr = srv.accept()  # noqa: SCK501, SCK603  # expect: SCK100
        conn.close()

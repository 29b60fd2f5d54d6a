# SCK100 ok: used noqa codes, other tools' codes and blanket noqa are left alone.
import socket


def serve(srv: socket.socket) -> None:
    while True:
        conn, addr = srv.accept()  # noqa: SCK501
        while True:
            try:
                data = conn.recv(  # noqa: SCK101, E501
                    4096)
                conn.sendall(data)
            except ConnectionError:
                break
        very_long_name_for_a_line_that_is_too_long = 1  # noqa: E501
        other = 2  # noqa
        conn.close()

# SCK601 flag: a socket that is SSL on one path only is still plain on the other, where send() can write part of the data.
import socket
import ssl


def greet(host: str, port: int, tls: bool, payload: bytes) -> None:
    sock = socket.create_connection((host, port), timeout=10)
    if tls:
        sock = ssl.create_default_context().wrap_socket(sock, server_hostname=host)
    sock.send(payload)  # expect: SCK601
    sock.close()

# SCK402 ok: a read of a connection accepted this pass from an AF_UNIX listener, or from a loopback-only one in code that cannot run on Windows, before anything of ours is written to it: the client is a program on this host, and with nothing of ours unread its close is end of file, so only a client that aborts on purpose could reset it. The reply written afterwards is still checked.
import socket
import sys
from datetime import datetime

HOST = "localhost"

if sys.platform == "win32":
    raise ImportError("the command server runs on POSIX systems")


def command_server(port: int, queue) -> None:
    server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server_socket.bind((HOST, port))
    server_socket.listen(1)
    while True:
        connection, _ = server_socket.accept()
        command = connection.recv(4096)
        if command == b"disconnect":
            break
        queue.put(command)
        connection.sendall(str(datetime.now()).encode("utf-8"))  # expect: SCK402
    server_socket.close()


def unix_status(path: str, queue) -> None:
    server_socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server_socket.bind(path)
    server_socket.listen(1)
    while True:
        connection, _ = server_socket.accept()
        queue.put(connection.recv(4096))
        connection.sendall(b"ok")  # expect: SCK402
        connection.close()

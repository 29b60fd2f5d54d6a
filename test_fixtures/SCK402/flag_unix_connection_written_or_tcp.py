# SCK402 flag: the server writes to the Unix connection (a client that closes with our reply
# unread resets it on Linux), or the listener is TCP.
import socket


def echo_unix(path: str) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(path)
    sock.listen(1)
    while True:
        connection, _ = sock.accept()
        data = connection.recv(1024)  # expect: SCK402
        connection.sendall(data)  # expect: SCK402
        connection.close()


def status_tcp(port: int, callback) -> None:
    sock = socket.socket(socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(1)
    while True:
        connection, _ = sock.accept()
        data = connection.recv(1024)  # expect: SCK402
        callback(data)
        connection.close()

# SCK402 flag: a write to a local connection (a client that closes with our reply unread
# resets it: Linux does so for Unix sockets too), a read after our write or in an inner loop
# that writes, a listener other programs reach over the network, or a loopback TCP listener
# in code that may run on Windows, which resets the connections of a client that dies.
import socket


def echo_unix(path: str) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(path)
    sock.listen(1)
    while True:
        connection, _ = sock.accept()
        connection.sendall(b"hello\n")  # expect: SCK402
        data = connection.recv(1024)  # expect: SCK402
        connection.sendall(data)  # expect: SCK402
        connection.close()


def status_tcp(port: int, callback) -> None:
    sock = socket.socket(socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("0.0.0.0", port))
    sock.listen(1)
    while True:
        connection, _ = sock.accept()  # expect: SCK501
        data = connection.recv(1024)  # expect: SCK402
        callback(data)
        connection.close()


def echo_local(port: int) -> None:
    sock = socket.socket(socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(1)
    while True:
        connection, _ = sock.accept()
        while True:
            data = connection.recv(1024)  # expect: SCK402
            if not data:
                break
            connection.sendall(data)  # expect: SCK402
        connection.close()


def command_local(port: int, queue) -> None:
    sock = socket.socket(socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(1)
    while True:
        connection, _ = sock.accept()
        queue.put(connection.recv(1024))  # expect: SCK402
        connection.close()


# A script's top-level loop whose connection a function of the module writes to first: that
# function may run before the read, so our data may be unread when the client closes.
control = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
control.bind("\0robot-control")
control.listen(1)


def greet() -> None:
    conn.sendall(b"hello\n")


while True:
    conn, addr = control.accept()
    greet()
    command = conn.recv(1024)  # expect: SCK402
    conn.close()

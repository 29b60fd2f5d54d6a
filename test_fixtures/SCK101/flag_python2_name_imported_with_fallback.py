# SCK101 flag: the Python 2 module is imported with a fallback for Python 3 (in a `try` or
# under a version test): the module runs on Python 3 and is checked as usual.
import socket

try:
    from Queue import Queue
except ImportError:
    from queue import Queue


def pump(sock: socket.socket, out: Queue) -> None:
    while True:
        out.put(sock.recv(4096))  # expect: SCK101


def serve(port: int) -> None:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("", port))  # expect: SCK801
    listener.listen(5)
    conn, _ = listener.accept()
    conn.close()

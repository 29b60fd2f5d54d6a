# SCK101 ok (and every rule): with a Python 3 target (the default), a module that imports,
# unconditionally at its top level, a standard-library module Python 3 does not have cannot
# be imported there: none of its code runs, so none of it is reported.
import socket
from Queue import Queue


def pump(sock: socket.socket, out: Queue) -> None:
    while True:
        out.put(sock.recv(4096))


def serve(port: int) -> None:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("", port))
    listener.listen(5)

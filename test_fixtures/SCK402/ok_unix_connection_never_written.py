# SCK402 ok: a status listener on an AF_UNIX socket reads each connection and never writes to
# it. A Unix stream socket gets ECONNRESET only when its peer closes with data of ours still
# unread (Linux); with nothing written, the client's close is end of file.
import json
import os
import socket
import threading


def listen(path: str, callback) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(os.path.join(path, "status.sock"))
    sock.listen(1)
    while True:
        connection, _ = sock.accept()
        try:
            data = b""
            while True:
                chunk = connection.recv(1024)
                if not chunk:
                    break
                data += chunk
            callback(json.loads(data))
        finally:
            connection.close()


class Doors:
    """The AF_UNIX listener is handed to a thread started on a method, with its arguments
    written out: every call of ``inbox`` passes it. (``wait``'s parameter of the same name
    is no use of the method: a method is reached only as an attribute.)"""

    def __init__(self, path: str) -> None:
        self.received = []
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(path)
        listener.listen()
        threading.Thread(target=self.inbox, args=(listener,), daemon=True).start()

    def inbox(self, listener: socket.socket) -> None:
        while True:
            connection, _ = listener.accept()
            with connection:
                data = b""
                while True:
                    chunk = connection.recv(65536)
                    if not chunk:
                        break
                    data += chunk
            self.received.append(data)

    def wait(self, inbox: list, count: int):
        return inbox[count - 1] if len(inbox) >= count else None

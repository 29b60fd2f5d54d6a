# SCK701 across modules: a client class connects to the host its callers hand in. Every
# call of `LocalClient` in the project (main.py) passes a host that is loopback unless the
# user says otherwise (a click option's default, a parameter's default): the peer is on this
# host and cannot vanish half-open. `RemoteClient` is handed a remote host: reported.
import socket


class LocalClient:
    def __init__(self, host, port):
        self._host = host
        self._port = port

    def ask(self, question: bytes) -> bytes:
        sock = socket.socket()
        sock.connect((self._host, self._port))
        sock.sendall(question)
        return sock.recv(1024)


class RemoteClient:
    def __init__(self, host, port):
        self._host = host
        self._port = port

    def ask(self, question: bytes) -> bytes:
        sock = socket.socket()
        sock.connect((self._host, self._port))  # expect: SCK701
        sock.sendall(question)
        return sock.recv(1024)

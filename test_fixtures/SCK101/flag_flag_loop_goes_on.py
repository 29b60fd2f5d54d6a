# SCK101 flag: a flag loop whose flag is set only on some paths, or set to the value that
# keeps it going, or one of flags joined by ``or``, goes round again after an empty read: it
# spins once the peer closes.
import socket


class Login:
    def __init__(self, address) -> None:
        self.sock = socket.create_connection(address, timeout=10)
        self.connected = False
        self.running = True

    def connect(self) -> None:
        while not self.connected:
            reply = self.sock.recv(1024)  # expect: SCK101
            if reply.startswith(b"OK"):
                self.connected = True

    def pump(self, out: list) -> None:
        while self.running:
            data = self.sock.recv(1024)  # expect: SCK101
            out.append(data)
            self.running = True

    def either(self, out: list) -> None:
        waiting, listening = True, True
        while waiting or listening:
            data = self.sock.recv(1024)  # expect: SCK101
            out.append(data)
            waiting = False

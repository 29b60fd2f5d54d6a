"""A connection stored on the object and read, in another method, only right after a
readiness wait with a timeout on it: the read finds data, a FIN or an error already queued,
and the wait ends on its own when the peer falls silent."""
import select
import socket


class Monitor:
    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.sock = None
        self.running = True

    def connect(self) -> None:
        self.sock = socket.create_connection((self.host, self.port))
        self.sock.send(b"MONITOR\r")

    def run(self) -> None:
        while self.running:
            readable, _, _ = select.select([self.sock], [], [], 1.0)
            if len(readable) != 0:
                byte = self.sock.recv(1)
                if not byte:
                    return
                print(byte)

    def run_guarded(self) -> None:
        while self.running:
            ready = select.select([self.sock], [], [], 1.0)[0]
            if len(ready) == 0:
                continue
            line = self.sock.recv(1024)
            if not line:
                return
            print(line)

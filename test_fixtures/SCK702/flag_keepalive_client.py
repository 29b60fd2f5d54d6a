# SCK702 flag: SO_KEEPALIVE switched on for a long-lived client with the kernel's default timers (first probe after ~2 hours).
import socket


class FeedClient:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port), timeout=10.0)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
        self.sock.settimeout(None)  # wait for events as long as the feed is quiet

    def next_event(self) -> bytes:
        header = self.sock.recv(4, socket.MSG_WAITALL)
        if len(header) < 4:
            raise EOFError("feed closed")
        return self.sock.recv(int.from_bytes(header, "big"), socket.MSG_WAITALL)

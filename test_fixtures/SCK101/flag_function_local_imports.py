# SCK101 flag: imports inside functions bind their name for that function only. Here one
# method imports the class `socket` from the socket module and another the module itself;
# the module's `socket.socket(...)` is still a socket, and its reads are checked.
class Link:
    def __init__(self) -> None:
        from socket import socket

        self.socket_class = socket
        self.conn = None

    def connect(self, host: str, port: int) -> None:
        import socket

        self.conn = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.conn.settimeout(5)
        self.conn.connect((host, port))

    def read_frames(self, sink) -> None:
        while True:
            frame = self.conn.recv(1024)  # expect: SCK101
            sink(frame)

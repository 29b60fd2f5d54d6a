# SCK801 ok: the port is 0 unless the program is told otherwise: a parameter whose default
# is 0 (a literal or a module constant) and that the function binds nowhere else, an
# attribute every assignment of the class sets from such a parameter, or a command-line
# option defaulting to 0. By default the kernel picks a fresh ephemeral port each run, so
# no connection of an earlier run is in TIME_WAIT on it; a caller that passes a fixed port
# chooses one (and the same principle is SCK501's and SCK701's for loopback defaults).
import argparse
import socket

ANY_PORT = 0


def listen(callback, port: int = 0, host: str = "0.0.0.0") -> int:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind((host, port))
    server.listen(5)
    callback(server)
    return server.getsockname()[1]


class Listener:
    def __init__(self, host: str, port: int = ANY_PORT) -> None:
        self.host = host
        self.port = port
        self.sock = socket.socket()

    def start(self) -> int:
        self.sock.bind((self.host, self.port))
        self.sock.listen()
        return self.sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0, help="0: let the system choose")
    args = parser.parse_args()
    server = socket.socket()
    server.bind(("", args.port))
    server.listen()
    print(server.getsockname()[1])
    while True:
        try:
            conn, _ = server.accept()
        except ConnectionAbortedError:
            continue
        conn.close()

# SCK701 flag: the address is the listener's own only on one path; on the other it is a
# remote server's, and the read waits for ever if that server vanishes.
import socket


def connect(remote, listener: socket.socket) -> bytes:
    address = remote
    if remote is None:
        address = listener.getsockname()
    conn = socket.create_connection(address)  # expect: SCK701
    conn.sendall(b"hello\n")
    return conn.recv(64)


def send_sentence(sentence: str, remote: bool) -> str:
    # loopback on one path only: the other path connects to a remote host
    host = "127.0.0.1"
    if remote:
        host = "chat.example.net"
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
        client.connect((host, 50000))  # expect: SCK701
        client.sendall(sentence.encode())
        return client.recv(1024).decode()


def ask_named_host(name: str, port: int) -> bytes:
    # another host's name resolved: not this machine's own
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((socket.gethostbyname(name), port))  # expect: SCK701
    return sock.recv(64)


class Peer:
    def __init__(self, remote: str, port: int) -> None:
        self.host = socket.gethostname()
        self.port = port
        self.remote = remote

    def ask(self) -> bytes:
        # the attribute is this host on one assignment only
        if self.remote:
            self.host = self.remote
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.connect((self.host, self.port))  # expect: SCK701
        return sock.recv(64)


def ask_swapped(question: bytes, remote: str) -> bytes:
    # the unpacked element is a name, not a literal: the analysis does not follow it
    host, fallback = remote, "localhost"
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.connect((host, 9999))  # expect: SCK701
        sock.sendall(question)
        return sock.recv(1024)


def get_server_ip(config: dict):
    # the host's own address only when the configuration names none
    if config.get("server"):
        return config["server"]
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect(("192.0.2.1", 80))
        return s.getsockname()[0]


def send_metrics(server_ip: str, message: bytes) -> bytes:
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.connect((server_ip, 10053))  # expect: SCK701
    client.send(message)
    return client.recv(1024)


def report(config: dict) -> None:
    send_metrics(get_server_ip(config), b"cpu|12")


def discover_ip():
    # a helper that only hands back its own result names no host: not followed for ever
    ip = discover_ip()
    return ip


def ask_discovered(port: int) -> bytes:
    s = socket.socket()
    s.connect((discover_ip(), port))  # expect: SCK701
    return s.recv(10)

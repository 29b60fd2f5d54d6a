# SCK701 ok: a peer on this host cannot vanish half-open (its kernel closes the connection when
# the process dies): AF_UNIX sockets, loopback addresses, and the self-pipe made by this code.
import socket


def ask_daemon(path: str, question: bytes) -> bytes:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with sock:
        sock.connect(path)
        sock.sendall(question)
        return sock.recv(4096)


def self_pipe():
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    writer = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    writer.connect(listener.getsockname())
    reader, _ = listener.accept()
    writer.recv(1)
    return reader, writer


def local_agent(port: int) -> bytes:
    with socket.create_connection(("127.0.0.1", port)) as conn:
        return conn.recv(64)


HOST = "localhost"
PORT = 2576


def ask_test_server(message: bytes) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.connect((HOST, PORT))
        sock.sendall(message)
        return sock.recv(4096)
    finally:
        sock.close()


class WakeUp:
    """The self-pipe again, with the listener's own address held in a name first."""

    def __init__(self) -> None:
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        address = listener.getsockname()
        self.reader = socket.create_connection(address)
        self.writer, _ = listener.accept()
        listener.close()
        self.reader.recv(1)


def send_sentence(sentence: str) -> str:
    """The loopback address held in local names first, on every path to the connect."""
    host = "127.0.0.1"
    port = 50000
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
        client.connect((host, port))
        client.sendall(sentence.encode())
        return client.recv(1024).decode()


def ask_local(question: bytes) -> bytes:
    address = ("localhost", 7000)
    conn = socket.create_connection(address)
    conn.sendall(question)
    return conn.recv(64)

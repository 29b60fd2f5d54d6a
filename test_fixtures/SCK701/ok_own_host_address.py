# SCK701 ok: the peer is this host, reached by its own name or address or by the address of
# a socket the program holds, whatever holds it: the kernel routes it locally, and a peer
# on this host cannot vanish half-open.
import asyncio
import socket


class Client:
    def __init__(self, port: int) -> None:
        self.__host = socket.gethostbyname(socket.gethostname())
        self.__port = port
        self.__sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

    def greet(self) -> bytes:
        self.__sock.connect((self.__host, self.__port))
        self.__sock.sendall(b"hello\n")
        return self.__sock.recv(64)


def ask_own_name(port: int) -> bytes:
    with socket.create_connection((socket.getfqdn(), port)) as conn:
        return conn.recv(64)


def check_server_by_client(server: asyncio.AbstractServer) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    addr = server.sockets[0].getsockname()
    sock.connect(addr)
    return sock.recv(1024)


def ask_unspecified(port: int) -> bytes:
    # a connect to the unspecified address reaches this host (or fails, on Windows)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect(("0.0.0.0", port))
    return sock.recv(64)


def ask_empty_host(port: int) -> bytes:
    # the socket module reads an empty host as the unspecified address
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect(("", port))
    return sock.recv(64)


def get_local_ip():
    """The host's outgoing interface address: a UDP connect sends nothing."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 80))
            local_ip = s.getsockname()[0]
        return local_ip
    except OSError:
        return None


def send_metrics(server_ip: str, server_port: int, message: bytes) -> bytes:
    # every caller in the module passes this host's own address
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.connect((server_ip, server_port))
    client.send(message)
    return client.recv(1024)


def report() -> None:
    server_ip = get_local_ip()
    if server_ip:
        send_metrics(server_ip, 10053, b"cpu|12")

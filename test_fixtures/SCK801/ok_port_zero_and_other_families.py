# SCK801 ok (from real code): ephemeral ports, non-IP families and caller-chosen families cannot hit TIME_WAIT on restart.
import socket


def make_pipe_pair():
    # paramiko / pika: a loopback listener on port 0 gets a fresh port every time.
    serv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    serv.bind(("127.0.0.1", 0))
    serv.listen(1)
    return serv


def vsock_listener(port: int) -> socket.socket:
    # AF_VSOCK (virtual machine sockets) has no TCP TIME_WAIT.
    serv = socket.socket(socket.AF_VSOCK, socket.SOCK_STREAM)
    serv.bind((socket.VMADDR_CID_ANY, port))
    serv.listen()
    return serv


class RPCClient:
    # idlelib: the family and the address are the caller's; IDLE binds port 0.
    def __init__(self, address, family=socket.AF_INET, type=socket.SOCK_STREAM):
        self.listening_sock = socket.socket(family, type)
        self.listening_sock.bind(address)
        self.listening_sock.listen(1)


def random_port_listener(host: str) -> socket.socket:
    # a port drawn afresh on every run: the last run's TIME_WAIT is on another port
    import random

    serv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    port = random.randint(20000, 30000)
    serv.bind((host, port))
    serv.listen()
    return serv


class Peer:
    # a random draw shifted by a number is still a port drawn afresh on every run
    def __init__(self, host: str) -> None:
        import random

        self.peer_address = (host, 49000 + random.randint(0, 1000))
        self.peer_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.peer_socket.bind(self.peer_address)
        self.peer_socket.listen()


def embed(host="127.0.0.1", port=0):
    # the closure reads the parameter of the function around it: port 0 on every call
    def serve():
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((host, port))
        sock.listen(1)
        return sock

    return serve()


def start_embedded():
    return embed()

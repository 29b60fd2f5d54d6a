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

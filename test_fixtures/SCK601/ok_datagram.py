# SCK601 ok: send() on connected UDP sockets writes a whole datagram or fails; sendto() is never flagged.
import socket

# Every socket made here is in timeout mode: only the exemption keeps send() quiet.
socket.setdefaulttimeout(30)


def send_metric(host: str, port: int, name: str, value: float) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.connect((host, port))
        udp.send(f"{name}:{value}|g".encode())


def broadcast_hello(port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
        sock.sendto(b"HELLO", ("255.255.255.255", port))


def lock_onto_first_peer(sock) -> bytes:
    hello, peer = sock.recvfrom(1500)
    sock.connect(peer)
    sock.send(b"WELCOME")
    return hello

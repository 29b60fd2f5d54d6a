# SCK801 flag: SO_REUSEADDR set only after bind() (too late), and a listener that sets other options but not SO_REUSEADDR.
import socket


def open_listener(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("", port))  # expect: SCK801
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.listen()
    return sock


def open_ipv6_listener(port: int) -> socket.socket:
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        s.bind(("::", port))  # expect: SCK801
        s.listen(64)
        return s.dup()

# SCK301 flag: after the non-blocking connect the socket is written to, or leaves the
# function, where the caller may take it for connected.
import socket


def send_hello(address) -> None:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    try:
        s.connect(address)  # expect: SCK301
    except BlockingIOError:
        pass
    s.sendall(b"hello")  # expect: SCK603


def start(address) -> socket.socket:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    try:
        s.connect(address)  # expect: SCK301
    except BlockingIOError:
        pass
    return s

# SCK702 flag: settimeout(None) or settimeout(0) is no read timeout, and a timeout on another
# socket says nothing about this one.
import socket


def open_feed(address) -> socket.socket:
    sock = socket.create_connection(address, timeout=10)
    sock.settimeout(None)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    return sock


def open_pair(address):
    control = socket.create_connection(address, timeout=10)
    data = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    data.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, True)  # expect: SCK702
    data.connect(address)
    return control, data

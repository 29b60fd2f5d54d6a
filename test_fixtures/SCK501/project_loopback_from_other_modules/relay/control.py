# SCK501 across modules: a host or address named by a constant of another project module
# (imported by name, through its module, or as a class constant) is read as the constant's
# value: loopback is not reported, every interface is.
import socket

from relay import settings
from relay.settings import CONTROL_ADDRESS, Defaults


def control_loop(handle):
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(CONTROL_ADDRESS)
    sock.listen()
    while True:
        conn, _ = sock.accept()
        handle(conn)


def admin_loop(handle, port):
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((Defaults.HOST, port))
    sock.listen()
    while True:
        conn, _ = sock.accept()
        handle(conn)


def public_loop(handle, port):
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((settings.PUBLIC_HOST, port))
    sock.listen()
    while True:
        conn, _ = sock.accept()  # expect: SCK501
        handle(conn)


def handed_loop(handle, CONTROL_ADDRESS):
    # a parameter of the same name hides the imported constant: the caller's address
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(CONTROL_ADDRESS)
    sock.listen()
    while True:
        conn, _ = sock.accept()  # expect: SCK501
        handle(conn)

# A parameter's default named from another module that reads the environment with a
# default: loopback unless the environment says otherwise (ENV_HOST), or every interface
# (ENV_PUBLIC): reported.
import socket

from relay.settings import ENV_HOST, ENV_PUBLIC


def serve_env(host=ENV_HOST, port=8200):
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen()
    while True:
        conn, _ = sock.accept()
        conn.close()


def serve_env_public(host=ENV_PUBLIC, port=8201):
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen()
    while True:
        conn, _ = sock.accept()  # expect: SCK501
        conn.close()

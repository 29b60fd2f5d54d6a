# A parameter's default named from another module that reads the environment with a
# default: this host unless the environment says otherwise (SERVER_HOST), or a remote host
# (REMOTE_HOST): reported.
import socket

from agent.env import REMOTE_HOST, SERVER_HOST


def ask(host=SERVER_HOST, port=9000):
    sock = socket.socket()
    sock.connect((host, port))
    sock.sendall(b"ping")
    return sock.recv(1024)


def ask_remote(host=REMOTE_HOST, port=9000):
    sock = socket.socket()
    sock.connect((host, port))  # expect: SCK701
    sock.sendall(b"ping")
    return sock.recv(1024)

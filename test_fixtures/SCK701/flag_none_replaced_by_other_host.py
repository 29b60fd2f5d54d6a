# SCK701 flag: look-alikes of a None default replaced by loopback: replaced by a remote host,
# by a call whose result is out of sight, by a lookup with no loopback default, a name the
# function also rebinds elsewhere, and a replacement under another test.
import os
import socket


def ask_remote(question, host=None, port=4711):
    if host is None:
        host = "api.example.net"
    sock = socket.socket()
    sock.connect((host, port))  # expect: SCK701
    sock.sendall(question)
    return sock.recv(4096)


def ask_resolved(question, host=None, port=4711):
    if host is None:
        host = discover()
    sock = socket.socket()
    sock.connect((host, port))  # expect: SCK701
    sock.sendall(question)
    return sock.recv(4096)


def ask_configured(question, host=None, port=4711):
    if host is None:
        try:
            host = os.environ["GAME_HOST"]
        except KeyError:
            host = discover()
    sock = socket.socket()
    sock.connect((host, port))  # expect: SCK701
    sock.sendall(question)
    return sock.recv(4096)


def ask_rebound(question, host=None, port=4711):
    if host is None:
        host = "localhost"
    host = os.environ.get("GAME_HOST", host).strip()
    sock = socket.socket()
    sock.connect((host, port))  # expect: SCK701
    sock.sendall(question)
    return sock.recv(4096)


def ask_when_empty(question, host=None, port=4711):
    if host == "":
        host = "localhost"
    sock = socket.socket()
    sock.connect((host, port))  # expect: SCK701
    sock.sendall(question)
    return sock.recv(4096)


def discover():
    return os.environ["GAME_HOST"]

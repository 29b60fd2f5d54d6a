# SCK101 flag: look-alikes of a str accumulator. A bytes accumulator (the normal case), a
# name that is also bound to something that is not a str, a parameter, and a TypeError
# swallowed inside the loop, which makes the loop go round again.
import socket


def read_banner(sock: socket.socket):
    data = b''
    while b'\r\n' not in data:
        data += sock.recv(1024)  # expect: SCK101
    return data


def read_reply(sock: socket.socket, first):
    data = ''
    if first:
        data = first
    while '\r\n' not in data:
        data += sock.recv(1024)  # expect: SCK101
    return data


def read_more(sock: socket.socket, data):
    while len(data) < 10:
        data = data + sock.recv(1024)  # expect: SCK101
    return data


def read_forgiving(sock: socket.socket):
    data = ''
    while '\r\n' not in data:
        try:
            data += sock.recv(1024)  # expect: SCK101
        except Exception:
            continue
    return data

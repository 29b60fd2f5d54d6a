# SCK101 ok: code after a statement that reads a name this module binds nowhere (and no Python 3 builtin) never runs: that statement raises NameError every time, so the read loops below it cannot spin.
import pickle
import socket
import struct


def send_image(sock: socket.socket) -> bytes:
    frame = cv2.imread("picture.jpg")
    sock.sendall(pickle.dumps(frame))
    data = b""
    while len(data) < 4:
        data += sock.recv(4096)
    return data


def legacy_reader(sock: socket.socket) -> None:
    banner = unicode(sock.recv(64), "utf-8")
    while True:
        banner += sock.recv(64).decode()

# SCK101 flag: a module with a star import may get any name from it, so a name no statement binds is not taken as a NameError, and the read loop after it is checked.
import socket
from helpers import *


def send_image(sock: socket.socket) -> bytes:
    frame = cv2.imread("picture.jpg")
    sock.sendall(frame.tobytes())
    data = b""
    while len(data) < 4:
        data += sock.recv(4096)  # expect: SCK101
    return data

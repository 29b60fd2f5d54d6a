# SCK901 flag: a module that loads a Windows DLL only inside a function or a try still imports on Linux and macOS, where a socket error never has a Winsock number.
import ctypes
import socket

try:
    ws2 = ctypes.WinDLL("ws2_32")
except AttributeError:
    ws2 = None


def kernel():
    return ctypes.windll.kernel32


def send_some(sock: socket.socket, data: bytes) -> int:
    try:
        return sock.send(data)
    except OSError as e:
        if e.errno == 10035:  # expect: SCK901
            return 0
        if e.errno == 10054:  # expect: SCK901
            return -1
        raise

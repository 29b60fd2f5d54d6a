# SCK901 flag: the packet socket is made only when the system has one (a test, or a try that
# falls back): the class works elsewhere too, where EAGAIN is 35 (macOS, the BSDs).
import socket


class Capture:
    def __init__(self) -> None:
        if hasattr(socket, "AF_PACKET"):
            self.sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
        else:
            self.sock = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
        self.sock.setblocking(False)

    def poll(self):
        try:
            return self.sock.recv(65535)
        except OSError as e:
            if e.errno == 11:  # expect: SCK901
                return None
            raise


class Sniffer:
    def open(self) -> None:
        try:
            self.sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
        except AttributeError:
            self.sock = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
        self.sock.setblocking(False)

    def poll(self):
        try:
            return self.sock.recv(65535)
        except OSError as e:
            if e.errno == 11:  # expect: SCK901
                return None
            raise

# SCK901 flag: the project declares Linux and macOS; 104 is ECONNRESET on Linux only (macOS
# says 54).
import socket


def send_all(sock: socket.socket, data: bytes) -> bool:
    try:
        sock.sendall(data)
    except OSError as exc:
        if exc.errno == 104:  # expect: SCK901
            return False
        raise
    return True

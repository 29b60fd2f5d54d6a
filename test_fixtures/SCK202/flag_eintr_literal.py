# SCK202 flag: an EINTR test written with the literal 4 that retries a blocking sendto().
import socket


def send_datagram(sock: socket.socket, payload: bytes, addr) -> int:
    while True:
        try:
            return sock.sendto(payload, addr)
        except OSError as e:
            if e.errno == 4:  # expect: SCK202
                continue
            raise

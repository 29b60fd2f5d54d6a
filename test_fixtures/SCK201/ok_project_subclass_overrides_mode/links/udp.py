# SCK201: the subclass overrides open() with one that leaves its socket blocking, and never
# assigns the attribute it uses itself: the base's switch to non-blocking is not known to
# apply to its objects, so its calls are not reported as non-blocking ones.
import socket

from links.tcp import TCPLink


class UDPLink(TCPLink):
    def open(self) -> None:
        if self._socket is None:
            self._socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

    def send_to_socket(self, data: bytes) -> None:
        self.sock.sendto(data, self.address)

    def recv_from_socket(self, size: int) -> bytes:
        data, address = self.sock.recvfrom(size)
        return data if address == self.address else b""

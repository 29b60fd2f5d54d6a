# SCK201 look-alike: an object that is either a zmq socket or a non-blocking socket.socket.
# Where an isinstance() test (or a guard that returns when it fails) shows it is the zmq
# socket, its send() is zmq's; the other branch's send is the socket's and is reported.
import socket

import zmq


class Endpoint:
    def __init__(self, kind, address):
        if kind == "zmq":
            self._sock = zmq.Context().socket(zmq.PUB)
            self._sock.connect(address)
        else:
            self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self._sock.connect(address)
            self._sock.setblocking(False)

    def publish(self, frames):
        if isinstance(self._sock, zmq.Socket) and len(frames) == 1:
            self._sock.send(frames[0])
        else:
            sent = self._sock.send(frames[-1])  # expect: SCK201
            return sent
        return len(frames[0])

    def publish_many(self, frames):
        if not isinstance(self._sock, zmq.Socket):
            return None
        for frame in frames:
            self._sock.send(frame)

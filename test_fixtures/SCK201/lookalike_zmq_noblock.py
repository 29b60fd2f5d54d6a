# SCK201 lookalike: zmq sockets from ctx.socket() with NOBLOCK raise zmq.Again, not BlockingIOError; they are not sockets.
import zmq


class Publisher:
    def __init__(self, endpoint: str) -> None:
        self.ctx = zmq.Context()
        self.sock = self.ctx.socket(zmq.PUB)
        self.sock.setsockopt(zmq.SNDHWM, 1000)
        self.sock.bind(endpoint)

    def publish(self, topic: bytes, body: bytes) -> bool:
        try:
            self.sock.send_multipart([topic, body], flags=zmq.NOBLOCK)
        except zmq.Again:
            return False
        return True

    def heartbeat(self) -> None:
        self.sock.send(b"HB", zmq.NOBLOCK)


def poll_once(ctx: zmq.Context, endpoint: str):
    sock = ctx.socket(zmq.PULL)
    sock.connect(endpoint)
    try:
        return sock.recv(zmq.NOBLOCK)
    except zmq.Again:
        return None
    finally:
        sock.close()

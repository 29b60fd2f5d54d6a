# SCK302 lookalike: one zmq socket connecting to many endpoints in a loop is normal zmq usage, not a TCP connect retry.
import zmq


def make_subscriber(ctx: zmq.Context, endpoints, topics):
    sub = ctx.socket(zmq.SUB)
    for endpoint in endpoints:
        sub.connect(endpoint)
    for topic in topics:
        sub.setsockopt(zmq.SUBSCRIBE, topic)
    return sub


def lazy_pirate(ctx: zmq.Context, endpoint: str, request: bytes, retries: int = 3):
    for _ in range(retries):
        sock = ctx.socket(zmq.REQ)
        sock.setsockopt(zmq.LINGER, 0)
        sock.setsockopt(zmq.RCVTIMEO, 2500)
        sock.connect(endpoint)
        try:
            sock.send(request)
            return sock.recv()
        except zmq.Again:
            pass
        finally:
            sock.close()
    return None

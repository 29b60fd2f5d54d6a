# SCK301 lookalike: a zmq connect() is asynchronous by design and is checked with a POLLOUT poll; it is not socket.connect().
import zmq


def connect_dealer(ctx: zmq.Context, endpoint: str, timeout_ms: int = 3000):
    sock = ctx.socket(zmq.DEALER)
    sock.setsockopt(zmq.IMMEDIATE, 1)
    sock.setsockopt(zmq.LINGER, 0)
    sock.connect(endpoint)
    poller = zmq.Poller()
    poller.register(sock, zmq.POLLOUT)
    if not poller.poll(timeout_ms):
        sock.close()
        raise TimeoutError(f"no peer at {endpoint}")
    return sock

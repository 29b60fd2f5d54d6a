# SCK101 lookalike: zmq sockets come from ctx.socket(zmq.X), not the socket module; recv(flags) is not a byte count.
import zmq


def reply_worker(endpoint: str) -> None:
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.REP)
    sock.connect(endpoint)
    while True:
        request = sock.recv(0)
        sock.send(b"OK " + request)


def drain_subscriber(sub_sock: zmq.Socket, sink: list) -> None:
    while True:
        try:
            msg = sub_sock.recv(zmq.NOBLOCK)
        except zmq.Again:
            return
        sink.append(msg)


def collect(ctx: zmq.Context, endpoint: str, sink: list) -> None:
    pull_sock = ctx.socket(zmq.PULL)
    pull_sock.bind(endpoint)
    while True:
        frame = pull_sock.recv(copy=True)
        sink.append(frame)

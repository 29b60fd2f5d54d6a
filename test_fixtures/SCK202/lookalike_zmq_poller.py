# SCK202 lookalike: a zmq.Poller.poll() broker loop testing ZMQError.errno == EINTR; zmq calls are not PEP 475 socket calls.
import errno

import zmq


def broker(frontend_ep: str, backend_ep: str) -> None:
    ctx = zmq.Context()
    frontend = ctx.socket(zmq.ROUTER)
    backend = ctx.socket(zmq.DEALER)
    frontend.bind(frontend_ep)
    backend.bind(backend_ep)
    poller = zmq.Poller()
    poller.register(frontend, zmq.POLLIN)
    poller.register(backend, zmq.POLLIN)
    while True:
        try:
            events = dict(poller.poll(1000))
        except zmq.ZMQError as e:
            if e.errno == errno.EINTR:
                continue
            raise
        if frontend in events:
            backend.send_multipart(frontend.recv_multipart())
        if backend in events:
            frontend.send_multipart(backend.recv_multipart())

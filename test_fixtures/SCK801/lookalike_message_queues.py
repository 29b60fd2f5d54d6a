# SCK801 lookalike: zmq and pynng sockets bind()/listen() on endpoint strings; they are not BSD sockets.
import pynng
import zmq


def router(endpoint: str = "tcp://*:5555") -> zmq.Socket:
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.ROUTER)
    sock.setsockopt(zmq.LINGER, 0)
    sock.bind(endpoint)
    return sock


def replier(address: str = "tcp://0.0.0.0:5556") -> pynng.Rep0:
    sock = pynng.Rep0()
    sock.listen(address)
    return sock

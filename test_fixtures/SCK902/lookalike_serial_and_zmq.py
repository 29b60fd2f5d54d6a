# SCK902 lookalike: pyserial ports and zmq sockets have timeouts and recv()/read(); their errno tests are not socket timeouts.
import errno

import serial
import zmq


def read_frame(port: str) -> bytes:
    ser = serial.Serial(port, 115200, timeout=1.0)
    try:
        return ser.read(64)
    except serial.SerialException as e:
        if e.errno == errno.ETIMEDOUT:
            return b""
        raise
    finally:
        ser.close()


def request(endpoint: str, payload: bytes) -> bytes:
    sock = zmq.Context.instance().socket(zmq.REQ)
    sock.setsockopt(zmq.RCVTIMEO, 5000)
    sock.setsockopt(zmq.LINGER, 0)
    sock.connect(endpoint)
    try:
        sock.send(payload)
        return sock.recv()
    except zmq.ZMQError as e:
        if e.errno in (errno.ETIMEDOUT, zmq.EAGAIN):
            return b""
        raise
    finally:
        sock.close()

# SCK701 lookalike: websocket-client's create_connection(), a zmq REQ socket and a multiprocessing Client are not sockets.
import zmq
from multiprocessing.connection import Client
from websocket import create_connection


def ticker(url: str) -> str:
    ws = create_connection(url)
    try:
        ws.send('{"op": "ping"}')
        return ws.recv()
    finally:
        ws.close()


def request(endpoint: str, payload: bytes) -> bytes:
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.REQ)
    sock.connect(endpoint)
    sock.send(payload)
    reply = sock.recv()
    sock.close()
    return reply


def ask_manager(address, authkey: bytes, question):
    conn = Client(address, authkey=authkey)
    try:
        conn.send(question)
        return conn.recv()
    finally:
        conn.close()

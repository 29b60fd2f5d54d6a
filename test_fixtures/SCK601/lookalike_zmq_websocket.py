# SCK601 lookalike: zmq sockets (ctx.socket(...)) and websocket-client connections have send() but are not BSD sockets.
import json
import socket

import zmq
from websocket import create_connection

# Every socket made here is in timeout mode: only their not being sockets keeps these
# send() calls quiet.
socket.setdefaulttimeout(30)


def push_jobs(endpoint: str, jobs) -> None:
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.PUSH)
    sock.connect(endpoint)
    for job in jobs:
        sock.send(json.dumps(job).encode())
    sock.close()


def subscribe(url: str, channel: str) -> str:
    ws_conn = create_connection(url, timeout=10)
    try:
        ws_conn.send(json.dumps({"op": "subscribe", "channel": channel}).encode())
        return ws_conn.recv()
    finally:
        ws_conn.close()

# SCK702 lookalike: keepalive settings that are not SO_KEEPALIVE (SSH keepalive, zmq heartbeats, HTTP keep-alive, redis options).
import http.client

import paramiko
import redis
import zmq


def ssh(host: str, user: str) -> paramiko.SSHClient:
    client = paramiko.SSHClient()
    client.connect(host, username=user, timeout=10)
    client.get_transport().set_keepalive(30)
    return client


def dealer(endpoint: str) -> zmq.Socket:
    sock = zmq.Context.instance().socket(zmq.DEALER)
    sock.setsockopt(zmq.HEARTBEAT_IVL, 10_000)
    sock.setsockopt(zmq.HEARTBEAT_TIMEOUT, 30_000)
    sock.setsockopt(zmq.LINGER, 0)
    sock.connect(endpoint)
    return sock


def ping(host: str) -> int:
    conn = http.client.HTTPConnection(host, timeout=10)
    conn.request("GET", "/health", headers={"Connection": "keep-alive"})
    return conn.getresponse().status


def cache(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_keepalive=True, health_check_interval=30)

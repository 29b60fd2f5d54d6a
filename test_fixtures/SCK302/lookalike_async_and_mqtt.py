# SCK302 lookalike: loop.sock_connect() with a fresh socket per try and an MQTT client's connect() retried in a loop.
import asyncio
import socket
import time

import paho.mqtt.client as mqtt


async def dial(host: str, port: int, attempts: int = 5) -> socket.socket:
    loop = asyncio.get_running_loop()
    for attempt in range(attempts):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        try:
            await loop.sock_connect(sock, (host, port))
            return sock
        except OSError:
            sock.close()
            await asyncio.sleep(0.5 * 2 ** attempt)
    raise ConnectionError(f"{host}:{port} unreachable after {attempts} attempts")


def mqtt_connect(host: str, port: int = 1883) -> mqtt.Client:
    client = mqtt.Client()
    while True:
        try:
            client.connect(host, port, keepalive=60)
            return client
        except OSError:
            time.sleep(5.0)

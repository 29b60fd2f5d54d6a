# SCK101 lookalike: websocket objects (websocket-client, websockets) have recv()/send() but are not sockets.
import asyncio
import json

import websockets
from websocket import create_connection


def watch_ticker(url: str, on_tick) -> None:
    ws = create_connection(url, timeout=10)
    try:
        ws.send(json.dumps({"op": "subscribe", "channel": "ticker"}))
        while True:
            frame = ws.recv()
            on_tick(json.loads(frame))
    finally:
        ws.close()


async def chat(uri: str, outgoing: "asyncio.Queue[str]") -> None:
    async with websockets.connect(uri) as websocket:
        while True:
            text = await outgoing.get()
            await websocket.send(text.encode())
            reply = await websocket.recv()
            print(reply)

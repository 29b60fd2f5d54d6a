# SCK601 lookalike: the connection a WebSocket server hands its handler sends whole messages; a name that says websocket is never taken for a socket on its name alone.
import asyncio


async def serve_rpc(websocket, handlers) -> None:
    async for message in websocket:
        reply = handlers[message[:4]](message[4:])
        data = reply.SerializeToString()
        await websocket.send(data)


async def main(serve, handlers) -> None:
    async with serve(lambda ws: serve_rpc(ws, handlers), "0.0.0.0", 8765):
        await asyncio.Future()

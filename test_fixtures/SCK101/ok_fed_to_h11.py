# SCK101 ok: the read goes to h11's Connection.receive_data() in a loop that reads only
# when next_event() says h11.NEED_DATA. h11 takes b"" as the end of the peer's input: from
# then on next_event() gives ConnectionClosed (or raises RemoteProtocolError mid-message),
# never NEED_DATA again, so the read is not reached again.
import asyncio
import socket

import h11


def read_request(sock: socket.socket, conn: h11.Connection):
    while True:
        event = conn.next_event()
        if event is h11.NEED_DATA:
            conn.receive_data(sock.recv(65536))
            continue
        return event


async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
    conn = h11.Connection(h11.SERVER)
    while True:
        event = conn.next_event()
        if event is h11.NEED_DATA:
            conn.receive_data(await reader.read(65536))
            continue
        if isinstance(event, h11.ConnectionClosed):
            return
        writer.write(conn.send(h11.Response(status_code=204, headers=[])))


async def next_event(conn: h11.Connection, reader: asyncio.StreamReader):
    while True:
        event = conn.next_event()
        if event is not h11.NEED_DATA:
            return event
        data = await reader.read(65536)
        conn.receive_data(data)


async def with_a_timeout(conn: h11.Connection, reader: asyncio.StreamReader):
    while True:
        event = conn.next_event()
        if event is h11.NEED_DATA:
            conn.receive_data(await asyncio.wait_for(reader.read(65536), timeout=5))
            continue
        if isinstance(event, h11.ConnectionClosed):
            return None
        return event

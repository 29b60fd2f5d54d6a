# SCK701 lookalike: http.client / smtplib objects with connect() and asyncio streams; none is a socket.socket() being read.
import asyncio
import http.client
import smtplib


def head(host: str, path: str) -> int:
    conn = http.client.HTTPConnection(host)
    conn.connect()
    conn.request("HEAD", path)
    return conn.getresponse().status


def helo(host: str) -> str:
    smtp = smtplib.SMTP()
    smtp.connect(host, 25)
    code, msg = smtp.helo()
    smtp.quit()
    return msg.decode()


async def banner(host: str, port: int) -> bytes:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        return await reader.readline()
    finally:
        writer.close()
        await writer.wait_closed()

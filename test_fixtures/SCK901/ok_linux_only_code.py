# SCK901 ok: a would-block number in code that runs on Linux alone: a method of a class
# that makes an AF_PACKET socket (Linux's packet interface), where EAGAIN is 11.
import asyncio
import logging
import socket

log = logging.getLogger(__name__)


class RawTransport:
    def __init__(self) -> None:
        self.sock = None
        self.running = False

    def start(self) -> None:
        try:
            self.sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
            self.sock.setblocking(False)
        except PermissionError:
            log.error("raw sockets need root")
            raise
        self.running = True

    async def receive_loop(self) -> None:
        while self.running:
            try:
                data = self.sock.recv(65535)
            except OSError as e:
                if e.errno == 11:
                    await asyncio.sleep(0.01)
                    continue
                raise
            log.info("%d bytes", len(data))

# SCK101 ok: the pass that reads b"" sleeps a fixed time, before the read or after it with
# nothing on the way that can skip the sleep: at end of file the loop polls at the sleep's
# pace, it does not spin. (A `continue` in the read's `except` clause is the pass of a
# read that failed, not of one that returned b"".)
import asyncio
import json
import socket
import time


def status_poller(sock: socket.socket, hub) -> None:
    while True:
        time.sleep(3)
        sock.send(b'["queue"]')
        try:
            reply = json.loads(sock.recv(1024).decode("ascii"))
        except ValueError:
            reply = ["res"]
        hub.apply(reply)


async def receive_loop(reader: asyncio.StreamReader, split, dispatch) -> None:
    while True:
        try:
            data = await asyncio.wait_for(reader.read(4096), 0.5)
        except asyncio.TimeoutError:
            await asyncio.sleep(0.01)
            continue
        for message in split(data):
            await dispatch(message)
        await asyncio.sleep(0.1)


class Receiver:
    # the `finally` of the try holding the read sleeps on every way out of the pass
    def receive_thread(self) -> None:
        data = ""
        while self.running:
            try:
                data += self.sock.recv(1024).decode("utf-8")
                if len(data) > 2:
                    packets = data.split("\n")
                    for packet in packets[:-1]:
                        self.queue.append(packet)
                    data = packets[-1]
                    continue
            except socket.timeout:
                pass
            finally:
                time.sleep(0.01)


class Heartbeat:
    # a `return` on the way to the sleep leaves the loop: that pass does not go round
    def recv_status(self) -> None:
        while not self.disconnected:
            try:
                self.sock.recv(2048)
            except OSError:
                self.leave()
            try:
                self.sock.send(b"<3")
            except OSError:
                self.leave()
                return
            time.sleep(2)

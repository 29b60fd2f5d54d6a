# SCK702 ok: the function only writes to the socket it made (a log shipper): no call ever
# waits to read from the peer, so a vanished peer blocks nothing; a write fails once the
# retransmissions time out, whatever the keepalive timers are.
import queue
import socket


def ship_logs(host: str, port: int, lines: "queue.Queue[bytes]") -> None:
    while True:
        try:
            sock = socket.create_connection((host, port))
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        except OSError:
            continue
        try:
            while True:
                line = lines.get()
                sock.sendall(b"%d " % len(line) + line)
        except OSError:
            pass
        finally:
            sock.close()

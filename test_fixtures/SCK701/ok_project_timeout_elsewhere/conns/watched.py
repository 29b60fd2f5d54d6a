# Connections the program watches itself: a method of the class measures the silence
# against the time of the last message and pings or stops, or a heartbeat timer drops the
# connection when the beats stop. The program keeps its own receive timeout.
import socket
import threading
import time


class IrcLink:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._last_recv = time.time()
        self._last_ping = 0.0
        self._running = False

    def _connect(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.connect((self.host, self.port))

    def _send(self, line: str) -> None:
        self._sock.sendall(line.encode() + b"\r\n")

    def _handle(self, line: bytes) -> None:
        self._last_recv = time.time()

    def loop(self) -> None:
        self._connect()
        self._running = True
        while self._running:
            data = self._sock.recv(4096)
            if not data:
                break
            self._handle(data)

    def stop(self) -> None:
        self._send("QUIT")
        self._running = False

    def keep_alive(self) -> None:
        now = time.time()
        if now - self._last_recv > 120:
            if self._last_ping < self._last_recv:
                self._send("PING " + self.host)
                self._last_ping = now
            elif now - self._last_ping > 60:
                self.stop()


class RobotLink:
    def __init__(self) -> None:
        self._stop = threading.Event()
        self._missed = 0

    def connect(self, host: str, port: int) -> None:
        self._sock = socket.create_connection((host, port))
        threading.Thread(target=self._recv_loop, daemon=True).start()
        threading.Thread(target=self._heartbeat, daemon=True).start()

    def disconnect(self) -> None:
        self._stop.set()
        self._sock.close()

    def _heartbeat(self) -> None:
        while not self._stop.wait(5.0):
            self._missed += 1
            if self._missed > 2:
                self.disconnect()
                return

    def _recv_loop(self) -> None:
        while not self._stop.is_set():
            chunk = self._sock.recv(4096)
            if not chunk:
                break
            self._missed = 0

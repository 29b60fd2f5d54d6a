# A test's fake server written as a daemon thread class: its run() (and what only run()
# calls) runs in the daemon thread, which cannot keep the test run alive. A thread class
# that is no daemon, or a run() the test also calls itself, keeps the finding.
import socket
import subprocess
import threading


class FakeServer(threading.Thread):
    def __init__(self, listener):
        super().__init__(daemon=True)
        self.listener = listener

    def run(self):
        conn, _ = self.listener.accept()
        buffer = b""
        while b"\r\n\r\n" not in buffer:
            buffer += conn.recv(4096)
        self._drain(conn)

    def _drain(self, conn):
        while True:
            chunk = conn.recv(4096)
            conn.sendall(chunk)


class Lingering(threading.Thread):
    def __init__(self, listener):
        threading.Thread.__init__(self)
        self.listener = listener

    def run(self):
        conn, _ = self.listener.accept()
        buffer = b""
        while b"\r\n" not in buffer:
            buffer += conn.recv(4096)  # expect: SCK101


def test_fake_server():
    listener = socket.create_server(("127.0.0.1", 0))
    FakeServer(listener).start()
    Lingering(listener).start()
    subprocess.run(["true"], check=False)

# SCK202 flag: InterruptedError in a tuple with socket.timeout around recv() on a timeout socket; the shared branch loops.
import socket
import threading


class Reader(threading.Thread):
    def __init__(self, addr, on_data) -> None:
        super().__init__(daemon=True)
        self.sock = socket.create_connection(addr, timeout=1.0)
        self.on_data = on_data
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                data = self.sock.recv(4096)
            except (InterruptedError, socket.timeout):  # expect: SCK202
                continue
            if not data:
                break
            self.on_data(data)
        self.sock.close()

# SCK402/SCK501/SCK502 in production code: the same server loops as tests/ has, all reported.
# Its clients come from the network: one that resets ends the loop or spins it.
import socket
import threading

BANNER = b"220 ready\r\n"


def serve(port: int) -> None:
    srv = socket.create_server(("", port))
    while True:
        conn, _ = srv.accept()  # expect: SCK501
        with conn:
            conn.sendall(BANNER)  # expect: SCK402
            conn.recv(512)  # expect: SCK402


class Acceptor:
    def __init__(self, listener: socket.socket) -> None:
        self.listener = listener
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()  # expect: SCK502
            except OSError:
                continue
            threading.Thread(target=conn.close).start()

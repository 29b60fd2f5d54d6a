# SCK501 flag: `except OSError: break` around accept() (meant for "listener closed") also stops the server on ECONNABORTED.
import logging
import socket
import threading

log = logging.getLogger(__name__)


class Server:
    def __init__(self, port: int) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("", port))
        self.sock.listen(128)
        self.running = True

    def serve(self) -> None:
        while self.running:
            try:
                conn, addr = self.sock.accept()  # expect: SCK501
            except OSError:
                log.info("listener closed, stopping")
                break
            threading.Thread(target=self.greet, args=(conn,), daemon=True).start()

    def greet(self, conn: socket.socket) -> None:
        with conn:
            conn.sendall(b"220 ready\r\n")

    def stop(self) -> None:
        self.running = False
        self.sock.close()

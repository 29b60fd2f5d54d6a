# SCK501 ok: a package's testing module (the module form of a ``testing`` directory) is test
# code: the fake server it ships runs in the test suites that import it, for their clients.
import socket
import threading


class FakeServer:
    def __init__(self) -> None:
        self.listener = socket.create_server(("", 0))
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        while True:
            conn, _ = self.listener.accept()
            threading.Thread(target=conn.close, daemon=True).start()

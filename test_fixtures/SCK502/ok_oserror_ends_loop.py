# SCK502 ok: ConnectionAbortedError continues; any other OSError ends the loop (break or re-raise) instead of retrying.
import socket
import threading


class Server:
    def __init__(self, port: int) -> None:
        self.sock = socket.create_server(("", port), backlog=128)
        self.closing = False

    def serve(self, handler) -> None:
        while True:
            try:
                conn, addr = self.sock.accept()
            except ConnectionAbortedError:
                continue
            except OSError:
                if self.closing:
                    break
                raise
            threading.Thread(target=handler, args=(conn, addr), daemon=True).start()

    def close(self) -> None:
        self.closing = True
        self.sock.close()

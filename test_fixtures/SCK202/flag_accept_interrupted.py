# SCK202 flag: `except InterruptedError: continue` around a blocking accept() in a server loop.
import socket
import threading


def serve(port: int, handler) -> None:
    srv = socket.create_server(("", port))
    with srv:
        while True:
            try:
                conn, addr = srv.accept()
            except InterruptedError:  # expect: SCK202
                continue
            except ConnectionAbortedError:
                continue
            threading.Thread(target=handler, args=(conn, addr), daemon=True).start()

# SCK502 flag: socketserver-style `except OSError: continue` around accept(); EMFILE or a closed listener spins the loop.
import socket
import threading


def serve(port: int, handler) -> None:
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("", port))
    srv.listen(socket.SOMAXCONN)
    while True:
        try:
            conn, addr = srv.accept()  # expect: SCK502
        except OSError:
            continue
        threading.Thread(target=handler, args=(conn, addr), daemon=True).start()

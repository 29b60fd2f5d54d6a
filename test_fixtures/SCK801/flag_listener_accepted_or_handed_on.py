# SCK801 flag: the listener accepts (in the function or a nested one) or leaves the function
# (returned, handed to a server or a thread), so connections it accepted may be left in
# TIME_WAIT when the program restarts.
import socket
import threading


def serve_once(port: int) -> None:
    srv = socket.socket()
    srv.bind(("", port))  # expect: SCK801
    srv.listen(1)

    def loop():
        conn, _ = srv.accept()
        conn.close()

    threading.Thread(target=loop).start()


def make_listener(port: int) -> socket.socket:
    srv = socket.socket()
    srv.bind(("", port))  # expect: SCK801
    srv.listen(5)
    return srv


def start(port: int, serve) -> None:
    srv = socket.socket()
    srv.bind(("", port))  # expect: SCK801
    srv.listen(5)
    threading.Thread(target=serve, args=(srv,)).start()

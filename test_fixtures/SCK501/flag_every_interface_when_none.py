# SCK501 flag: a host parameter that defaults to None and that the function replaces by
# every interface ("0.0.0.0") when it is None: remote clients reach the listener, and one
# that resets its queued connection ends the loop.
import socket


def serve(handler, host=None, port=8765):
    if host is None:
        host = "0.0.0.0"
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen(5)
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handler(conn)

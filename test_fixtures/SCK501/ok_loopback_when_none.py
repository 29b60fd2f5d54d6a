# SCK501 ok: the listener's host parameter defaults to None, and the function replaces None
# by a loopback host before it binds: only programs on this host connect unless the caller
# says otherwise.
import socket


def serve(handler, host=None, port=8765):
    if host is None:
        host = "127.0.0.1"
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen(5)
    while True:
        conn, _ = listener.accept()
        handler(conn)

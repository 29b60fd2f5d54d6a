# SCK501 ok: the module global listener is made and bound in a function that declares it
# `global` (`global server` then `server = socket.socket()`), to a host that is loopback
# unless a caller says otherwise: the accept loop in another function reads that global.
import socket
import threading

server = None


def init_server(host="127.0.0.1", port=5000):
    global server
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen(5)
    threading.Thread(target=_accept_clients, daemon=True).start()


def _accept_clients():
    while True:
        client, _ = server.accept()
        client.close()

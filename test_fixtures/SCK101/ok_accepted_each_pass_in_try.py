# SCK101 ok: the connection read is accepted in the same pass of the loop, inside a try whose
# handler ends the pass; one connection's end of file is read once, not for ever.
import socket


def serve(server: socket.socket, timeout: float) -> None:
    while True:
        try:
            sock, peer = server.accept()
        except (socket.timeout, ConnectionAbortedError):
            continue
        sock.settimeout(timeout)
        try:
            header = sock.recv(16)
        except OSError:
            sock.close()
            continue
        print(peer, header)
        sock.close()


def serve_first(server: socket.socket) -> None:
    while True:
        try:
            conn = server.accept()[0]
        except (socket.timeout, ConnectionAbortedError):
            continue
        try:
            print(conn.recv(1024))
        except OSError:
            pass
        conn.close()

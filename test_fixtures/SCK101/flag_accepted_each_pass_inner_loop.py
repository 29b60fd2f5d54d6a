# SCK101 flag: a connection accepted in the pass is read in a loop of its own (which spins on
# that connection's end of file), or the handler around the accept lets the pass go on with
# the connection of an earlier pass.
import socket


def serve(server: socket.socket) -> None:
    while True:
        try:
            conn, _ = server.accept()
        except (socket.timeout, ConnectionAbortedError):
            continue
        headers = b""
        try:
            while not headers.endswith(b"\r\n\r\n"):
                headers += conn.recv(1)  # expect: SCK101
        except OSError:
            pass
        conn.close()


def serve_stale(server: socket.socket) -> None:
    conn, _ = server.accept()
    while True:
        try:
            conn, _ = server.accept()
        except (socket.timeout, ConnectionAbortedError):
            print("no new client")
        try:
            data = conn.recv(1024)  # expect: SCK101
        except OSError:
            continue
        print(data)

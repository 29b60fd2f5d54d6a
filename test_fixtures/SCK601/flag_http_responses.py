# SCK601 flag: send() used as a statement on accepted connections in timeout mode; a partial write silently truncates the response.
import socket
import threading


def handle(conn: socket.socket, addr) -> None:
    conn.settimeout(30)
    with conn:
        request = conn.recv(65536)
        if not request:
            return
        body = b"hello, " + request.split()[-1] + b"\n"
        conn.send(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body))  # composed
        conn.send(body)  # expect: SCK601


def serve(port: int) -> None:
    with socket.create_server(("", port)) as srv:
        while True:
            try:
                conn, addr = srv.accept()
            except ConnectionAbortedError:
                continue
            threading.Thread(target=handle, args=(conn, addr), daemon=True).start()

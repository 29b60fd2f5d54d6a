# SCK402 flag: an accept loop that serves each client inline; one client's RST (ECONNRESET / EPIPE) escapes and ends the server.
import socket


def serve(port: int) -> None:
    with socket.create_server(("", port)) as srv:
        while True:
            try:
                conn, addr = srv.accept()
            except ConnectionAbortedError:
                continue
            with conn:
                while True:
                    data = conn.recv(4096)  # expect: SCK402
                    if not data:
                        break
                    conn.sendall(data)  # expect: SCK402


if __name__ == "__main__":
    serve(7007)


def control_until_stopped(listener: socket.socket, stop) -> None:
    # the event is set on one path only, and before the write: the loop may go round
    while not stop.is_set():
        try:
            conn, _ = listener.accept()
        except ConnectionAbortedError:
            continue
        with conn:
            op = conn.recv(64)  # expect: SCK402
            if op == b"shutdown":
                stop.set()
            conn.sendall(b"ok\n")  # expect: SCK402


def session_server(listener: socket.socket, queue) -> None:
    # the reply is followed by a return only after a test: on the other path the loops go on
    while True:
        try:
            client, _ = listener.accept()
        except ConnectionAbortedError:
            continue
        while True:
            data = client.recv(1024)  # expect: SCK402
            if not data:
                break
            client.send(b"ok\n")  # expect: SCK402
            if data.startswith(b"stop"):
                return
            queue.put(data)

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

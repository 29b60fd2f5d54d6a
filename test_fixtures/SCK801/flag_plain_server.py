# SCK801 flag: a TCP listener bound with no SO_REUSEADDR; restarting while old connections sit in TIME_WAIT fails with EADDRINUSE.
import socket
import threading

HOST, PORT = "0.0.0.0", 8080


def handle(conn: socket.socket, addr) -> None:
    with conn:
        conn.sendall(b"HTTP/1.0 204 No Content\r\n\r\n")


def main() -> None:
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind((HOST, PORT))  # expect: SCK801
    srv.listen(128)
    while True:
        try:
            conn, addr = srv.accept()
        except ConnectionAbortedError:
            continue
        threading.Thread(target=handle, args=(conn, addr), daemon=True).start()


def numbered_listener(index: int) -> socket.socket:
    # a fixed base plus a number the caller gives: the same port on every run
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind((HOST, 49000 + index))  # expect: SCK801
    srv.listen()
    return srv


if __name__ == "__main__":
    main()

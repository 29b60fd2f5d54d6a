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


if __name__ == "__main__":
    main()

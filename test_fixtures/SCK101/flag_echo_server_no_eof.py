# SCK101 flag: an echo loop on an accepted connection never tests recv() for b"" after the peer closes.
import socket

HOST, PORT = "127.0.0.1", 50007


def main() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as srv:
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind((HOST, PORT))
        srv.listen(1)
        conn, addr = srv.accept()
        with conn:
            print("Connected by", addr)
            while True:
                data = conn.recv(1024)  # expect: SCK101
                conn.sendall(data.upper())


if __name__ == "__main__":
    main()

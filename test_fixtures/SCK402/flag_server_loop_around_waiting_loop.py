# SCK402 flag: the inner loop waits for one connection, but the loop around it goes round
# and accepts again: that outer loop serves clients one after another.
import select
import socket


def serve(listener: socket.socket) -> None:
    while True:
        while True:
            if select.select([listener], [], [], 1.0)[0]:
                conn, _ = listener.accept()  # expect: SCK501
                break
        request = conn.recv(1024)  # expect: SCK402 SCK101
        conn.sendall(request)  # expect: SCK402
        conn.close()

# SCK101 ok: end of file breaks the inner loop, and the loop around it stops too, or reads
# a new connection on each pass, or waits: no spin.
import socket
import time


def lines(sock: socket.socket, handle) -> None:
    while True:
        buf = b""
        while True:
            chunk = sock.recv(1)
            if not chunk:
                break
            if chunk == b"\n":
                break
            buf += chunk
        if not buf:
            break  # the accumulated message is empty only at end of file
        handle(buf)


def serve(listener: socket.socket, handle) -> None:
    while True:
        try:
            conn, _ = listener.accept()
        except ConnectionAbortedError:
            continue
        with conn:
            try:
                while True:
                    data = conn.recv(1024)
                    if not data:
                        break
                    handle(data)
            except ConnectionError:
                pass


def poll(connect, handle) -> None:
    while True:
        sock = connect()
        while True:
            data = sock.recv(1024)
            if not data:
                break
            handle(data)
        sock.close()


def paced(sock: socket.socket, handle) -> None:
    while True:
        while True:
            data = sock.recv(1024)
            if not data:
                break
            handle(data)
        time.sleep(5)


def flagged_end(sock: socket.socket, handle) -> None:
    closed = False
    while not closed:
        while True:
            data = sock.recv(1024)
            if not data:
                break
            handle(data)
        closed = True

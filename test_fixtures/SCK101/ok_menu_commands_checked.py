# SCK101 ok: a command read whose comparisons leave the loop when the text is empty (an
# `else` that breaks, a `!=` test that returns) is checked; the reads inside the branches
# run only when the command read returned data, so they cannot spin either.
import socket


def serve(conn: socket.socket) -> None:
    while True:
        choice = conn.recv(1024).decode()
        if choice == "1":
            text = conn.recv(1024).decode()
            conn.sendall(text.upper().encode())
        elif choice == "2":
            text = conn.recv(1024).decode()
            conn.sendall(text.lower().encode())
        else:
            break


def serve_one_word(conn: socket.socket) -> None:
    while True:
        command = conn.recv(1024).decode()
        if command != "ECHO":
            return
        conn.sendall(conn.recv(1024))

# SCK101 flag: a command read compared with non-empty words (`if choice == "1": ...
# elif choice == "2": ...`, no `else`) is no EOF check: at end of file the text is "", every
# test is false, no branch runs, and the loop goes round reading "" again. The reads inside
# the branches are not reported: they run only when the command read returned data, so the
# command read is the one that spins.
import socket


def serve(conn: socket.socket) -> None:
    while True:
        choice = conn.recv(1024).decode()  # expect: SCK101
        if choice == "1":
            text = conn.recv(1024).decode()
            conn.sendall(text.upper().encode())
        elif choice == "2":
            text = conn.recv(1024).decode()
            conn.sendall(text.lower().encode())


def serve_until_quit(conn: socket.socket) -> None:
    while True:
        command = conn.recv(1024).decode()  # expect: SCK101
        if command == "QUIT":
            break
        if command == "ECHO":
            conn.sendall(conn.recv(1024))

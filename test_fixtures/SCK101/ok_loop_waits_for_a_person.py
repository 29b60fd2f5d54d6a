# SCK101 ok: every pass of the loop waits for a line typed at the terminal (input(),
# getpass.getpass(), in the loop's test, at the top of its body or first in a try block
# there). After end of file the loop reads b"" once per line the person types: empty
# replies on the screen, not a spin.
import getpass
import socket
import sys


def login(client: socket.socket) -> None:
    status = "failed"
    while status != "success":
        prompt = client.recv(1024).decode()
        user = input(prompt).encode()
        client.send(user)
        prompt = client.recv(1024).decode()
        secret = getpass.getpass(prompt).encode()
        client.send(secret)
        status = client.recv(1024).decode()


def shell(sock: socket.socket) -> None:
    while (line := sys.stdin.readline()) != "quit\n":
        sock.sendall(line.encode())
        out = sock.recv(4096)
        print(out.decode(), end="")


def menu(conn: socket.socket) -> None:
    # the prompt is the first statement of a try every pass enters: nothing before it can
    # raise and skip it
    while True:
        try:
            option = input("1. status\n2. quit\n> ")
            conn.sendall(option.encode())
            if option == "1":
                print(conn.recv(4096).decode())
            elif option == "2":
                break
        except KeyboardInterrupt:
            break

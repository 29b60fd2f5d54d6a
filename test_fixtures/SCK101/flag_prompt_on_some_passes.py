# SCK101 flag: the prompt runs only on some passes (in a branch of the body, in a function
# the loop calls): after end of file the other passes go round at once, reading b"".
import socket


def answer_questions(sock: socket.socket) -> None:
    while True:
        reply = sock.recv(1024)  # expect: SCK101
        if reply.startswith(b"?"):
            answer = input(reply[1:].decode())
            sock.sendall(answer.encode())
        print(reply)


def ask() -> str:
    return input("> ")


def relay(sock: socket.socket) -> None:
    while True:
        try:
            line = ask()
        except EOFError:
            line = ""
        if line:
            sock.sendall(line.encode())
        data = sock.recv(1024)  # expect: SCK101
        print(data)


def prompt_after_the_read(sock: socket.socket) -> None:
    # in the try, the read comes first: a statement before the prompt may raise and send
    # the pass to the handler, which goes round without waiting
    while True:
        try:
            data = sock.recv(1024)  # expect: SCK101
            print(data.decode("ascii"))
            sock.sendall(input("> ").encode())
        except UnicodeDecodeError:
            continue

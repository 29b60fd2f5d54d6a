# SCK601 ok: on Python 3 (the default target), send() of a str raises TypeError before a
# byte is written: there is no partial write to lose (code like this is Python 2 code that
# fails on Python 3 for another reason).
import socket


def greet(sock: socket.socket, name: str, parts: list) -> None:
    sock.setblocking(False)
    try:
        sock.send("HELLO\r\n")
        sock.send("NICK %s\r\n" % name)
        sock.send("USER {}\r\n".format(name))
        sock.send(f"JOIN #{name}\r\n")
        sock.send("PRIVMSG " + name + " :hi\r\n")
        sock.send(str(len(parts)))
        sock.send(" ".join(parts))
        line = "QUIT :" + name + "\r\n"
        sock.send(line)
    except BlockingIOError:
        pass

# SCK000 flag: Python 2 `except socket.error, e:` syntax is a parse error under Python 3.
import socket


def fetch(host, port):
    s = socket.socket()
    try:
        s.connect((host, port))
    except socket.error, e:  # expect: SCK000
        print "connect failed:", e
        return None
    return s

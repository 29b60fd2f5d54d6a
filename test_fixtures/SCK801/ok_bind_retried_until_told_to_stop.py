# SCK801 ok: bind() is retried in a loop that runs while the listener is meant to run; the
# handler leaves only on the branch where the loop's own test has failed (the program was
# told to stop), and otherwise waits and goes round. A restart while old connections are in
# TIME_WAIT waits them out instead of failing.
import socket
import sys
import time


def listen_until_stopped(host, port, state):
    while state.keep_going is True:
        try:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind((host, port))
            break
        except OSError:
            if state.keep_going is True:
                time.sleep(5)
            else:
                sys.exit(0)
                return None
    sock.listen(5)
    return sock


def listen_while_running(host, port, state):
    while state.running:
        try:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind((host, port))
            break
        except OSError:
            if not (state.running):
                return None
            time.sleep(1)
    sock.listen(5)
    return sock

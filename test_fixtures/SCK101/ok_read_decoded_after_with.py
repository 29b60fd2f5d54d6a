# SCK101 ok: the read ends a `with` body, and the statement after the `with` decodes it:
# the manager's exit runs in between (a status spinner stops, a lock is released) and
# binds no name of the function, so `pickle.loads(b"")` raises EOFError and `b""[0]`
# raises IndexError there, which leaves the loop: an empty read never goes round.
import pickle
import socket
import threading

lock = threading.Lock()


def play(sock: socket.socket, status, show) -> None:
    while True:
        with status("Waiting for the other player..."):
            msg = sock.recv(1024)
        payload = pickle.loads(msg)
        show(payload["msg"])


def poll(sock: socket.socket, handle) -> None:
    while True:
        with lock:
            with open("/dev/null", "rb"):
                head = sock.recv(64)
        kind = head[0]
        handle(kind, head)

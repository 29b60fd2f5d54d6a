# SCK401 flag: the forked child sets SIG_DFL and then writes to the client itself; a client reset kills the child silently, with no log line.
import os
import signal
import socket


def handle_in_child(conn: socket.socket, payload: bytes) -> None:
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # expect: SCK401
        conn.sendall(payload)
        os._exit(0)
    conn.close()

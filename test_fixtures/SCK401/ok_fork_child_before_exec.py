# SCK401 ok: after os.fork() the child restores SIGPIPE's default for the program it execs and never returns to Python code; the parent keeps SIG_IGN.
import os
import signal
import socket


def spawn_filter(argv, sock: socket.socket) -> int:
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        os.dup2(sock.fileno(), 1)
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    return pid


def report(sock: socket.socket, pid: int) -> None:
    _, status = os.waitpid(pid, 0)
    sock.sendall(b"filter exited with %d\n" % status)

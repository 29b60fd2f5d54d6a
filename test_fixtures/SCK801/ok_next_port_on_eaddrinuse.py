# A port already in use (by a listener, or by old connections in TIME_WAIT) is handled: the
# loop goes on to the next candidate port, so a restart does not fail to start.
import errno
import socket


def listen_on_first_free(host, ports):
    for port in ports:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind((host, port))
        except OSError as exc:
            sock.close()
            if exc.errno == errno.EADDRINUSE:
                continue
            raise
        sock.listen()
        return sock
    raise RuntimeError("no free port")


def listen_retrying(host, port, attempts=5):
    for offset in range(attempts):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind((host, port + offset))
        except socket.error:
            sock.close()
        else:
            sock.listen(5)
            return sock
    return None

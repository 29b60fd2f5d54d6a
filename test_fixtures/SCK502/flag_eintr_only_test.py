# SCK502 flag: the handler's only errno test is for EINTR, which accept() retries itself
# (PEP 475): every other error, EMFILE included, goes round the loop at once.
import errno
import socket


def serve(listener: socket.socket, handle) -> None:
    while True:
        try:
            conn, _ = listener.accept()  # expect: SCK502
        except socket.error as e:
            if e.errno == errno.EINTR:  # expect: SCK202
                pass
            continue
        handle(conn)

# SCK501 flag: an errno test that lets only EAGAIN/EWOULDBLOCK through re-raises ECONNABORTED; listener is annotated.
import errno
import socket


def accept_ready(listener: socket.socket, handle) -> None:
    listener.setblocking(False)
    while True:
        try:
            client, addr = listener.accept()  # expect: SCK501
        except OSError as e:
            if e.errno in (errno.EAGAIN, errno.EWOULDBLOCK):
                return
            raise
        client.setblocking(True)
        handle(client, addr)

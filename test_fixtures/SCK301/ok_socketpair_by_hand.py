# SCK301 ok (from real code): a socketpair built by hand: the listener's accept() proves the non-blocking connect succeeded.
import socket

WAKEUP = b"0"


def socketpair_compat():
    listensock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listensock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listensock.bind(("127.0.0.1", 0))
    listensock.listen(1)
    _iface, port = listensock.getsockname()
    sock1 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock1.setblocking(False)
    try:
        sock1.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    sock2, _address = listensock.accept()
    sock2.setblocking(False)
    listensock.close()
    return sock1, sock2


def wake(writer: socket.socket) -> None:
    # paho-mqtt: the wake-up byte lives in a module constant
    try:
        writer.send(WAKEUP)
    except BlockingIOError:
        pass

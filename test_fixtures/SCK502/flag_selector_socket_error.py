# SCK502 flag: a selectors loop whose accept() handler catches socket.error and continues with no errno test or back-off.
import selectors
import socket


def run(port: int, make_handler) -> None:
    sel = selectors.DefaultSelector()
    lsock = socket.create_server(("", port))
    lsock.setblocking(False)
    sel.register(lsock, selectors.EVENT_READ, data=None)
    while True:
        for key, mask in sel.select(timeout=None):
            if key.data is None:
                try:
                    conn, addr = lsock.accept()  # expect: SCK502
                except socket.error:
                    continue
                conn.setblocking(False)
                sel.register(conn, selectors.EVENT_READ, data=make_handler(conn, addr))
            else:
                key.data(key.fileobj, mask)

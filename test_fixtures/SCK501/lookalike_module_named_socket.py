# SCK501 lookalike: `socket` here is one of the project's transport modules, imported under
# that name in a branch of the function; its accept() is not the kernel's.
import logging


def serve(backend: str, address) -> None:
    if backend == "relay":
        from overlay.transports import relay as socket
    else:
        from overlay.transports import tunnel as socket
    listener = socket.socket(address)
    listener.bind("service.key")
    while True:
        conn, peer = listener.accept()
        logging.info("peer %s", peer)
        conn.send(conn.recv(1024))
        conn.close()

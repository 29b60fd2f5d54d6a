# SCK701 ok (from real code): a connection never read cannot hang on a read; a timeout parameter leaves blocking to the caller.
import socket


def poke(address) -> None:
    # test_socketserver: connect to wake the server, then close; nothing is read.
    with socket.create_connection(address):
        pass


def open_imap(host: str, port: int, timeout=None) -> socket.socket:
    # imaplib: the caller chose whether to block (timeout=None) or not.
    address = (host, port)
    if timeout is not None:
        return socket.create_connection(address, timeout)
    return socket.create_connection(address)

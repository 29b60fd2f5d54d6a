# SCK701 outside test code: the program connects to an address it is handed, which may be
# any host; a peer that vanishes half-open leaves the read waiting for ever.
import socket


def banner(address) -> bytes:
    sock = socket.create_connection(address)  # expect: SCK701
    with sock:
        return sock.recv(128)

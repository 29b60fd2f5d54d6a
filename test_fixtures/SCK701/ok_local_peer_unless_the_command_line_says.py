# SCK701 ok: the peer is on this host unless the command line says otherwise (SCK501 reads
# such hosts the same way): an argument of the script when one is given, else loopback, and
# a flag that is off unless given choosing a remote host.
import argparse
import socket
import sys

SERVER = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"


def fetch(port: int) -> bytes:
    sock = socket.socket()
    sock.connect((SERVER, port))
    return sock.recv(1024)


def fetch_with_flag(port: int) -> bytes:
    parser = argparse.ArgumentParser()
    parser.add_argument("--remote", action="store_true")
    args = parser.parse_args()
    sock = socket.create_connection(("relay.example.net" if args.remote else "localhost", port))
    return sock.recv(1024)

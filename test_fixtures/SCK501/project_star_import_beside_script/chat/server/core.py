# SCK501: a project whose programs are run as scripts from chat/ (its directory comes first
# on sys.path), so ``from common.settings import *`` in chat/server/core.py finds
# chat/common/settings.py: HOST is loopback there, PUBLIC_HOST is every interface.
import socket

from common.settings import *


def serve_local(handle) -> None:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((HOST, PORT))
    listener.listen()
    while True:
        conn, _ = listener.accept()
        handle(conn)


def serve_public(handle) -> None:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((PUBLIC_HOST, PORT))
    listener.listen()
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handle(conn)

import json


def send(sock, message):
    sock.sendall(json.dumps(message).encode())

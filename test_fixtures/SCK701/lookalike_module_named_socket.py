# SCK701 lookalike: `socket` is a project transport module chosen by a branch, not the
# standard module; its socket's connect() is its own.
def fetch(backend: str, host: str, port: int) -> bytes:
    if backend == "relay":
        from overlay.transports import relay as socket
    else:
        from overlay.transports import tunnel as socket
    sock = socket.socket()
    sock.connect((host, port))
    sock.send(b"GET / HTTP/1.0\r\n\r\n")
    return sock.recv(4096)

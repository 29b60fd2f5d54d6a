# SCK602 flag: connect_ex() used like connect() on blocking sockets; the refusal shows up later as a confusing EPIPE/ENOTCONN.
import socket


def notify(host: str, port: int, message: str) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(3.0)
        s.connect_ex((host, port))  # expect: SCK602
        s.sendall(message.encode("utf-8"))


def send_metrics(addr, lines) -> None:
    conn = socket.socket()
    conn.settimeout(5)
    try:
        conn.connect_ex(  # expect: SCK602
            addr
        )
        conn.sendall(b"".join(line.encode() + b"\n" for line in lines))
    finally:
        conn.close()


def suppressed(host: str) -> None:
    # contextlib.suppress() expects nothing: a connect_ex() that returns an error is lost
    import contextlib

    sock = socket.socket()
    with contextlib.suppress(OSError):
        sock.connect_ex((host, 9))  # expect: SCK602
    sock.sendall(b"discard me\n")


def handed_on(host: str, port: int, serve) -> None:
    # the socket leaves the function: the code it is handed to takes it for connected
    sock = socket.socket()
    sock.settimeout(3)
    sock.connect_ex((host, port))  # expect: SCK602
    serve(sock)

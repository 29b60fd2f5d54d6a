# SCK601 flag: with a signal handler installed, a socket that is blocking on some path can
# have a blocking send cut short by the signal, however small the payload (the same sends
# in timeout mode on every path are not reported).
import signal
import socket

stopping = False


def on_term(signum, frame) -> None:
    global stopping
    stopping = True


signal.signal(signal.SIGTERM, on_term)


def ping(host: str, patient: bool, count: int) -> None:
    sock = socket.create_connection((host, 7000))
    if not patient:
        sock.settimeout(5)
    for _ in range(count):
        sock.send(b"PING 1.0\r\n\r\n")  # expect: SCK601
    sock.close()


def ping_in_timeout_mode(host: str, count: int) -> None:
    sock = socket.create_connection((host, 7000), timeout=5)
    for _ in range(count):
        sock.send(b"PING 1.0\r\n\r\n")
    sock.close()

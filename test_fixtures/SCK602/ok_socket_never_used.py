# SCK602 ok: a socket the function only sets up, connects and closes, that never leaves it:
# nothing reads, writes or waits on it, so nothing can take a failed attempt for an open
# connection (a nudge that wakes a server's accept loop, whose failure changes nothing).
import socket


def wake_server(port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as wake:
        wake.settimeout(0.2)
        wake.connect_ex(("127.0.0.1", port))


def knock(host: str, ports) -> None:
    for port in ports:
        probe = socket.socket()
        probe.settimeout(1)
        probe.connect_ex((host, port))
        probe.close()

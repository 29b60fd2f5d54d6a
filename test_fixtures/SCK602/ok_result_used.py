# SCK602 ok: connect_ex() results that are assigned, compared, returned or collected.
import socket


def port_open(host: str, port: int, timeout: float = 1.0) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        return s.connect_ex((host, port)) == 0


def scan(host: str, ports) -> dict:
    results = {}
    for port in ports:
        with socket.socket() as s:
            s.settimeout(0.5)
            results[port] = s.connect_ex((host, port))
    return results


def probe(sock: socket.socket, addr) -> int:
    return sock.connect_ex(addr)


def wait_connected(addr) -> socket.socket:
    sock = socket.socket()
    sock.settimeout(2.0)
    rc = sock.connect_ex(addr)
    if rc != 0:
        sock.close()
        raise ConnectionError(rc, f"cannot reach {addr}")
    return sock

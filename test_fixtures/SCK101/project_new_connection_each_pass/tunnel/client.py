# SCK101: a read of a connection a project factory made in the same pass is read once (ok);
# a factory that may hand out a socket kept from before is not a new connection (flag; these
# loops do not write to it each pass, which would end them once the peer has closed).
from tunnel.net import Pool, TCPConnection, cached, dial


def collect(host: str, port: int, key: bytes, out: list) -> None:
    while True:
        sock = TCPConnection.connect_raw(host, port)
        sock.sendall(key)
        out.append(sock.recv(2048))
        sock.close()


def collect_again(host: str, port: int, key: bytes, out: list) -> None:
    while True:
        sock = dial(host, port)
        sock.sendall(key)
        out.append(sock.recv(2048))
        sock.close()


def collect_cached(host: str, port: int, key: bytes, out: list) -> None:
    while True:
        sock = cached(host, port)
        out.append(sock.recv(2048))  # expect: SCK101


def collect_pooled(pool: Pool, host: str, port: int, key: bytes, out: list) -> None:
    while True:
        sock = pool.get(host, port)
        out.append(sock.recv(2048))  # expect: SCK101

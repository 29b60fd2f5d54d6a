# SCK301 flag: connect_ex() on non-blocking sockets in a port scanner; "writable" is reported as open without reading SO_ERROR.
import errno
import select
import socket


def scan(host: str, ports, timeout: float = 2.0):
    pending = {}
    for port in ports:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        rc = s.connect_ex((host, port))  # expect: SCK301
        if rc in (0, errno.EINPROGRESS, errno.EWOULDBLOCK):
            pending[s] = port
        else:
            s.close()
    open_ports = []
    if pending:
        _, writable, _ = select.select([], list(pending), [], timeout)
        for s in writable:
            open_ports.append(pending[s])
    for s in pending:
        s.close()
    return sorted(open_ports)

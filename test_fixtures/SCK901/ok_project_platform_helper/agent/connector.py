# SCK901 ok: each number is compared under a call of a project function whose body is a platform test (in another module), so it runs only where the number means the errno the code expects.
import errno
import socket

from agent.util import system
from agent.util.system import SysUtil


def send_some(sock: socket.socket, data: bytes) -> int:
    try:
        return sock.send(data)
    except OSError as e:
        if SysUtil.run_on_windows():
            if e.errno == 10035:
                return 0
        elif e.errno == errno.EAGAIN:
            return 0
        raise


def read_some(sock: socket.socket) -> bytes:
    try:
        return sock.recv(4096)
    except OSError as e:
        if SysUtil.run_on_mac() and e.errno == 54:
            return b""
        if not system.is_posix():
            if e.errno == 10054:
                return b""
        raise

# SCK901 flag: the number is compared where the call is no platform test (a parameter, a body of more than one statement, a test of an environment variable) or under the wrong branch of one.
import errno
import os
import socket

from agent.util.system import SysUtil


def send_some(sock: socket.socket, data: bytes) -> int:
    try:
        return sock.send(data)
    except OSError as e:
        if SysUtil.run_on_windows():
            if e.errno == errno.EAGAIN:
                return 0
        elif e.errno == 10035:  # expect: SCK901
            return 0
        raise


def read_some(sock: socket.socket) -> bytes:
    try:
        return sock.recv(4096)
    except OSError as e:
        if SysUtil.is_windows_like(os.name) and e.errno == 10054:  # expect: SCK901
            return b""
        if SysUtil.use_winsock() and e.errno == 10053:  # expect: SCK901
            return b""
        if SysUtil.verbose() and e.errno == 10054:  # expect: SCK901
            return b""
        raise

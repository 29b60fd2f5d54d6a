# SCK901 lookalike: HTTP statuses, process exit codes and socket options compared with numbers; none of them is an errno.
import socket
import subprocess
import urllib.error
import urllib.request


def fetch(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.read()
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return b""
        if e.status in (502, 503, 504):
            raise ConnectionError("upstream unavailable") from e
        raise


def ping(host: str) -> bool:
    try:
        subprocess.run(["ping", "-c", "1", host], check=True, capture_output=True)
    except subprocess.CalledProcessError as e:
        if e.returncode == 1:
            return False
        raise
    return True


def is_stream(sock: socket.socket) -> bool:
    big_buffer = sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF) >= 212992
    return big_buffer and sock.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == 1


def signal_exit(writer) -> None:
    # A multiprocessing pipe end's send(): 232 is Windows' ERROR_NO_DATA, not an errno.
    try:
        writer.send(("exit", None))
    except IOError as err:
        if err.errno != 232:
            raise

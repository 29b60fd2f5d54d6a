# SCK101 flag: a name bound somewhere in the module (an import in a try, a fallback assignment), a name read only on the right of `or` or inside a lambda, and a loop before the unbound read all still run, so their reads are checked as usual.
import socket

try:
    import numpy
except ImportError:
    numpy = None


def send_array(sock: socket.socket) -> bytes:
    payload = numpy.zeros(4).tobytes()
    sock.sendall(payload)
    data = b""
    while len(data) < 4:
        data += sock.recv(4096)  # expect: SCK101
    return data


def maybe(sock: socket.socket, ready: bool) -> bytes:
    ok = ready or not_defined_anywhere
    later = lambda: also_not_defined  # noqa: E731
    data = b""
    while ok:
        data += sock.recv(4096)  # expect: SCK101
    return data + later()


def loop_first(sock: socket.socket) -> bytes:
    data = b""
    while True:
        data += sock.recv(4096)  # expect: SCK101
        if len(data) > 10:
            break
    return render(data)


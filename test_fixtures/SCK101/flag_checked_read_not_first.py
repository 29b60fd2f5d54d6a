# SCK101 flag: a checked read of the same socket that is not first on every path to the
# unchecked one: it comes after it (what runs between may go round first), sits in a branch
# the unchecked read is not in, or in a `try` whose handler lets the pass go on without it.
import socket


def header_last(sock: socket.socket, handle) -> None:
    while True:
        body = sock.recv(1024)  # expect: SCK101
        try:
            handle(int(body))
        except ValueError:
            continue
        header = sock.recv(4)
        if not header:
            break


def header_in_branch(sock: socket.socket, framed: bool, handle) -> None:
    while True:
        if framed:
            header = sock.recv(4)
            if not header:
                break
        body = sock.recv(1024)  # expect: SCK101
        handle(body)


def skipped_by_a_handler(sock: socket.socket, prepare, handle) -> None:
    while True:
        try:
            prepare()
            header = sock.recv(4)
            if not header:
                break
        except OSError:
            pass
        handle(sock.recv(1024))  # expect: SCK101


def other_socket(sock: socket.socket, other: socket.socket, handle) -> None:
    while True:
        header = other.recv(4)
        if not header:
            break
        handle(sock.recv(1024))  # expect: SCK101


def header_outside_inner_loop(sock: socket.socket, handle) -> None:
    """The checked read is in the outer loop; the body is read by an inner loop, which
    spins when the peer closes in the middle of a body."""
    while True:
        header = sock.recv(10)
        if not header:
            break
        size = int(header.decode().strip())
        body = b""
        while len(body) < size:
            body += sock.recv(size - len(body))  # expect: SCK101
        handle(body)


def header_in_try_whose_handler_goes_on(sock: socket.socket, handle) -> None:
    """One handler lets the pass go on without the checked read."""
    while True:
        try:
            kind = sock.recv(1)
        except socket.timeout:
            kind = b"K"
        except OSError:
            break
        if not kind:
            break
        handle(sock.recv(7))  # expect: SCK101


def header_decoded_inside_a_handler(sock: socket.socket, handle) -> None:
    """struct.error of the empty header is caught inside the loop and the pass goes on."""
    import struct

    while True:
        try:
            size = struct.unpack("!b", sock.recv(1))[0]  # expect: SCK101
        except struct.error:
            size = 1024
        handle(sock.recv(size))  # expect: SCK101

# SCK901 flag: the branch the number decides ends otherwise than the code after it (it
# retries on another port, or returns another value), so on macOS, where EADDRINUSE is 48,
# the program takes the other way.
import socket


def start(server: socket.socket, port: int) -> int:
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        server.bind(("", port))
        server.listen()
    except OSError as e:
        if e.errno == 98:  # expect: SCK901
            print("in use, trying the next port")
            return start(server, port + 1)
        print("ERROR: the server failed to start: " + str(e))
        return -1
    return port


def start_or_code(server: socket.socket, port: int) -> int:
    try:
        server.bind(("", port))
    except OSError as e:
        if e.errno == 98:  # expect: SCK901
            print("in use")
            return 2
        print("failed")
        return 1
    return 0


def connect_first(sock: socket.socket, host: str, verbose: bool) -> int:
    err = sock.connect_ex((host, 80))
    if verbose and err == 111:  # expect: SCK901
        print("refused")
        return 1
    return 0


def stop_or_retry(sock: socket.socket) -> bool:
    try:
        sock.recv(4096)
    except OSError as ex:
        if ex.errno == 104:  # expect: SCK901
            sock.close()
            return False
        else:
            print("retrying")
            return True
    return True

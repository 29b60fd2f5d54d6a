# SCK901 ok: the branch the number decides reports and then ends exactly as the code after
# it does (both `return False`): on a platform where the number means something else only
# the message differs.
import socket


def start(server: socket.socket, port: int) -> bool:
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        server.bind(("", port))
        server.listen()
    except OSError as e:
        if e.errno == 98:
            print("ERROR: the address is already in use: " + str(e))
            return False
        print("ERROR: the server failed to start: " + str(e))
        return False
    return True

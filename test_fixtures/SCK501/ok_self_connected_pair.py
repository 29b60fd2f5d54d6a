# SCK501 ok: a socketpair emulation accepts the connection the same function makes to the
# listener's own address; its only client is the program itself.
import socket


def socketpair(family=socket.AF_INET, type=socket.SOCK_STREAM, proto=0):
    listener = socket.socket(family, type, proto)
    listener.bind(("localhost", 0))
    listener.listen(5)
    client = socket.socket(family, type, proto)
    try:
        client.connect(listener.getsockname())
        address = client.getsockname()
        while True:
            conn, peer = listener.accept()
            if peer == address:
                return client, conn
            conn.close()
    except OSError:
        client.close()
        raise
    finally:
        listener.close()


def socketpair_named(family=socket.AF_INET):
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.bind(("localhost", 0))
    listener.listen(5)
    own = listener.getsockname()
    client = socket.socket(family, socket.SOCK_STREAM)
    client.connect(own)
    while True:
        conn, peer = listener.accept()
        if peer == client.getsockname():
            listener.close()
            return client, conn
        conn.close()

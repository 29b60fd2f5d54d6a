# SCK501 lookalike: multiprocessing.connection.Listener.accept() in a loop returns a Connection, not a socket.
from multiprocessing.connection import Listener


def serve_rpc(address, authkey: bytes, dispatch) -> None:
    with Listener(address, authkey=authkey) as listener:
        while True:
            conn = listener.accept()
            with conn:
                try:
                    while True:
                        method, args = conn.recv()
                        conn.send(dispatch(method, *args))
                except EOFError:
                    pass

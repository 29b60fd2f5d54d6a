# SCK502 flag: a bare `except:` with `pass` around accept() in a blocking server loop (also swallows EBADF after close()).
import socket


def main(dispatch) -> None:
    s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("::", 8080))
    s.listen(50)
    while True:
        conn = None
        try:
            conn, _ = s.accept()  # expect: SCK502
        except:
            pass
        if conn is not None:
            dispatch(conn)

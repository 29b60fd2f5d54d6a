# SCK502 flag: the script's listener is named in a function (here a timer's callback that
# closes it), which can run beside the loop: after close() every accept() fails with EBADF
# at once and the loop logs it for ever.
import socket
import threading

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("", 8000))
srv.listen(1)


def stop():
    srv.close()


threading.Timer(60, stop).start()
while True:
    try:
        conn, addr = srv.accept()  # expect: SCK502
        with conn:
            conn.sendall(b"hi")
    except ConnectionAbortedError:
        continue
    except OSError as e:
        print(e)

# SCK502 ok: a script's own listener, made at the top level and named by no function, class
# or lambda of the module (nothing that could run beside the loop can close it), serving
# one connection at a time, closed in a finally before the next accept: its accepts cannot
# use up the descriptors, and nothing closes the listener under the loop.
import logging
import socket

if __name__ == "__main__":
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("", 7000))
    srv.listen(1)
    while True:
        try:
            client_socket, addr = srv.accept()
            logging.info("Connected by %s", addr)
            try:
                client_socket.sendall(b"hello\r\n")
            finally:
                client_socket.close()
        except KeyboardInterrupt:
            break
        except socket.error as msg:
            logging.error(str(msg))

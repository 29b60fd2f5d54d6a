# The module's own demo passes loopback, but another module of the project hands the
# function a host from its configuration: the listener may face the network. Reported.
import socket


def serve_link(ip_address, ip_port, handle):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((ip_address, ip_port))
    sock.listen(5)
    while True:
        conn, _ = sock.accept()  # expect: SCK501
        handle(conn)


if __name__ == "__main__":
    ip = "localhost"
    serve_link(ip, 9000, print)

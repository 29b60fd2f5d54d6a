# SCK701 across modules: a method connects to the host its callers hand in, and every call
# of it in the project, here (the module's own `__main__` code) and in other modules
# (status.py), passes a loopback address: the peer is on this host. A method of the same
# kind that one caller hands a remote host, or that the module also uses as a callback
# (whose calls the project index cannot see), is reported.
import socket
import threading


class Link:
    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

    def connect_to_server(self, ip, port):
        self.sock.connect((ip, port))
        threading.Thread(target=self.receive, daemon=True).start()

    def connect_anywhere(self, ip, port):
        self.sock.connect((ip, port))  # expect: SCK701
        threading.Thread(target=self.receive, daemon=True).start()

    def connect_later(self, ip, port):
        self.sock.connect((ip, port))  # expect: SCK701
        threading.Thread(target=self.receive, daemon=True).start()

    def receive(self):
        while True:
            data = self.sock.recv(4096)
            if not data:
                return
            print(data)


def schedule(link: Link, ip: str):
    timer = threading.Timer(1.0, link.connect_later, args=(ip, 6370))
    timer.start()


if __name__ == "__main__":
    link = Link()
    link.connect_to_server("127.0.0.1", 6370)
    link.connect_anywhere("127.0.0.1", 6370)
    link.connect_later("127.0.0.1", 6370)

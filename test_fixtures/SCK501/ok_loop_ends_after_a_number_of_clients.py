# SCK501 ok: a while loop that ends by itself after a number of passes accepts a known number of clients, as a for loop does: a counter stepped by a literal (tested by the loop's condition or by an `if` of its body that leaves the loop), or a list that every pass grows by one (nothing skips the append or shrinks the list). An abort there is the caller's concern.
import socket


class Game:
    def __init__(self, port: int) -> None:
        self.clients = []
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("0.0.0.0", port))
        self.server.listen()

    def wait_for_players(self, amount: int) -> None:
        while len(self.clients) < amount:
            conn, _ = self.server.accept()
            conn.sendall(b"welcome\n")
            self.clients.append(conn)

    def wait_for_two(self) -> None:
        joined = 0
        while joined < 2:
            conn, _ = self.server.accept()
            self.clients.append(conn)
            joined += 1

    def wait_for_four(self) -> None:
        joined = 0
        while True:
            conn, _ = self.server.accept()
            self.clients.append(conn)
            joined += 1
            if joined == 4:
                break

    def wait_for_receivers(self, handle) -> None:
        # the counter stepped by an assignment (``n = n + 1``), compared with a bound
        # held on the object
        received = 0
        while True:
            conn, _ = self.server.accept()
            handle(conn)
            received = received + 1
            if received == self.maximum:
                break


class Cluster:
    def __init__(self, listener: socket.socket, nodes: int) -> None:
        self.sock = listener
        self.num_nodes = nodes
        self.threads = []

    def gather(self, serve) -> None:
        # the append in a try whose handler swallows the error: a failed pass does not
        # count, and the loop still ends once the list is full
        while len(self.threads) < self.num_nodes:
            connection, address = self.sock.accept()
            try:
                worker = serve(connection, address)
                self.threads.append(worker)
            except RuntimeError:
                print("worker did not start")

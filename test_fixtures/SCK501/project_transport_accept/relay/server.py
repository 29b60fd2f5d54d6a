# The servers: the accept loop is here, the accept() is in the transport.
import threading

from relay.transport import SturdyTransport, TcpTransport, next_client


class Server:
    def __init__(self, address, handle):
        self.transport = TcpTransport(address)
        self.handle = handle

    def serve_forever(self):
        while True:
            client = self.transport.accept()  # expect: SCK501
            threading.Thread(target=self.handle, args=(client,), daemon=True).start()

    def serve_guarded(self):
        while True:
            try:
                client = self.transport.accept()
            except ConnectionAbortedError:
                continue
            threading.Thread(target=self.handle, args=(client,), daemon=True).start()


class SturdyServer:
    def __init__(self, address, handle):
        self.transport = SturdyTransport(address)
        self.handle = handle

    def serve_forever(self):
        while True:
            client = self.transport.accept()
            threading.Thread(target=self.handle, args=(client,), daemon=True).start()


def serve(listener, handle):
    while True:
        client, _ = next_client(listener)  # expect: SCK501
        handle(client)

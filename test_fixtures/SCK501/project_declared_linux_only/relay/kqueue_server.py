# SCK501: code that uses kqueue, which only the BSDs and macOS have, is written for them
# whatever the classifiers say: the code's own evidence wins, and on macOS a connection
# reset while queued fails accept() with ECONNABORTED.
import select
import socket


class KqueueServer:
    def __init__(self, port):
        self.listener = socket.create_server(("", port))
        self.queue = select.kqueue()

    def serve(self, handle):
        while True:
            conn, _ = self.listener.accept()  # expect: SCK501
            handle(conn)

# Accept loops on a transport object: its accept() is the socket's.
import socket
import threading

from gate.transport import JobSource, ServerTransport


class Server:
    def __init__(self, port):
        self.transport = ServerTransport("0.0.0.0", port)
        self.jobs = JobSource()

    def serve(self, handle):
        while True:
            client, addr = self.transport.accept()  # expect: SCK501
            threading.Thread(target=handle, args=(client,), daemon=True).start()

    def serve_safely(self, handle):
        while True:
            try:
                client, addr = self.transport.accept()
            except ConnectionAbortedError:
                continue
            threading.Thread(target=handle, args=(client,), daemon=True).start()

    def work(self, handle):
        while True:
            job, origin = self.jobs.accept()
            handle(job, origin)


def serve_on(transport: ServerTransport, handle):
    while True:
        conn, addr = transport.accept()  # expect: SCK501
        try:
            handle(conn)
        except socket.timeout:
            conn.close()

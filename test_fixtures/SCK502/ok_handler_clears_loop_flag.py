# SCK502 ok: the handler makes the loop's own flag false before the test comes round again,
# by an assignment or by a method of the instance that sets it on every path it returns by
# (directly, through another method, or through super()): the loop ends after any error.
import logging
import socket
import threading


class Runner:
    def __init__(self):
        self.running = True
        self.lock = threading.Lock()

    def stop(self):
        with self.lock:
            self.running = False


class Acceptor(Runner):
    def __init__(self, port):
        super().__init__()
        self.listener = socket.create_server(("", port))

    def shutdown(self):
        try:
            self.listener.close()
        except OSError:
            pass
        super().stop()

    def halt(self):
        self.shutdown()

    def serve_assigning(self, handle):
        while self.running:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                logging.exception("accept failed")
                self.running = False
            else:
                handle(conn)

    def serve_stopping(self, handle):
        while self.running:
            try:
                conn, _ = self.listener.accept()
            except Exception:
                logging.exception("accept failed")
                self.halt()
            else:
                handle(conn)


def serve_until_error(port, handle):
    listener = socket.create_server(("", port))
    done = False
    while not done:
        try:
            conn, _ = listener.accept()
        except OSError:
            done = True
        else:
            handle(conn)

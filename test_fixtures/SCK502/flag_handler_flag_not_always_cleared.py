# SCK502 flag: the flag is not cleared on every path: the method clears it only under a
# test, sets it back, or the handler goes round (`continue`) before it; a flag other than
# the loop's own changes nothing.
import logging
import socket


class Acceptor:
    def __init__(self, port):
        self.running = True
        self.closed = False
        self.listener = socket.create_server(("", port))

    def maybe_stop(self, error):
        if error.errno == 24:
            self.running = False

    def restart(self):
        self.running = True

    def close(self):
        self.closed = True

    def serve_maybe(self, handle):
        while self.running:
            try:
                conn, _ = self.listener.accept()  # expect: SCK502
            except OSError as error:
                self.maybe_stop(error)
            else:
                handle(conn)

    def serve_restarting(self, handle):
        while self.running:
            try:
                conn, _ = self.listener.accept()  # expect: SCK502
            except OSError:
                self.restart()
            else:
                handle(conn)

    def serve_continuing(self, handle, retry):
        while self.running:
            try:
                conn, _ = self.listener.accept()  # expect: SCK502
            except OSError:
                if retry:
                    logging.warning("retrying")
                    continue
                self.running = False
            else:
                handle(conn)

    def serve_other_flag(self, handle):
        while self.running:
            try:
                conn, _ = self.listener.accept()  # expect: SCK502
            except OSError:
                self.close()
            else:
                handle(conn)

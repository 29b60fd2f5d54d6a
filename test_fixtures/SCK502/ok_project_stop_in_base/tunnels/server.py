# SCK502 ok (project): stop() is overridden here and calls the base class's stop() in
# another module, which clears the loop's flag: any accept error ends the loop.
import socket
import traceback

from tunnels.base import Runnable


class TunnelServer(Runnable):
    def __init__(self, port):
        self._sock = None
        self.port = port

    def stop(self):
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        super(TunnelServer, self).stop()

    def run(self, handle):
        sock = socket.create_server(("", self.port))
        self._sock = sock
        self._running = True
        while self._running:
            try:
                conn, _ = sock.accept()
                handle(conn)
            except:
                traceback.print_exc()
                self.stop()

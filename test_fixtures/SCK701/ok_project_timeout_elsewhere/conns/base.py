# Project base classes that set the timeout on the subclass's socket.
from conns import net


class Configurable:
    def _configure(self, sock):
        net.set_timeouts(sock, 30.0)


class Timed:
    def start(self):
        self.sock.settimeout(10)

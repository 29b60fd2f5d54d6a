# SCK201 flag: a GLib watch that asks for writing as well as reading (IO_IN | IO_OUT: the
# callback runs when the socket is only writable), and a watch callback the class also
# calls directly (it may run when nothing is readable).
from gi.repository import GLib


class Pump:
    def __init__(self, sock):
        self.sock = sock
        self.sock.setblocking(False)
        GLib.io_add_watch(self.sock, GLib.IO_IN | GLib.IO_OUT, self.on_ready)

    def on_ready(self, fd, condition):
        data = self.sock.recv(4096)  # expect: SCK201
        return bool(data)


class Poller:
    def __init__(self, sock):
        self.sock = sock
        self.sock.setblocking(False)
        GLib.io_add_watch(self.sock, GLib.IO_IN, self.process)

    def process(self, *args):
        data = self.sock.recv(4096)  # expect: SCK201
        return bool(data)

    def iterate(self):
        self.process()

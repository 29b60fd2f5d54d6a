# SCK201 ok: GLib's main loop runs an I/O watch's callback when its socket is ready:
# GLib.io_add_watch(self.sock, GLib.IO_IN, self.on_readable) (also with a priority before
# the condition, or PyGTK's gobject.io_add_watch) makes the method the socket's read
# callback, as loop.add_reader() does; one read there finds data, a FIN or an error.
import socket

import gobject
from gi.repository import GLib


class Filter:
    def __init__(self, client, service_address):
        self.client = client
        self.to_client, self.to_service = [], []
        self.client.setblocking(False)
        self.watch = GLib.io_add_watch(self.client, GLib.IO_IN | GLib.IO_HUP, self.on_client)
        self.service = socket.socket()
        self.service.connect(service_address)
        self.service.setblocking(False)
        self.service_watch = GLib.io_add_watch(
            self.service, GLib.PRIORITY_DEFAULT, GLib.IOCondition.IN, self.on_service)

    def on_client(self, fd, condition):
        data = self.client.recv(8192)
        if not data:
            return False
        self.to_service.append(data)
        return True

    def on_service(self, fd, condition):
        data = self.service.recv(8192)
        if not data:
            return False
        self.to_client.append(data)
        return True


class OldStyle:
    def __init__(self, sock):
        self.sock = sock
        self.sock.setblocking(False)
        gobject.io_add_watch(self.sock, gobject.IO_IN, self.on_data)

    def on_data(self, source, condition):
        chunk = self.sock.recv(4096)
        return bool(chunk)

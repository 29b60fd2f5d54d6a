# SCK101 flag: functions that do not decode their first parameter first: one that tests
# it for emptiness and returns (the loop goes round), one that decodes another parameter,
# one defined twice in the module (which one runs is not known), and a method called on
# another object than self.
import struct


def tolerant(data):
    if not data:
        return None
    return struct.unpack("!I", data[:4])


def by_second(prefix, data):
    return struct.unpack("!I", data[:4])


def twice(data):
    return struct.unpack("!I", data[:4])


def twice(data):  # noqa: F811
    return None


class Parser:
    def parse(self, data):
        return struct.unpack("!I", data[:4])


def pump(sock, parser):
    while True:
        data = sock.recv(1024)  # expect: SCK101
        tolerant(data)


def pump_second(sock):
    while True:
        data = sock.recv(1024)  # expect: SCK101
        by_second(data, b"")


def pump_twice(sock):
    while True:
        data = sock.recv(1024)  # expect: SCK101
        twice(data)


def pump_other(sock, parser):
    while True:
        data = sock.recv(1024)  # expect: SCK101
        parser.parse(data)

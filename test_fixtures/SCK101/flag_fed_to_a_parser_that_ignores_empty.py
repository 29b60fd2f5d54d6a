# SCK101 flag: h2's H2Connection.receive_data(b"") returns no events and says nothing of
# the end of input, and a loop that never asks h11 whether it needs data reads on: after
# end of file both go round at once, reading b"".
import socket

import h2.connection
import h11


def pump_h2(sock: socket.socket, conn: h2.connection.H2Connection, handle):
    while True:
        data = sock.recv(65536)  # expect: SCK101
        for event in conn.receive_data(data):
            handle(event)


def pump_h11_blindly(sock: socket.socket, conn: h11.Connection, events):
    while True:
        conn.receive_data(sock.recv(65536))  # expect: SCK101
        events.append(conn.next_event())

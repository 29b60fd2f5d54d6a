# SCK101 look-alike: a read loop in the branch where isinstance() shows the object is a
# zmq socket (its recv() waits for the next message and never returns an empty read for a
# closed peer), not a socket; the socket branch's loop is reported.
import zmq


def pump(conn, sink, flags=0):
    if isinstance(conn, zmq.Socket):
        while True:
            sink(conn.recv(flags))
    else:
        while True:
            sink(conn.recv(4096))  # expect: SCK101

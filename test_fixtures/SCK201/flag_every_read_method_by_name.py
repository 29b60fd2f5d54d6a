# SCK201 flag: a parameter named like a socket, switched to non-blocking and then read with
# any of the socket's read methods (recvmsg_into included) with no BlockingIOError handling.


def drain_into(conn, buf):
    conn.setblocking(False)
    return conn.recv_into(buf)  # expect: SCK201


def drain_message(conn, size):
    conn.setblocking(False)
    return conn.recvmsg(size)  # expect: SCK201


def drain_message_into(conn, buffers):
    conn.setblocking(False)
    return conn.recvmsg_into(buffers)  # expect: SCK201

# SCK101 ok: pyOpenSSL's Connection.recv() never returns b"" at end of file: it raises
# ZeroReturnError (clean TLS close) or SysCallError (dropped connection). A loop whose read
# is guarded by a handler for them that leaves the loop is checked, and an object made by
# OpenSSL.SSL.Connection(...) is not a socket.
import socket

import OpenSSL.SSL
from OpenSSL import SSL
from OpenSSL.SSL import Connection, ZeroReturnError


class TlsRelay:
    def __init__(self, sock, ctx, relay):
        self.conn = sock
        self.ctx = ctx
        self.relay = relay

    def wrap(self):
        self.conn = SSL.Connection(self.ctx, self.conn)
        self.conn.set_accept_state()

    def tunnel(self, size):
        while True:
            try:
                data = self.conn.recv(size)
            except SSL.ZeroReturnError:
                return
            self.relay.sendall(data)

    def tunnel_until_error(self, size):
        while True:
            try:
                data = self.conn.recv(size)
            except SSL.Error:  # the base class of ZeroReturnError and SysCallError
                break
            self.relay.sendall(data)


def pump(conn: socket.socket, out):
    while True:
        try:
            chunk = conn.recv(4096)
        except ZeroReturnError:
            break
        except OpenSSL.SSL.SysCallError:
            raise ConnectionError("peer dropped the TLS connection")
        out.write(chunk)


def drain(ctx, raw, out):
    tls_conn = Connection(ctx, raw)
    tls_conn.set_connect_state()
    while True:
        out.write(tls_conn.recv(4096))


def drain_spelled_in_full(ctx, raw, out):
    tls_sock = OpenSSL.SSL.Connection(ctx, raw)
    while True:
        out.write(tls_sock.recv(4096))


class TlsListener:
    # a pyOpenSSL Connection's accept() hands out Connections: no socket either, read here
    # or in a method the connection is handed to
    def serve(self, ctx):
        server = SSL.Connection(ctx, socket.socket(socket.AF_INET, socket.SOCK_STREAM))
        server.bind(("127.0.0.1", 2693))
        server.listen(15)
        while True:
            conn, addr = server.accept()
            try:
                self._handle(conn)
            except SSL.Error:
                pass
            conn.close()

    def _handle(self, conn):
        total = 0
        while total < 100:
            data = conn.recv(2048)
            total += len(data)

    def serve_one(self, ctx):
        server = SSL.Connection(ctx, socket.socket(socket.AF_INET, socket.SOCK_STREAM))
        server.bind(("127.0.0.1", 2694))
        server.listen(1)
        conn, _ = server.accept()
        total = 0
        while total < 100:
            total += len(conn.recv(2048))

# SCK101 flag: look-alikes of a pyOpenSSL read that still return b"" at end of file: the
# standard library's ssl sockets (SSLZeroReturnError is not raised by recv() at a clean
# close, and suppress_ragged_eofs turns an unclean one into b""), a pyOpenSSL handler that
# goes round the loop again, and an attribute that is a plain socket on some paths.
import socket
import ssl

from OpenSSL import SSL


def stdlib_tls(ctx: ssl.SSLContext, host, out):
    conn = ctx.wrap_socket(socket.create_connection((host, 443), timeout=10), server_hostname=host)
    while True:
        try:
            data = conn.recv(4096)  # expect: SCK101
        except ssl.SSLZeroReturnError:
            return
        out.write(data)


def handler_goes_round(conn: socket.socket, out):
    while True:
        try:
            data = conn.recv(4096)  # expect: SCK101
        except SSL.ZeroReturnError:
            continue
        out.write(data)


def unclean_eof_goes_round(conn: socket.socket, out):
    while True:
        try:
            data = conn.recv(4096)  # expect: SCK101
        except SSL.ZeroReturnError:
            return
        except SSL.SysCallError:
            pass
        out.write(data)


def other_errors_go_round(conn: socket.socket, out):
    while True:
        try:
            data = conn.recv(4096)  # expect: SCK101
        except SSL.ZeroReturnError:
            return
        except SSL.Error:  # OpenSSL 3 reports a dropped connection as a plain Error
            continue
        out.write(data)


class Client:
    def connect(self, host, port, ctx=None):
        self.sock = socket.create_connection((host, port), timeout=10)
        if ctx is not None:
            self.sock = SSL.Connection(ctx, self.sock)

    def pump(self, out):
        while True:
            data = self.sock.recv(4096)  # expect: SCK101
            out.write(data)

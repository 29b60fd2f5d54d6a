# SCK203 in test code: not reported. An SSLWantReadError from a non-blocking TLS call
# fails the test that made it, which is what a test does with any unexpected outcome.
import socket
import ssl


def test_reads_after_handshake(tls_pair):
    client, server = tls_pair
    server.sendall(b"hello")
    client.setblocking(False)
    assert client.recv(5) == b"hello"
    data = client.recv(5)
    assert data in (b"", b"x")


def test_wraps(ctx: ssl.SSLContext):
    raw = socket.create_connection(("localhost", 8443), timeout=5)
    tls = ctx.wrap_socket(raw, server_hostname="localhost")
    tls.setblocking(False)
    tls.send(b"GET / HTTP/1.0\r\n\r\n")

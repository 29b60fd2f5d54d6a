# SCK402 ok: on a connection accepted from an AF_UNIX listener, the first write of ours (no
# write before it on any path; a write in the other branch of an `if` does not count) can
# only meet a client that closed with nothing of ours unread, and a Unix stream socket then
# fails the write with EPIPE alone: a handler for BrokenPipeError keeps the server going.
# The read before it is the read before our first write (a `with conn:` block, and an
# accept whose timeout handler ends the pass on both branches of an `if`, change nothing).
import json
import socket


class ControlServer:
    def __init__(self, path: str) -> None:
        self.path = path
        self.stopping = False

    def serve(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(1)
        sock.bind(self.path)
        sock.listen(1)
        while True:
            try:
                conn, _ = sock.accept()
            except socket.timeout:
                if self.stopping:
                    break
                else:
                    continue
            with conn:
                request = json.loads(conn.recv(65536).decode())
                if "manage" in request:
                    try:
                        conn.sendall(json.dumps({"nodes": []}).encode())
                    except BrokenPipeError:
                        print("client left before the reply")
                else:
                    try:
                        conn.sendall(b"queued")
                    except BrokenPipeError:
                        print("client left before the reply")

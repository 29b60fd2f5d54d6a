# SCK402 ok: a status listener on an AF_UNIX socket reads each connection and never writes to
# it. A Unix stream socket gets ECONNRESET only when its peer closes with data of ours still
# unread (Linux); with nothing written, the client's close is end of file.
import json
import os
import socket


def listen(path: str, callback) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(os.path.join(path, "status.sock"))
    sock.listen(1)
    while True:
        connection, _ = sock.accept()
        try:
            data = b""
            while True:
                chunk = connection.recv(1024)
                if not chunk:
                    break
                data += chunk
            callback(json.loads(data))
        finally:
            connection.close()

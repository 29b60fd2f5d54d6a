# SCK401 lookalike: smtplib.SMTP.send() writes to a server, but the object is an SMTP client, not a socket.
import signal
import smtplib
import socket
from smtplib import SMTP

# A command-line mailer: restore the default SIGPIPE so `mailer | head` exits quietly.
signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def probe(host: str) -> int:
    conn = smtplib.SMTP(host, 25, local_hostname=socket.gethostname(), timeout=10)
    try:
        conn.send(b"NOOP\r\n")
        code, _ = conn.getreply()
        return code
    finally:
        conn.quit()


def raw_command(host: str, command: bytes) -> int:
    with SMTP(host, timeout=10) as client_conn:
        client_conn.send(command + b"\r\n")
        return client_conn.getreply()[0]

# SCK201 lookalike: a paramiko Channel has setblocking()/recv(); non-blocking it raises socket.timeout, and it is no socket.
import select
import socket

import paramiko


def run_remote(host: str, user: str, command: str) -> bytes:
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host, username=user, timeout=10)
    try:
        chan = client.get_transport().open_session()
        chan.exec_command(command)
        chan.setblocking(0)
        output = bytearray()
        while not chan.exit_status_ready():
            select.select([chan], [], [], 1.0)
            try:
                output += chan.recv(4096)
            except socket.timeout:
                continue
        while chan.recv_ready():
            output += chan.recv(4096)
        return bytes(output)
    finally:
        client.close()

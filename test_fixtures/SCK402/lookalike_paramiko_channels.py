# SCK402 lookalike: a paramiko SSH server loop; the accepted socket goes to a Transport and I/O runs on channels, not sockets.
import logging
import socket

import paramiko

log = logging.getLogger(__name__)


def serve(port: int, host_key: paramiko.PKey, server: paramiko.ServerInterface) -> None:
    with socket.create_server(("", port)) as srv:
        while True:
            try:
                client, addr = srv.accept()
            except ConnectionAbortedError:
                continue
            transport = paramiko.Transport(client)
            transport.add_server_key(host_key)
            try:
                transport.start_server(server=server)
            except paramiko.SSHException:
                log.warning("SSH negotiation with %s failed", addr)
                transport.close()
                continue
            chan = transport.accept(20)
            if chan is None:
                transport.close()
                continue
            chan.send(b"welcome\r\n")
            command = chan.recv(1024)
            chan.sendall(b"you said: " + command)
            chan.close()
            transport.close()

# SCK501 lookalike: paramiko Transport.accept(timeout) returns SSH channels (or None), not sockets.
import socket
import threading

import paramiko


def serve_ssh(client_sock: socket.socket, host_key: paramiko.PKey, server: paramiko.ServerInterface, handle) -> None:
    transport = paramiko.Transport(client_sock)
    transport.add_server_key(host_key)
    transport.start_server(server=server)
    while transport.is_active():
        chan = transport.accept(20)
        if chan is None:
            continue
        threading.Thread(target=handle, args=(chan,), daemon=True).start()
    transport.close()

# SCK402 flag: a select() server loop that accepts and reads clients in the same loop with no ConnectionResetError handler.
import select
import socket


def serve(port: int) -> None:
    server = socket.create_server(("", port))
    clients = [server]
    while True:
        readable, _, _ = select.select(clients, [], [])
        for sock in readable:
            if sock is server:
                try:
                    conn, addr = server.accept()
                except ConnectionAbortedError:
                    continue
                clients.append(conn)
                continue
            data = sock.recv(4096)  # expect: SCK402
            if not data:
                clients.remove(sock)
                sock.close()
                continue
            sock.sendall(b"+OK " + data)  # expect: SCK402

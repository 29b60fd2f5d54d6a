# SCK101 flag: outside test code a daemon thread's spin is the program's: it burns a CPU
# for as long as the program runs.
import socket
import threading


def pump(conn: socket.socket, sink):
    while True:
        sink.append(conn.recv(4096))  # expect: SCK101


def start(conn: socket.socket, sink):
    threading.Thread(target=pump, args=(conn, sink), daemon=True).start()

# SCK402 ok: the same in a script's own top-level code: a read of a connection accepted this
# pass from an AF_UNIX listener, before anything of ours is written to it, and with no
# function of the module writing to it. The reply written afterwards is still checked.
import socket

SOCKET_PATH = "\0robot-control"

server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(SOCKET_PATH)
server.listen(1)


def restart() -> None:
    print("restarting")


while True:
    conn, addr = server.accept()
    command = conn.recv(1024).decode().strip()
    if command == "restart":
        restart()
    elif command == "status":
        conn.send(b"running")  # expect: SCK402
    conn.close()

# SCK101 flag: a module-level wake-up pair that a function rebinds (declared `global`) or
# whose writer the module closes: the reader may be another socket, or see EOF, and the
# read loop spins on b"".
import selectors
import socket

writer, reader = socket.socketpair()
other_writer, other_reader = socket.socketpair()


def reopen(sock: socket.socket) -> None:
    global reader
    reader = sock


def stop() -> None:
    other_writer.close()


def event_loop(sel: selectors.BaseSelector) -> None:
    writer.send(b"start")
    while True:
        for key, _ in sel.select():
            if key.fileobj is reader:
                reader.recv(1024)  # expect: SCK101
            elif key.fileobj is other_reader:
                other_reader.recv(1024)  # expect: SCK101

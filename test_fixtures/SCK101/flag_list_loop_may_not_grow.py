# SCK101 flag: a list the loop tests that a pass may leave as it was (a continue skips the append) does not bound the loop: at end of file it spins.
import socket


def read_some_chunks(sock: socket.socket, count: int) -> list:
    # the append is skipped when a chunk is empty: at end of file the list stops growing
    chunks = []
    while len(chunks) < count:
        chunk = sock.recv(1024)  # expect: SCK101
        if chunk.startswith(b"#"):
            continue
        chunks.append(chunk)
    return chunks

# SCK101 ok: a loop that leaves when a counter every pass steps by a literal reaches its
# bound, tested by an `if` of the loop's own body (alone or as one side of an `or`), ends
# after a fixed number of passes: at end of file it reads b"" a few more times, then stops.
import socket


def whois(server: str, query: str) -> str:
    response = ""
    passes = 1
    s = socket.create_connection((server, 43), timeout=10)
    s.send((query + "\r\n").encode())
    while True:
        d = s.recv(4096)
        response += d.decode(errors="replace")
        passes += 1
        if d == "" or passes == 5:
            break
    s.close()
    return response


def fetch_pages(sock: socket.socket) -> bytes:
    pages = b""
    count = 0
    while True:
        pages += sock.recv(1024)
        count += 1
        if count >= 16:
            return pages

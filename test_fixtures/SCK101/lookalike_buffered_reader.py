# SCK101 look-alike: a buffered reader that hands out memoryviews. Its reads' results are
# turned into bytes with .tobytes(), which bytes (what a socket's read returns) do not
# have: the object is no socket, whatever its name says.
class Response:
    def __init__(self, sock) -> None:
        self._sock = sock

    def read_chunked(self):
        while True:
            chunk_length = int(self._sock.readline().tobytes().strip(), 16)
            if not chunk_length:
                break
            data = b""
            while chunk_length > 0:
                chunk = self._sock.recv(chunk_length).tobytes()
                data += chunk
                chunk_length -= len(chunk)
            yield data

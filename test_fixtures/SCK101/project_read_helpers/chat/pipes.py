# Look-alike: a helper returning what a pipe connection's recv() gives, in a subclass's loop.
from multiprocessing import Pipe


class PipeChannel:
    """A connection handed in or made by ``Pipe()``: its recv() takes no size, and a
    socket's recv() always needs one, so the helper returns no socket read."""

    def __init__(self, pipe_conn=None):
        self.conn, self.peer_conn = pipe_conn or Pipe()

    def _recv_with_timeout(self, timeout):
        if timeout is None or self.conn.poll(timeout):
            return self.conn.recv()
        raise TimeoutError


class ChunkChannel(PipeChannel):
    def recv_chunks(self, count, timeout=None):
        while count > 0:
            size = self._recv_with_timeout(timeout)
            count -= size

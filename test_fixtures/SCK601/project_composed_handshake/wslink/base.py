# SCK601 project: a base class whose flush() writes on the socket its subclass keeps, so a
# subclass's send is not known to be the first write.
import socket
from typing import Optional


class Buffered:
    sock: Optional[socket.socket] = None

    def __init__(self) -> None:
        self.pending = b""

    def flush(self) -> None:
        if self.sock is not None and self.pending:
            self.pending = self.pending[self.sock.send(self.pending):]

# SCK101 look-alike: a TLS stack of the project's own whose context makes its socket with
# wrap_socket() and nothing to wrap. The ssl module's SSLContext.wrap_socket() takes the
# socket it wraps, so this is some other library's object, not an SSLSocket.
from .tls import TLSContext


class WebSocketClient:
    async def connect(self, address) -> None:
        context = TLSContext("chrome")
        self.sock = context.wrap_socket()
        await self.sock.connect(address)

    async def read_frame(self, msg_len: int) -> bytes:
        msg = b""
        while len(msg) < msg_len:
            msg += await self.sock.recv(msg_len)
        return msg

# SCK402 lookalike: accepted sockets wrapped in a websocket class at once; send()/receive() are the wrapper's, not the socket's.
import socket


class WebSocketConnection:
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def receive(self) -> str:
        raise NotImplementedError

    def send(self, text: str) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self._sock.close()


def serve(port: int) -> None:
    with socket.create_server(("", port)) as srv:
        while True:
            try:
                raw, addr = srv.accept()
            except ConnectionAbortedError:
                continue
            ws = WebSocketConnection(raw)
            try:
                ws.send("hello " + ws.receive())
            except ValueError:
                pass  # malformed frame: drop the client
            finally:
                ws.close()

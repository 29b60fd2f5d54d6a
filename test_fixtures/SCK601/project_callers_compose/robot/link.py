"""SCK601 project fixture: a send helper whose payload is its parameter, judged by the
calls the project makes of it. A socket in timeout mode takes a composed command whole;
a helper that some caller hands bulk data (a file's contents), a string grown in a loop, or
arguments through ``*args`` is not bounded."""
import socket


class Link:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port), timeout=10.0)

    def send_command(self, cmd: str) -> str:
        self.sock.send(cmd.encode("utf-8"))
        return self.sock.recv(1024).decode()

    def _send_line(self, line: str) -> None:
        self.sock.send(bytes(line, "utf-8"))

    def _send_ascii(self, line: str) -> None:
        self.sock.send(bytearray(line, "ascii"))

    def quit(self) -> None:
        self._send_line("quit\n")
        self._send_ascii("bye\n")

    def execute(self, cmd: str) -> None:
        self._send_line(cmd + "\n")

    def send_blob(self, blob: bytes) -> None:
        self.sock.send(blob)  # expect: SCK601

    def send_program(self, program: str) -> None:
        self.sock.send(program.encode())  # expect: SCK601

    def send_any(self, payload: bytes) -> None:
        self.sock.send(payload)  # expect: SCK601

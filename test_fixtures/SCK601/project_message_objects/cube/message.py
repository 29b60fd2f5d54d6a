class Message:
    def __init__(self, cmd: str, arg: str = "") -> None:
        self.cmd = cmd
        self.arg = arg

    def encode(self) -> bytes:
        return f"{self.cmd}:{self.arg}\r\n".encode("utf-8")


class Blob:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def encode(self) -> bytes:
        return self.data

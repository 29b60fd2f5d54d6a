# The settings of the service: dataclass fields whose defaults the program uses unless a
# configuration file or the command line says otherwise.
from dataclasses import dataclass, field


@dataclass
class ThreadConfig:
    max_connections: int = 64


@dataclass
class ProxyConfig:
    host: str = "127.0.0.1"
    port: int = 8080
    upstream: str = "127.0.0.1"
    threads: ThreadConfig = field(default_factory=ThreadConfig)

    def to_dict(self) -> dict:
        return {"host": self.host, "port": self.port}


@dataclass
class PublicConfig:
    host: str = "0.0.0.0"
    port: int = 8081
    upstream: str = "backend.example.org"


class ManualConfig:
    """Its own __init__ sets the host: the index does not read what it assigns, so the
    class default is not taken as the field's value."""

    host = "127.0.0.1"

    def __init__(self, host: str) -> None:
        self.host = host

"""SCK101 project fixture: what is a socket is decided by the project's own definitions,
wherever they live: factories, wrapper classes, base classes, properties, annotations."""
from wire.transport import open_stream as dial

__all__ = ["dial"]

from wire.transport.factory import open_datagram, open_stream

__all__ = ["open_datagram", "open_stream"]

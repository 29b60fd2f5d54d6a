from wire.transport.factory import TunedSocket


class KeptSocket(TunedSocket):
    """A socket subclass through a project base in another module."""

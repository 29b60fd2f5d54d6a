# The package's __init__ imports its sibling the Python 2 way: Python 3 finds no top-level
# ``peer`` module, so ``import relay`` fails, and so does the import of any module of the
# package, which runs this __init__ first.
from peer import Peer

__all__ = ["Peer"]

# The package imports its client relatively; the client imports its siblings the Python 2
# way, so on Python 3 ``import netlink`` fails and none of the client's code runs.
from .client import Client
from .compat import CompatClient
from .errors import Gone

__all__ = ["Client", "CompatClient", "Gone"]

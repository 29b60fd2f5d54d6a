"""The questions rules ask, answered from one module's walk (``walk.ModuleModel``).

``Facts`` is the one object rules use. Each group of questions lives in the module that
answers it:

- identity: is the receiver of this call a socket (known / likely / not)? Stream or
  datagram? SSL?
- flow: what is its blocking state at this call? Can a send() write part of its data?
- handlers: which handler catches exception X raised by this call, and what does that
  handler do when the error is errno E (raise, return, break, continue, fall through,
  close, sleep)?
- errnos: which errno names does an expression stand for?
"""

from __future__ import annotations

from lint_sockets.analysis.errnos import ErrnoFacts
from lint_sockets.analysis.flow import (
    BLOCKING, CTOR, ENTRY, NONBLOCKING, SIGNAL, SNDTIMEO, TIMEOUT, FlowFacts,
)
from lint_sockets.analysis.handlers import (
    BREAK, CLOSE, CONTINUE, FALL, RAISE, RETURN, SLEEP, TERMINAL, Handler, HandlerFacts,
    Outcome, SuppressFrame, TryFrame,
)
from lint_sockets.analysis.identity import (
    DEFAULT_SOCKET_NAMES, KNOWN, LIKELY, NOT_SOCKET, UNKNOWN, Evidence, IdentityFacts,
    SocketInfo,
)


class Facts(IdentityFacts, FlowFacts, HandlerFacts, ErrnoFacts):
    """Everything rules ask about one module."""

    def __init__(self, model, settings, source=None):
        self.model = model
        self.source = source  # the file's text (str or bytes), for cheap "does it mention X"
        self.imports = model.imports
        self.settings = settings
        from lint_sockets.settings import compile_socket_names  # linear-time matching

        self.name_pattern = compile_socket_names(settings.socket_names or DEFAULT_SOCKET_NAMES)
        self._info_cache = {}
        self._aliases = {}
        self._errno_names = {}
        self._usage = None
        self._local_classes = {c.name: c for c in model.classes}
        self._other_names = None
        self._signal_handler = None

    # ---- module-wide facts -----------------------------------------------------------

    def mentions(self, word):
        """True if the module's code contains ``word`` outside comments (as a name, an
        attribute or in a string)."""
        source = self.source
        if source is None:
            return True  # unknown: assume it does, so no rule fires on a guess
        if isinstance(source, bytes):
            source = source.decode("latin-1")  # byte-for-byte: enough to find ASCII names
        start = source.find(word)
        while start != -1:
            line_start = source.rfind("\n", 0, start) + 1
            if "#" not in source[line_start:start]:
                return True
            start = source.find(word, start + 1)
        return False


__all__ = [
    "Facts", "SocketInfo", "KNOWN", "LIKELY", "NOT_SOCKET", "UNKNOWN", "NONBLOCKING",
    "BLOCKING", "TIMEOUT", "SNDTIMEO", "SIGNAL", "RAISE", "RETURN", "BREAK", "CONTINUE",
    "FALL", "CLOSE", "SLEEP",
    "Handler", "TryFrame", "SuppressFrame", "Outcome", "CTOR", "ENTRY", "TERMINAL", "Evidence",
    "DEFAULT_SOCKET_NAMES",
]

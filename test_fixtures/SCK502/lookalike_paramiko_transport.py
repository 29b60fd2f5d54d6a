# SCK502 lookalike: paramiko Transport.accept() in a loop with `except Exception: continue`; it returns channels, not sockets.
import logging

import paramiko

log = logging.getLogger(__name__)


def channel_loop(transport: paramiko.Transport, handle) -> None:
    while transport.is_active():
        try:
            chan = transport.accept(timeout=30)
        except Exception:
            log.exception("channel request failed")
            continue
        if chan is not None:
            handle(chan)

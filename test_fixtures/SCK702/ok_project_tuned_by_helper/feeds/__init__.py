"""SCK702 project fixture: the keepalive timers, or a read timeout, are set right after
SO_KEEPALIVE by a helper of another module (called directly or through a method), or the
timeout parameter cannot be None."""

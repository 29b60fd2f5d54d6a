"""SCK702 project fixture: a helper of another module (or a method calling it) applies the
caller's TCP-level options to the socket that turns keepalive on: the timers may be among
them."""

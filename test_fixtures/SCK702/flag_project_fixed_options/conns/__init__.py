"""SCK702 project fixture: the helpers set options that cannot be the keepalive timers
(a fixed TCP option, caller-chosen socket-level options), or are never given the socket
that turns keepalive on."""

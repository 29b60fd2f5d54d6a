"""SCK702 project fixture: keepalive on, and neither the timers nor a read timeout set on the
socket, by this code or by the helpers it calls; a timeout parameter that defaults to None is
no read timeout."""

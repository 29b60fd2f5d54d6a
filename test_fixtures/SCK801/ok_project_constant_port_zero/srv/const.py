# Port 0: the kernel picks a free ephemeral port.
DEFAULT_ADDR = ("127.0.0.1", 0)

# Constants only: no socket here (every interface: the loopback exemption does not apply).
ADDRESS = ("", 8080)
BACKLOG = 128

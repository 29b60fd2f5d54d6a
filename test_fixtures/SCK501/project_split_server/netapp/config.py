# Constants only: no socket here.
ADDRESS = ("127.0.0.1", 8080)
BACKLOG = 128

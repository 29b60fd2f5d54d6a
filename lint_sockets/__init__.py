"""lint-sockets: find the socket error-handling mistakes that tests never exercise."""

__version__ = "0.1.0"

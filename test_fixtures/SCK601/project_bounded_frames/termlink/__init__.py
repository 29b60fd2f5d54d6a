"""A telnet-like client whose protocol frames are built in another module."""

# The socket types of the project, named once and imported where sockets are made.
import socket

UDP = socket.SOCK_DGRAM
DGRAM = DATAGRAM = socket.SOCK_DGRAM  # one value, named twice
TCP = socket.SOCK_STREAM

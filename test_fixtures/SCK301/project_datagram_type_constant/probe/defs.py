# The socket types of the project, named once and imported where sockets are made.
import socket

UDP = socket.SOCK_DGRAM
TCP = socket.SOCK_STREAM

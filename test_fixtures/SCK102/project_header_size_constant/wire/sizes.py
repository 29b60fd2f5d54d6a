# Header sizes of the protocol, imported by the client.
HEADER_SIZE = 4
FRAME_HEAD_SIZE = 64

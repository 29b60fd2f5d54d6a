import struct

NO_TIMEOUT = struct.pack("ll", 0, 0)  # (infinite)
TWO_SECONDS = struct.pack("ll", 2, 0)

"""Python 2 and 3 compatibility helpers."""
import sys

if sys.version_info < (3,):
    def b(x):
        return bytearray(x)
else:
    def b(x):
        return x


def padded(x):
    return x or b"\0"

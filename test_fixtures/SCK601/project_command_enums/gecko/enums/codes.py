# Command codes of a device protocol, in a directory with no __init__.py inside the package
# (a namespace package, imported as gecko.enums.codes).
from enum import Enum


class Commands(Enum):
    POKE = b"\x01"
    READ = b"\x04"
    RESET = b"\x07\x07"


class Codes:
    PING = b"\x09"
    BANNER = b"\x0a"
    BANNER = b"\x0a\x0b"  # bound twice: no longer one constant

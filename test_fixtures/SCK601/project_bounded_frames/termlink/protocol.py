# SCK601 project: frames built here, sent from client.py on a socket in timeout mode.
# A frame whose every return has a size this module fixes is bounded; one that carries
# caller data is not.
import struct

import six

IAC = b"\xff"
WILL = b"\xfb"
MAGIC = b"  V2"
HEADER = six.b("\xff" * 4)
STATUS = HEADER + six.b("getstatus")
HELLO = ("HELLO " + "v2\r\n").encode("ascii")
HUGE = b"x" * 100_000


def option_reply(option: int) -> bytes:
    return IAC + WILL + bytes([option])


def option_answer(command: bytes, option: int) -> bytes:
    return IAC + command + bytes([option])  # the caller's bytes: not bounded here


def window_size(width: int, height: int) -> bytes:
    reply = IAC + b"\xfa\x1f" + struct.pack("!HH", width, height)
    return reply + IAC + b"\xf0"


def command(text: str) -> bytes:
    return text.encode() + b"\r\n"


def padded(count: int) -> bytes:
    frame = MAGIC
    frame += b"\x00" * count
    return frame

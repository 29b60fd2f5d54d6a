# SCK101 flag: names from `from socket import *` resolve to the socket module; a netcat-style copy loop never sees EOF.
import sys
from socket import *


def cat(host: str, port: int) -> None:
    s = socket(AF_INET, SOCK_STREAM)
    s.settimeout(30)
    s.connect((host, port))
    out = sys.stdout.buffer
    try:
        while True:
            out.write(s.recv(4096))  # expect: SCK101
            out.flush()
    finally:
        s.close()


if __name__ == "__main__":
    cat(sys.argv[1], int(sys.argv[2]))

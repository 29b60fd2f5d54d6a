# SCK101 ok: the bytes a read returns are decoded straight away by code that cannot decode
# nothing: struct.unpack() with a format of at least one byte raises struct.error, b""[0]
# raises IndexError, json.loads(b"") ValueError, pickle.loads(b"") EOFError, ord(b"")
# TypeError. At end of file the loop ends with that exception instead of spinning (an
# unhandled end of file is a different bug, not this rule's). The decoding is in the same
# statement as the read, or in the statement right after it, always evaluated.
# (SCK102 reports the fixed-size reads decoded as if complete: another question.)
import json
import pickle
import socket
import struct
from struct import unpack


def frames(sock: socket.socket) -> None:
    while True:
        (length,) = struct.unpack("!I", sock.recv(4))  # expect: SCK102
        print(length)


def frames_named(sock: socket.socket) -> None:
    while True:
        header = sock.recv(8)  # expect: SCK102
        kind, length = unpack("!II", header)
        print(kind, length)


def opcodes(sock: socket.socket) -> None:
    while True:
        op = sock.recv(1)
        if op[0] == 0x01:
            print("ping")


def first_byte(sock: socket.socket) -> None:
    while True:
        print(sock.recv(16)[0])


def messages(sock: socket.socket) -> None:
    while True:
        message = json.loads(sock.recv(65536))
        print(message)


def objects(sock: socket.socket) -> None:
    while True:
        data = sock.recv(65536)
        print(pickle.loads(data))


def codes(sock: socket.socket) -> None:
    while True:
        code = ord(sock.recv(1))
        print(code)


def handled_outside(sock: socket.socket) -> None:
    try:
        while True:
            header = sock.recv(4)  # expect: SCK102
            (length,) = struct.unpack("!I", header)
            print(length)
    except struct.error:
        return  # the end of file, seen as a short header: the loop is over


def handled_and_left(sock: socket.socket) -> None:
    while True:
        try:
            header = sock.recv(4)  # expect: SCK102
            (length,) = struct.unpack("!I", header)
        except struct.error:
            break
        print(length)


def numbers(sock: socket.socket, base: int, handle) -> None:
    # int(b"") and int("") raise ValueError, and so does float()
    while True:
        amount = int(sock.recv(1024).decode()) + base
        handle(amount)
        handle(float(sock.recv(64)))


def reraised_and_left(sock: socket.socket, log) -> None:
    # the inner handler re-raises; the outer one, inside the loop, ends it
    while True:
        try:
            try:
                message = json.loads(sock.recv(65536))
            except ValueError:
                log("bad message")
                raise
        except Exception:
            break
        print(message)


def reraised_as_exit(sock: socket.socket) -> None:
    # what the handler raises is no Exception: the outer handler does not catch it
    while True:
        try:
            try:
                message = json.loads(sock.recv(65536))
            except ValueError:
                raise SystemExit(1)
        except Exception:
            continue
        print(message)


def sliced_header(conn: socket.socket, handle) -> None:
    while True:
        try:
            data = conn.recv(1024)
            lengths = struct.unpack("ii", data[:8])
            body = data[8:8 + sum(lengths)]
        except Exception:
            break
        handle(body)


def irc_codes(sock: socket.socket) -> None:
    # b"".decode() is "", and "".split() is []: the second word is not there (IndexError)
    while True:
        data = sock.recv(4096).decode("utf-8")
        code = data.split()[1]
        if code == "376":
            break


def fields(sock: socket.socket) -> None:
    # "".split(",") is [""]: it has no field 1
    while True:
        line = sock.recv(512).strip()
        print(line.split(b",")[1])


def reported_first(conn: socket.socket, log) -> None:
    # a statement that only prints or logs the bytes comes between: the decoder still runs
    # right after the read
    while True:
        data = conn.recv(4096)
        print("received", len(data), "bytes")
        log.debug("raw: %r", data.decode(errors="replace"))
        message = json.loads(data)
        log.info(message)


def decoded_in_a_try(conn: socket.socket, handle) -> None:
    # the decoder opens a try whose every handler leaves the loop: an empty read makes
    # json.loads raise, and the handler ends the loop
    while True:
        data = conn.recv(4096)
        try:
            message = json.loads(data.decode("utf-8"))
        except ValueError:
            print("not JSON, disconnecting")
            conn.close()
            break
        except Exception:
            return
        handle(message)


def decoded_in_a_try_that_does_not_catch_it(conn: socket.socket, store) -> None:
    # the decoder's try catches only AttributeError: pickle.loads(b"") raises EOFError,
    # which leaves the try, and nothing in the loop catches it
    while True:
        data = conn.recv(4096)
        try:
            store.data = pickle.loads(data)
        except AttributeError:
            print("bad data")


def decoded_through_a_kept_copy(conn: socket.socket, handle) -> None:
    # the decoded copy of b"" is "", and json.loads("") raises ValueError out of the loop
    while True:
        try:
            raw = conn.recv(1024)
            print(raw)
            raw_decoded = raw.decode("utf-8")
            message = json.loads(raw_decoded)
            handle(message)
        except socket.timeout:
            continue

# SCK101 flag: reads whose end of file is not ended by a decoder: the exception is caught
# inside the loop and the loop goes round again, the decoding is conditional or comes after
# other statements, or it cannot fail on b"" (a slice, a format of no bytes).
import json
import socket
import struct
import time


def swallowed(sock: socket.socket) -> None:
    while True:
        header = sock.recv(4)  # expect: SCK101 SCK102
        try:
            (length,) = struct.unpack("!I", header)
        except struct.error:
            continue
        print(length)


def caught_broadly(sock: socket.socket) -> None:
    while True:
        try:
            message = json.loads(sock.recv(65536))  # expect: SCK101
        except Exception:
            pass
        else:
            print(message)


def conditional(sock: socket.socket, raw: bool) -> None:
    while True:
        data = sock.recv(4)  # expect: SCK101 SCK102
        value = data if raw else struct.unpack("!I", data)
        print(value)


def later(sock: socket.socket) -> None:
    buffer = b""
    while True:
        data = sock.recv(4)  # expect: SCK101 SCK102
        buffer += data
        print(struct.unpack("!I", data))


def sliced(sock: socket.socket) -> None:
    while True:
        data = sock.recv(16)  # expect: SCK101
        print(data[0:1])


def empty_format(sock: socket.socket) -> None:
    while True:
        print(struct.unpack("", sock.recv(16)))  # expect: SCK101 SCK102


def right_of_or(sock: socket.socket, fallback: bytes) -> None:
    while True:
        data = sock.recv(4)  # expect: SCK101
        print(fallback or data[0])


def first_field(sock: socket.socket) -> None:
    # "".split(",") is [""]: field 0 (and -1) is there, empty, and the loop goes round
    while True:
        data = sock.recv(512).decode()  # expect: SCK101
        print(data.split(",")[0], data.split(",")[-1])


def split_later(sock: socket.socket) -> None:
    # the split is not the statement after the read: the loop may go round first
    while True:
        data = sock.recv(512).decode()  # expect: SCK101
        if not sock:
            continue
        print(data.split()[1])


def reraised_then_caught(sock: socket.socket, log) -> None:
    # the inner handler re-raises, and the outer one, still inside the loop, goes on
    while True:
        try:
            try:
                message = json.loads(sock.recv(65536))  # expect: SCK101
            except ValueError:
                log("bad message")
                raise
            print(message)
        except Exception:
            continue


def reported_through_a_call(conn: socket.socket, log, handle) -> None:
    # the statement in between calls something else too: it may skip the decoding
    while True:
        data = conn.recv(4096)  # expect: SCK101
        log.debug("handled: %r", handle(data))
        message = json.loads(data)
        log.info(message)


def decoded_in_a_try_that_goes_on(conn: socket.socket, handle, log) -> None:
    # one handler of the decoder's try goes on with the loop: the empty read comes back
    while True:
        data = conn.recv(4096)  # expect: SCK101
        try:
            message = json.loads(data)
        except ValueError:
            log.warning("bad message")
            continue
        except KeyError:
            break
        handle(message)


def decoded_in_a_try_with_finally(conn: socket.socket, handle) -> None:
    # a finally may go on anyway (and the handler only passes)
    while True:
        data = conn.recv(4096)  # expect: SCK101
        try:
            message = json.loads(data)
        except ValueError:
            pass
        finally:
            handle(None)


def decoded_in_a_try_of_a_project_error(conn: socket.socket, handle, ProtocolError) -> None:
    # a handler naming a class that is not a built-in or standard one may catch anything
    while True:
        data = conn.recv(4096)  # expect: SCK101
        try:
            message = json.loads(data)
        except ProtocolError:
            continue
        handle(message)


def decoded_in_a_try_of_a_parent(conn: socket.socket, handle) -> None:
    # ValueError is JSONDecodeError's parent: the handler catches it and goes on
    while True:
        data = conn.recv(4096)  # expect: SCK101
        try:
            message = json.loads(data)
        except (KeyError, ValueError):
            continue
        handle(message)


def sleeps_only_on_some_passes(sock: socket.socket, handle) -> None:
    # the pass of an empty read skips the sleep: it goes round at once
    while True:
        data = sock.recv(4096)  # expect: SCK101
        if handle(data):
            continue
        time.sleep(1)


def sleeps_in_a_branch(sock: socket.socket, handle, busy) -> None:
    # a sleep under a test is not a sleep of every pass
    while True:
        data = sock.recv(4096)  # expect: SCK101
        handle(data)
        if busy():
            time.sleep(1)


def waits_for_data_while_sleeping(sock: socket.socket) -> bytes:
    # the loop waits for the read's data: at end of file it sleeps and reads b"" for ever
    header = b""
    while not header:
        time.sleep(1)
        header = sock.recv(6)  # expect: SCK101
    return header


def yields_only(sock: socket.socket, handle) -> None:
    # time.sleep(0) only yields the processor: the loop still spins at end of file
    while True:
        data = sock.recv(4096)  # expect: SCK101
        handle(data)
        time.sleep(0)


def sleeps_in_the_finally_of_another_try(sock: socket.socket, handle) -> None:
    # the `finally` belongs to a try after the read, which a `continue` skips
    while True:
        data = sock.recv(4096)  # expect: SCK101
        if handle(data):
            continue
        try:
            handle(b"")
        finally:
            time.sleep(1)


def decoded_through_a_call_that_may_fill_it(conn: socket.socket, normalize, handle) -> None:
    # a copy made by a call of unknown behaviour may not be empty when the read is
    while True:
        raw = conn.recv(1024)  # expect: SCK101
        text = normalize(raw)
        handle(json.loads(text))

# No socket call and no socket name in this module's text: only the project index shows
# that read_some() hands out an unchecked recv() of a socket that dial() made.
from netlib.wire import dial, read_or_none, read_some


def pump(host, port, out):
    link = dial(host, port)
    while True:
        out.append(read_some(link))  # expect: SCK101


def pump_checked(host, port, out):
    link = dial(host, port)
    while True:
        chunk = read_some(link)
        if not chunk:
            break
        out.append(chunk)


def pump_helper_checks(host, port, out):
    link = dial(host, port)
    while True:
        chunk = read_or_none(link)
        if chunk is None:
            break
        out.append(chunk)

# Imports only a project helper that has nothing to do with sockets: nothing to report.
from netlib.wire import words


def count(lines, out):
    while lines:
        out.append(len(words(lines.pop())))

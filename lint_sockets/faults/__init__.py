"""Fault replay: re-run a project's own passing tests with one socket fault at one call site.

The pytest plugin in ``plugin.py`` is registered through the ``pytest11`` entry point and
stays inactive (it only adds its options) unless ``--socket-faults`` is given.
``inject.py`` wraps the socket methods, ``replay.py`` runs each faulted test in a child
process and judges the outcome, ``report.py`` maps faults to rules and writes the reports.
"""

# Fault names, in the order runs are tried and reported.
FAULTS = ("short-send", "short-recv", "eagain", "accept-abort", "eof", "reset", "timeout",
          "connect-fail")

# What the kernel may do to correct code at any time: under these, any change in a test's
# outcome is a bug in the code under test.
LEGAL = frozenset({"short-send", "short-recv", "eagain", "accept-abort"})

# The peer failing: a test may rightly fail, but a hang, a spin or a thread killed by an
# exception is a bug.
PEER = frozenset({"eof", "reset", "timeout", "connect-fail"})

"""The pytest plugin (entry point ``pytest11``): ``--socket-faults`` re-runs each passing test
with one socket fault at one call site in the code under test and reports what broke.

Without ``--socket-faults`` it only adds its options: nothing is wrapped and nothing else is
imported."""

import argparse

import pytest

_HELP_FAULTS = ("short-send, short-recv, eagain, accept-abort, eof, reset, timeout, "
                "connect-fail")


def pytest_addoption(parser):
    group = parser.getgroup("socket-faults", "lint-sockets fault replay")
    group.addoption(
        "--socket-faults", action="store", nargs="?", const="all", default=None,
        metavar="FAULT,...",
        help="after the run, re-run each passing test with one socket fault at one call "
             f"site of the code under test and report what broke. Faults: {_HELP_FAULTS} "
             "(default: all). Give them as --socket-faults=eof,reset.")
    group.addoption(
        "--socket-faults-in", action="append", default=[], metavar="PATH",
        help="the code under test: faults are injected only at socket calls made from "
             "files below PATH (repeatable). Default: the rootdir, without test "
             "directories and files, virtualenvs, build directories and site-packages.")
    group.addoption(
        "--socket-faults-max-runs", type=int, default=50, metavar="N",
        help="at most N faulted runs per test (default 50).")
    group.addoption(
        "--socket-faults-timeout", type=float, default=5.0, metavar="SECONDS",
        help="a faulted run still going this long after its test started is a hang, or a "
             "spin if it kept the CPU busy (default 5; at least 3 times the test's own "
             "time).")
    group.addoption(
        "--socket-faults-per-site", type=int, default=1, metavar="N",
        help="replay each fault at each site with the first N tests that reach it "
             "(default 1; 0: with every test that reaches it).")
    group.addoption(
        "--socket-faults-call", type=int, default=1, metavar="N",
        help="fault the N-th call at a site instead of the first (default 1).")
    group.addoption(
        "--socket-faults-seed", type=int, default=0, metavar="SEED",
        help="seed for the sizes of short reads and writes (default 0).")
    group.addoption(
        "--socket-faults-report", default=None, metavar="FILE",
        help="write the findings as JSON: a list of objects with test, fault, file, line, "
             "outcome and rule.")
    group.addoption(
        "--socket-faults-from", default=None, metavar="FILE",
        help="lint-sockets json output: fault only the flagged lines, with the faults that "
             "match each rule, and say which findings the tests confirm.")
    group.addoption("--socket-faults-child", default=None, help=argparse.SUPPRESS)


def pytest_configure(config):
    child = config.getoption("socket_faults_child", None)
    if child:
        import json

        from lint_sockets.faults.replay import ChildSide

        with open(child, encoding="utf-8") as handle:
            spec = json.load(handle)
        side = ChildSide(config, spec)
        side.start()
        config.pluginmanager.register(_ChildHooks(side), "socket-faults-child")
        return
    if config.getoption("socket_faults", None) is None:
        return
    from lint_sockets.faults.controller import Controller

    controller = Controller(config)
    config.pluginmanager.register(controller, "socket-faults")
    controller.start()


class _ChildHooks:
    def __init__(self, side):
        self.side = side

    def pytest_collection_modifyitems(self, session, config, items):
        self.side.pytest_collection_modifyitems(session, config, items)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_protocol(self, item, nextitem):
        self.side.pytest_runtest_protocol(item, nextitem)
        return True

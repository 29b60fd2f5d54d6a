"""The rule registry: every rule's code, name, message and check, in one place.

``--select``/``--ignore``, noqa, the flake8 plugin, ``lint-sockets rules`` and every output
format read this registry, so a new rule needs no code anywhere else.

What a rule is (code, name, texts, default, fix) is written here; how it finds its cases
(its check and its gate) lives in its module's ``CHECKS``, imported the first time a check
or a gate is asked for. So a run that analyses nothing (every result from the cache,
``lint-sockets rules``, ``--show-settings``) imports neither the rules' modules nor
libcst, which they need.
"""

import importlib


class Rule:
    __slots__ = ("code", "module", "name", "summary", "message", "default", "fix", "_found")

    def __init__(self, code, module, name, summary, message, default=True, fix="none"):
        self.code = code
        self.module = module  # lint_sockets.rules.<module>.CHECKS has its check and gate
        self.name = name
        self.summary = summary  # one line, for `lint-sockets rules`
        self.message = message  # template, formatted with the finding's fields
        self.default = default  # on unless selected explicitly
        self.fix = fix  # none / safe / unsafe
        self._found = None

    def _checks(self):
        if self._found is None:
            if self.module is None:
                self._found = (None, None)
            else:
                module = importlib.import_module(f"lint_sockets.rules.{self.module}")
                self._found = module.CHECKS[self.code]
        return self._found

    @property
    def check(self):
        """callable(facts, report), or None: SCK000 and SCK100 come from the engine."""
        return self._checks()[0]

    @property
    def gate(self):
        """callable(analysis.facts.Evidence) -> bool: False only when the rule cannot
        report anything in the module (a necessary condition of its findings, read from
        the module's ``ast`` before libcst parses it). None: the rule may always fire."""
        return self._checks()[1]


_CATALOG = (
    Rule("SCK000", None, "parse-error",
         "the file could not be parsed",
         "{detail}"),
    Rule("SCK100", None, "unused-noqa",
         "a `# noqa` code for a lint-sockets rule that suppresses nothing",
         "unused `noqa` code{plural}: {codes}", default=False, fix="safe"),
    Rule("SCK101", "eof", "recv-eof-unchecked",
         'recv() in a loop never checked for EOF (b"" / 0)',
         "`{call}` result {problem}", fix="safe"),
    Rule("SCK102", "shortread", "short-read-unchecked",
         "a stream recv(n) used as if it held all n bytes",
         "`{call}` may return fewer bytes, but it is {used} as if complete", default=False),
    Rule("SCK201", "blocking", "blocking-io-unhandled",
         "non-blocking socket call with no BlockingIOError handling",
         "`{call}` on a {why} socket: BlockingIOError not handled"),
    Rule("SCK202", "eintr", "eintr-retry-redundant",
         "EINTR retry code that Python already does (PEP 475)",
         "dead EINTR retry{wraps}: Python retries interrupted calls itself (PEP 475)",
         default=False, fix="safe"),
    Rule("SCK203", "blocking", "ssl-want-unhandled",
         "non-blocking SSL socket call with no SSLWantReadError/SSLWantWriteError handling",
         "`{call}` on a non-blocking SSL socket: {exc} is not handled"),
    Rule("SCK204", "asyncio_rules", "asyncio-blocking-socket",
         "blocking socket passed to asyncio's loop.sock_* calls",
         "`{sock}` is {state} in `{call}`: it can stall the event loop", fix="safe"),
    Rule("SCK301", "connect", "connect-in-progress-unchecked",
         "non-blocking connect never followed by a SO_ERROR check",
         "non-blocking `{call}` is never followed by an SO_ERROR check"),
    Rule("SCK302", "connect", "connect-retried",
         "non-blocking connect called again in a loop to poll its state",
         "`{call}` called again in a loop to poll a non-blocking connect"),
    Rule("SCK401", "signals", "sigpipe-default",
         "SIGPIPE set back to SIG_DFL in code that writes to sockets",
         "SIGPIPE set to SIG_DFL: a write to a reset peer kills the process", fix="unsafe"),
    Rule("SCK402", "server", "peer-reset-escapes-server-loop",
         "a client's reset escapes the server loop and ends the server",
         "`{call}` {where}: {effect}"),
    Rule("SCK501", "accept", "accept-abort-fatal",
         "ECONNABORTED from accept() ends the accept loop",
         "`{call}` in a loop: {what}", fix="safe"),
    Rule("SCK502", "accept", "accept-retry-fatal",
         "accept() loop retries every OSError with no errno test or back-off",
         "`{call}` loop retries every OSError with no errno test or back-off"),
    Rule("SCK601", "writes", "send-result-ignored",
         "socket send() result ignored: the rest of a partial write is lost",
         "`.send()` count ignored: a partial write silently loses the rest",
         default=False, fix="safe"),
    Rule("SCK602", "writes", "connect-ex-result-ignored",
         "connect_ex() result ignored: the only report of a failed connect is dropped",
         "`.connect_ex()` result ignored: a failed connect goes unnoticed", fix="unsafe"),
    Rule("SCK603", "writes", "sendall-nonblocking",
         "sendall() on a non-blocking socket loses count of what was sent",
         "`.sendall()` on a non-blocking socket: EAGAIN loses the count sent"),
    Rule("SCK701", "liveness", "connection-without-timeout",
         "connection with no timeout: a vanished peer blocks the thread forever",
         "`{call}` with no timeout: reads hang forever on a lost peer"),
    Rule("SCK702", "liveness", "keepalive-default-timers",
         "SO_KEEPALIVE on with the kernel's default timers (about two hours)",
         "SO_KEEPALIVE with the kernel's default timers: first probe after two hours"),
    Rule("SCK801", "bind", "bind-without-reuseaddr",
         "listening TCP socket bound without SO_REUSEADDR",
         "listening socket bound without SO_REUSEADDR: a restart gets EADDRINUSE", fix="unsafe"),
    Rule("SCK901", "errnos", "errno-literal",
         "errno compared with a number instead of an errno constant",
         "errno compared with {number}{meaning}: use the errno constant", fix="safe"),
    Rule("SCK902", "errnos", "timeout-by-errno",
         "socket timeout tested through errno ETIMEDOUT, which Python's timeouts do not set",
         "errno tested for ETIMEDOUT: Python's socket timeouts never set it"),
    Rule("SCK903", "errnos", "exception-indexed",
         "an OSError indexed like a tuple (`e[0]`): TypeError on Python 3, the handler crashes",
         "`{name}[{index}]` raises TypeError on Python 3: use `{name}.errno`", fix="safe"),
)

_REGISTRY = None


def registry():
    """code -> Rule, sorted by code."""
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = {rule.code: rule for rule in sorted(_CATALOG, key=lambda r: r.code)}
    return _REGISTRY


def load_checks():
    """Import every rule's check now (before worker processes are forked, which then
    share the modules instead of importing them each)."""
    for rule in registry().values():
        rule.check


def all_codes():
    return list(registry())

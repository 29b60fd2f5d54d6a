"""The rule registry: every rule's code, name, message and check, in one place.

``--select``/``--ignore``, noqa, the flake8 plugin, ``lint-sockets rules`` and every output
format read this registry, so a new rule needs no code anywhere else.
"""


class Rule:
    __slots__ = ("code", "name", "summary", "message", "default", "fix", "check", "gate")

    def __init__(self, code, name, summary, message, check=None, default=True, fix="none",
                 gate=None):
        self.code = code
        self.name = name
        self.summary = summary  # one line, for `lint-sockets rules`
        self.message = message  # template, formatted with the finding's fields
        self.default = default  # on unless selected explicitly
        self.fix = fix  # none / safe / unsafe
        self.check = check  # callable(facts, report) or None (SCK000 comes from the engine)
        # callable(analysis.facts.Evidence) -> bool: False only when the rule cannot report
        # anything in the module (a necessary condition of its findings, read from the
        # module's ``ast`` before libcst parses it). None: the rule may always fire.
        self.gate = gate


def _load():
    from lint_sockets.rules import (
        accept, asyncio_rules, bind, blocking, connect, eintr, eof, errnos, liveness, noqa,
        server, shortread, signals, writes,
    )

    rules = [
        Rule("SCK000", "parse-error", "the file could not be parsed", "{detail}"),
    ]
    for module in (eof, shortread, blocking, eintr, connect, signals, accept, asyncio_rules,
                   server, writes, liveness, bind, errnos, noqa):
        rules.extend(module.RULES)
    return {rule.code: rule for rule in sorted(rules, key=lambda r: r.code)}


_REGISTRY = None


def registry():
    """code -> Rule, sorted by code."""
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = _load()
    return _REGISTRY


def all_codes():
    return list(registry())

"""Settings shared by the command line, the flake8 plugin and the engine."""

import re

from lint_sockets.rules import registry


class SettingsError(Exception):
    """Bad configuration or options: reported to the user, exit status 2."""


def parse_target_version(text):
    """``py39`` / ``3.9`` -> (3, 9)."""
    value = text.strip().lower()
    match = re.fullmatch(r"py(\d)(\d+)", value) or re.fullmatch(r"(\d+)\.(\d+)", value)
    if not match:
        raise SettingsError(
            f"invalid target-version {text!r}: use a version such as 'py39' or '3.9'"
        )
    return int(match.group(1)), int(match.group(2))


def expand_codes(selectors, option):
    """Codes matched by a list of codes or prefixes (``SCK5``, ``ALL``); unknown ones are errors."""
    codes = list(registry())
    chosen = []
    for raw in selectors:
        selector = raw.strip().upper()
        if not selector:
            continue
        if selector == "ALL":
            matched = codes
        else:
            matched = [c for c in codes if c.startswith(selector)]
        if not matched:
            raise SettingsError(
                f"{option}: unknown rule code or prefix {raw!r} "
                f"(see `lint-sockets rules` for the list)"
            )
        chosen.extend(matched)
    return chosen


class Settings:
    """What to check and how. ``enabled`` is the set of rule codes that run."""

    def __init__(self, select=None, ignore=(), extend_select=(), socket_names=None,
                 target_version=(3, 9)):
        rules = registry()
        if select is None:
            enabled = {code for code, rule in rules.items() if rule.default}
        else:
            enabled = set(expand_codes(select, "--select"))
        enabled |= set(expand_codes(extend_select, "--extend-select"))
        enabled -= set(expand_codes(ignore, "--ignore"))
        self.enabled = frozenset(enabled)
        if socket_names is not None:
            try:
                re.compile(socket_names)
            except re.error as error:
                raise SettingsError(f"socket-names: invalid regular expression: {error}")
        self.socket_names = socket_names
        self.target_version = target_version

    def cache_key(self):
        return (tuple(sorted(self.enabled)), self.socket_names, self.target_version)

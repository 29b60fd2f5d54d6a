"""Settings shared by the command line, the flake8 plugin and the engine."""

import os
import re

from lint_sockets.rules import registry


class SettingsError(Exception):
    """Bad configuration or options: reported to the user, exit status 2."""


_COMPILED = {}


def compile_socket_names(pattern):
    """``pattern`` compiled to search in time linear in the name (lint_sockets.linear_re):
    a pattern from a repository's configuration cannot make a run hang, as one such as
    ``(a|a)*b`` does with Python's backtracking ``re``. The syntax is Python's; what needs
    backtracking (backreferences, lookaround) is a SettingsError."""
    compiled = _COMPILED.get(pattern)
    if compiled is None:
        from lint_sockets.linear_re import LinearPattern, PatternError, invalid_message

        try:
            compiled = LinearPattern(pattern)
        except PatternError as error:
            raise SettingsError(f"socket-names: {invalid_message(error)}") from None
        if len(_COMPILED) < 64:
            _COMPILED[pattern] = compiled
    return compiled


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


def _specificity(code, selectors):
    """Length of the longest selector matching ``code`` (ALL counts as 0); -1 for none."""
    best = -1
    for raw in selectors:
        selector = raw.strip().upper()
        if selector == "ALL":
            best = max(best, 0)
        elif code.startswith(selector):
            best = max(best, len(selector))
    return best


class Settings:
    """What to check and how. ``enabled`` is the set of rule codes that run."""

    def __init__(self, select=None, ignore=(), extend_select=(), socket_names=None,
                 target_version=(3, 9), per_file_ignores=(), root=None, python2_only="",
                 python2_in_packages=False, version_declared=True, project_root=None,
                 systems=None, version_floor_declared=True):
        rules = registry()
        # Each selector must name at least one rule (an unknown code is an error).
        for selectors, option in ((select or (), "--select"), (ignore, "--ignore"),
                                  (extend_select, "--extend-select")):
            expand_codes(selectors, option)
        chosen = list(select) if select is not None else None
        picks = [s for s in (chosen or []) + list(extend_select) if s.strip()]
        drops = [s for s in ignore if s.strip()]
        enabled = set()
        for code, rule in rules.items():
            # The most specific selector wins, as in ruff and flake8: `--select SCK101
            # --ignore SCK1` keeps SCK101; on a tie, ignore wins.
            pick = _specificity(code, picks)
            drop = _specificity(code, drops)
            if pick < 0 and chosen is None and rule.default:
                pick = 0
            if pick >= 0 and pick > drop:
                enabled.add(code)
        self.enabled = frozenset(enabled)
        if socket_names is not None:
            compile_socket_names(socket_names)
        self.socket_names = socket_names
        self.target_version = target_version
        # why the project's code is Python 2 source, or "" (config.Config.python2_only), and
        # whether only the modules of its packages are (``for_path`` drops it elsewhere)
        self.python2_only = python2_only
        self.python2_in_packages = python2_in_packages
        # whether the project declares the Pythons it supports (else its code says: SCK000's
        # page, pyversions.python3_project), and its root (None: a file of no project)
        self.version_declared = version_declared
        # whether it names the oldest Python it supports (a bare ``Python :: 3`` classifier
        # says Python 3 but not which: its code says, for syntax of a newer grammar)
        self.version_floor_declared = version_floor_declared
        self.project_root = project_root
        # the families of operating systems the project declares (its Operating System
        # classifiers), or None for every one: code the project runs nowhere else
        self.systems = frozenset(systems) if systems else None
        checked = set()
        for pattern, codes in per_file_ignores:
            if tuple(codes) not in checked:
                expand_codes(codes, f"per-file-ignores {pattern!r}")
                checked.add(tuple(codes))
        self.per_file_ignores = tuple((p, tuple(c)) for p, c in per_file_ignores)
        self.root = root
        self._derived = {}
        self._digest = None
        self._index = None

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_index"] = None  # rebuilt where it is used
        return state

    def for_path(self, path):
        """These settings with the per-file-ignores that match ``path`` applied (and with
        no Python 2 source for a file outside the packages, when only they are)."""
        if self.python2_in_packages and path != "-" and not os.path.lexists(
                os.path.join(os.path.dirname(os.path.abspath(path)), "__init__.py")):
            derived = self._derived.get("python3 source")
            if derived is None:
                derived = object.__new__(Settings)
                derived.__dict__.update(self.__dict__)
                derived.python2_only = ""
                derived.python2_in_packages = False
                derived._derived = {}
                derived._digest = None
                derived._index = None
                self._derived["python3 source"] = derived
            return derived.for_path(path)
        if not self.per_file_ignores or path == "-":
            return self
        from lint_sockets.config import GlobIndex

        if self._index is None:
            self._index = GlobIndex(self.per_file_ignores)
        codes = frozenset(self._index.codes(path, self.root or "."))
        if not codes:
            return self
        derived = self._derived.get(codes)
        if derived is None:
            derived = object.__new__(Settings)
            derived.__dict__.update(self.__dict__)
            derived.enabled = self.enabled - set(expand_codes(codes, "per-file-ignores"))
            derived.per_file_ignores = ()
            derived._derived = {}
            derived._digest = None
            derived._index = None
            self._derived[codes] = derived
        return derived

    def cache_key(self):
        return (tuple(sorted(self.enabled)), self.socket_names, self.target_version,
                self.per_file_ignores, self.root, self.python2_only, self.python2_in_packages,
                self.version_declared, self.version_floor_declared, self.project_root,
                tuple(sorted(self.systems)) if self.systems else None)

    def digest(self):
        """A short hash of cache_key(), computed once."""
        if self._digest is None:
            import hashlib
            import json

            text = json.dumps(self.cache_key(), sort_keys=True, default=list)
            self._digest = hashlib.sha256(text.encode()).hexdigest()[:20]
        return self._digest

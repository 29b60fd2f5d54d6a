"""The flake8 plugin: the same engine as the command line, adapted to flake8's API.

flake8 applies its own --select/--ignore and ``# noqa``, so the plugin runs every rule and
leaves suppression to flake8. Columns are 0-based, as flake8 expects from plugins.
"""

from lint_sockets import __version__
from lint_sockets.engine import _safe_str, check_source
from lint_sockets.rules import registry
from lint_sockets.settings import Settings, SettingsError, parse_target_version

_SETTINGS = None


def _settings():
    global _SETTINGS
    if _SETTINGS is None:
        _SETTINGS = Settings(select=["ALL"])
    return _SETTINGS


def _bad_option(option, error):
    import sys

    from lint_sockets.output import clean

    message = str(error)
    if message.startswith("socket-names: "):
        message = message[len("socket-names: "):]
    sys.stderr.write(f"flake8: error: {option}: {clean(message)}\n")
    raise SystemExit(2)


class Plugin:
    name = "lint-sockets"
    version = __version__
    # Rules that are off by default stay off in flake8 unless selected explicitly.
    extend_default_ignore = [code for code, rule in registry().items() if not rule.default]

    @classmethod
    def add_options(cls, parser):
        parser.add_option(
            "--sck-socket-names", default=None, parse_from_config=True, metavar="REGEX",
            help="lint-sockets: names that make a socket-shaped call count as a socket",
        )
        parser.add_option(
            "--sck-target-version", default=None, parse_from_config=True, metavar="VERSION",
            help="lint-sockets: the oldest Python the code supports, e.g. py39 (default)",
        )

    @classmethod
    def parse_options(cls, options):
        """A bad value (from the command line or flake8's configuration) is one line on
        stderr and exit status 2, as flake8 reports its own bad options."""
        global _SETTINGS
        target = options.sck_target_version
        try:
            version = parse_target_version(target) if target else (3, 9)
        except SettingsError as error:
            _bad_option("sck-target-version", error)
        try:
            _SETTINGS = Settings(select=["ALL"], socket_names=options.sck_socket_names,
                                 target_version=version)
        except SettingsError as error:
            _bad_option("sck-socket-names", error)

    def __init__(self, tree, lines, filename):
        # ``tree`` is requested only so that flake8 calls the plugin once per file; the
        # engine parses ``lines`` with libcst itself.
        self.lines = lines
        self.filename = filename

    def run(self):
        source = "".join(self.lines)
        try:
            # flake8 has compiled the file already (it hands us the tree), so Python's
            # syntax check is not repeated.
            diagnostics, _ = check_source(source, _settings(), noqa=False, precheck=False)
        except Exception as error:  # noqa: BLE001 - never abort flake8's whole run
            yield (1, 0, f"SCK000 internal error in lint-sockets: {type(error).__name__}: "
                         f"{_safe_str(error)} (please report it with this file)", type(self))
            return
        for d in diagnostics:
            yield (d.line, d.column - 1, f"{d.code} {d.message}", type(self))

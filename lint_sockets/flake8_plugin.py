"""The flake8 plugin: the same engine as the command line, adapted to flake8's API.

flake8 applies its own --select/--ignore and ``# noqa``, so the plugin runs every rule and
leaves suppression to flake8. Columns are 0-based, as flake8 expects from plugins.
"""

from lint_sockets import __version__
from lint_sockets.engine import _safe_str, check_source
from lint_sockets.rules import registry
from lint_sockets.settings import Settings, parse_target_version

_SETTINGS = None


def _settings():
    global _SETTINGS
    if _SETTINGS is None:
        _SETTINGS = Settings(select=["ALL"])
    return _SETTINGS


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
            help="lint-sockets: the oldest Python the code supports, e.g. py27 or py39 "
                 "(default: the project's requires-python, python_requires or classifiers, "
                 "else py39)",
        )

    @classmethod
    def parse_options(cls, options):
        global _SETTINGS
        target = options.sck_target_version
        _SETTINGS = Settings(
            select=["ALL"],
            socket_names=options.sck_socket_names,
            target_version=parse_target_version(target) if target else _project_target(),
        )

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


def _project_target():
    """The target version the command line would use in this directory: the nearest
    pyproject.toml's, else the packaging files' (setup.cfg, setup.py, PKG-INFO), else 3.9.
    A configuration flake8 users never wrote for lint-sockets must not stop flake8."""
    from lint_sockets import config

    try:
        return config.load().target_version()
    except config.SettingsError:
        return (3, 9)

"""The flake8 plugin: the same engine as the command line, adapted to flake8's API.

flake8 applies its own --select/--ignore and ``# noqa``; the plugin runs only the rules whose
findings flake8 would report, and leaves suppression to flake8. Columns are 0-based, as
flake8 expects from plugins.

Importing this module must stay cheap: flake8 imports every installed plugin on every run,
so libcst (and the rules, which need it) are loaded only when a file may have a finding.
"""

from lint_sockets import __version__

# Rules that are off by default (kept in step with the registry by the tests). Under
# flake8 they run only when a selector names them with digits (``SCK100``, ``SCK2``):
# ``--select SCK``, which the README recommends, does not turn them on.
OFF_BY_DEFAULT = ("SCK100", "SCK102", "SCK202", "SCK601")

_OPTIONS = None  # what parse_options was given
_WANTED = None  # the codes flake8 reports in this run
_SETTINGS = None  # target version -> Settings, built when a file needs the engine
_RESOLVER = None  # lint_sockets.config.Resolver, built on the first file that needs it
_PROJECTS = {}  # project root -> project.Project, loaded on the first file that needs it


def explicitly_selected(code, selectors):
    """True when a selector names ``code`` more precisely than the ``SCK`` prefix."""
    for raw in selectors or ():
        selector = raw.strip().upper()
        if len(selector) > 3 and code.startswith(selector):
            return True
    return False


def _reported_by_flake8(codes, options):
    """The codes flake8 would report under these options (all of them if flake8's decision
    cannot be asked)."""
    if options is None:
        return set(codes)
    try:
        from flake8.style_guide import Decision, DecisionEngine

        engine = DecisionEngine(options)
        return {code for code in codes if engine.decision_for(code) is Decision.Selected}
    except Exception:  # noqa: BLE001 - an older or newer flake8: report everything
        return set(codes)


def _all_codes():
    """Every rule code, from the rule pages (each rule has one; the tests check it), so that
    knowing them does not load the rules and libcst."""
    from lint_sockets.docs import docs_dir

    directory = docs_dir()
    if directory is None:
        from lint_sockets.rules import registry

        return list(registry())
    return sorted(p.stem for p in directory.glob("SCK[0-9][0-9][0-9].md"))


def _wanted():
    """The codes this flake8 run reports, computed once."""
    global _WANTED
    if _WANTED is None:
        options = _OPTIONS
        wanted = _reported_by_flake8(_all_codes(), options)
        selectors = []
        if options is not None:
            selectors = list(getattr(options, "select", None) or ())
            selectors += list(getattr(options, "extend_select", None) or ())
        for code in OFF_BY_DEFAULT:
            if not explicitly_selected(code, selectors):
                wanted.discard(code)
        _WANTED = frozenset(wanted)
    return _WANTED


def _settings(filename):
    """The settings for a file: flake8's options, and the target version its project's
    packaging files give when ``--sck-target-version`` is not set (computed once per
    target)."""
    global _SETTINGS
    from lint_sockets.settings import Settings, parse_target_version

    options = _OPTIONS
    target = getattr(options, "sck_target_version", None)
    version = parse_target_version(target) if target else _project_target(filename)
    systems = _project_systems(filename)
    if _SETTINGS is None:
        _SETTINGS = {}
    settings = _SETTINGS.get((version, systems))
    if settings is None:
        settings = _SETTINGS[version, systems] = Settings(
            select=sorted(_wanted()),
            socket_names=getattr(options, "sck_socket_names", None),
            target_version=version,
            systems=systems,
        )
    return settings


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
    extend_default_ignore = list(OFF_BY_DEFAULT)

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
        """A bad value (from the command line or flake8's configuration) is one line on
        stderr and exit status 2, as flake8 reports its own bad options."""
        global _OPTIONS, _SETTINGS, _WANTED, _RESOLVER
        _OPTIONS = options
        _SETTINGS = _WANTED = _RESOLVER = None
        _PROJECTS.clear()
        target = options.sck_target_version
        if target:
            from lint_sockets.settings import SettingsError, parse_target_version

            try:
                parse_target_version(target)
            except SettingsError as error:
                _bad_option("sck-target-version", error)
        names = options.sck_socket_names
        if names is not None:
            # checked here without loading the rules (and libcst): the same matcher and
            # message as Settings uses
            from lint_sockets.linear_re import LinearPattern, PatternError, invalid_message

            try:
                LinearPattern(names)
            except PatternError as error:
                _bad_option("sck-socket-names", invalid_message(error))

    def __init__(self, tree, lines, filename):
        # flake8 calls the plugin once per file with the file's ``ast``: the engine reads
        # it to skip modules no rule can fire on, and parses ``lines`` with libcst itself.
        self.tree = tree
        self.lines = lines
        self.filename = filename

    def run(self):
        if not _wanted():
            return  # flake8 reports no SCK code in this run
        source = "".join(self.lines)
        project = None
        if not _may_need_the_engine(source):
            # Its own text shows no socket code; it may still import a project helper or
            # factory that hands some out (loading the project does not load libcst).
            if not _imports_anything(self.tree):
                return
            from lint_sockets.project import uses_project_socket_code

            try:
                project = _project(self.filename, self.tree)
            except Exception:  # noqa: BLE001 - the engine below reports it
                project = None
            if project is None or not uses_project_socket_code(
                    project.index, project.module_of(self.filename)):
                return
        from lint_sockets.engine import NotChecked, _safe_str, check_source

        settings = _settings(self.filename)
        try:
            # flake8 has compiled the file already (it hands us the tree), so Python's
            # syntax check is not repeated.
            if project is None:
                project = _project(self.filename, self.tree)
            from lint_sockets.paths import is_test_code

            options = {"test_code": is_test_code(
                self.filename, project.root if project is not None else None)}
            if project is not None:
                options.update(project=project.index,
                               module_name=project.module_of(self.filename))
            diagnostics, _ = check_source(source, settings, noqa=False, precheck=False,
                                          tree=self.tree, **options)
        except Exception as error:  # noqa: BLE001 - never abort flake8's whole run
            yield (1, 0, f"SCK000 internal error in lint-sockets: {type(error).__name__}: "
                         f"{_safe_str(error)} (please report it with this file)", type(self))
            return
        for d in diagnostics:
            if isinstance(d, NotChecked):
                # not known to be broken, only not checked: flake8 has no warnings of its
                # own for a plugin to add to, so the warning goes to stderr, as the
                # command's does
                import sys

                from lint_sockets.output import clean

                sys.stderr.write(f"lint-sockets: warning: {clean(d.warning(self.filename))}\n")
                continue
            yield (d.line, d.column - 1, f"{d.code} {d.message}", type(self))


def _may_need_the_engine(source):
    """The engine's own text pre-filter, and a ``# noqa: SCK...`` comment for SCK100: a
    file that passes neither cannot have a finding, and libcst is not loaded for it."""
    from lint_sockets.prefilter import might_fire

    if might_fire(source):
        return True
    lowered = source.lower()
    return "noqa" in lowered and "sck" in lowered


def _imports_anything(tree):
    """The module has an import statement (at any depth)."""
    import ast

    if tree is None:
        return True
    return any(isinstance(node, (ast.Import, ast.ImportFrom)) for node in ast.walk(tree))


def _project(filename, tree):
    """The project the file belongs to, as the command line finds it (the same root, index
    and summary cache), loaded once per process and root, with this file's summary made
    from the tree flake8 gives (the text flake8 checks, which may not be what is on disk);
    None for a file of no project (analysed on its own, as by the command)."""
    import os

    from lint_sockets.paths import is_root
    from lint_sockets.project import load_project, root_of

    if not filename or filename in ("-", "stdin"):
        return None
    root = root_of(filename)
    if root is None:
        return None
    project = _PROJECTS.get(root)
    if project is None:
        # a package found without a packaging file or checkout above it (paths.index_root)
        # keeps its summaries only where the user says: nothing is written beside it
        cache = None if is_root(root) else (os.environ.get("LINT_SOCKETS_CACHE_DIR") or False)
        project = _PROJECTS[root] = load_project(root, cache)
    return project.with_source(filename, tree=tree)


def _project_systems(filename):
    """The operating systems the file's project declares, as the command line reads them
    (``Config.systems_and_origin``), or None for every one."""
    return _from_config(filename, lambda config: config.systems_and_origin()[0], None)


def _project_target(filename):
    """The target version the command line would use for this file: its configuration's,
    else its project's requires-python or packaging files (setup.cfg, setup.py, PKG-INFO),
    else 3.9."""
    return _from_config(filename, lambda config: config.target_version(), (3, 9))


def _from_config(filename, read, default):
    """``read(config)`` of the configuration the command line would use for this file, or
    ``default`` when it cannot be read: a configuration flake8 users never wrote for
    lint-sockets must not stop flake8."""
    global _RESOLVER
    from lint_sockets import config

    try:
        if _RESOLVER is None:
            _RESOLVER = config.Resolver()
        path = filename if filename and filename not in ("-", "stdin") else "."
        return read(_RESOLVER.for_path(path))
    except (config.SettingsError, OSError, ValueError):
        return default

"""The ``lint-sockets`` command: arguments, file discovery, output, exit status.

``lint-sockets check [PATH ...]`` (or just ``lint-sockets [PATH ...]``) checks files;
``lint-sockets rules`` lists the rules and ``lint-sockets rule CODE`` prints one's page.

Exit status: 0 nothing found (or --exit-zero), 1 findings remain (parse errors count),
2 bad usage, bad configuration, a path that cannot be read, or an internal error.
"""

import argparse
import difflib
import os
import stat
import sys

from lint_sockets import __version__
from lint_sockets.applicability import applicable
from lint_sockets.config import DEFAULT_EXCLUDES, Resolver, excluded, project_root
from lint_sockets.docs import page_text
from lint_sockets.paths import nearest, upwards
from lint_sockets.output import (
    clean, clean_path, format_concise, format_full, format_github, format_json, format_sarif,
    format_statistics, format_statistics_json,
)
from lint_sockets.rules import registry
from lint_sockets.runner import CACHE_DIR, Cache, Job, check_file, default_jobs, run_files
from lint_sockets.settings import Settings, SettingsError, parse_target_version

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
COMMANDS = ("check", "rules", "rule")
CACHE_ENV = "LINT_SOCKETS_CACHE_DIR"


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(_with_suggestions(self, message))


def _with_suggestions(parser, message):
    """argparse's message, with the closest option for each one it does not know."""
    prefix = "unrecognized arguments: "
    if not message.startswith(prefix):
        return message
    known = [o for action in parser._actions for o in action.option_strings
             if o.startswith("--")]
    hints = []
    for word in message[len(prefix):].split():
        if not word.startswith("--"):
            continue
        close = difflib.get_close_matches(word.split("=", 1)[0], known, n=1, cutoff=0.6)
        if close:
            hints.append(f"{word}: did you mean {close[0]}?")
    return message + ("".join(f"\n  {hint}" for hint in hints))


def _comma_list(value):
    return [part.strip() for part in value.split(",") if part.strip()]


def build_parser():
    parser = _Parser(
        prog="lint-sockets",
        usage="lint-sockets [check] [options] [PATH ...]",
        description="Find socket error-handling mistakes in Python code: unchecked EOF, "
                    "EAGAIN, EINPROGRESS, ECONNABORTED and friends.",
        epilog="Other commands: `lint-sockets rules` lists every rule; "
               "`lint-sockets rule CODE` prints a rule's documentation.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or directories to check (default: .); - reads stdin; "
                             "after --, every argument is a path (- too)")
    parser.add_argument("--select", type=_comma_list, action="append", default=None,
                        metavar="CODES", help="rule codes or prefixes to enable (replaces the "
                                              "default set); ALL enables every rule")
    parser.add_argument("--extend-select", type=_comma_list, action="append", default=[],
                        metavar="CODES", help="rule codes or prefixes to add to the selection")
    parser.add_argument("--ignore", type=_comma_list, action="append", default=[],
                        metavar="CODES", help="rule codes or prefixes to disable")
    parser.add_argument("--output-format",
                        choices=("full", "concise", "json", "sarif", "github"), default=None,
                        help="full (default on a terminal), concise (default otherwise), json "
                             "(ruff's shape), sarif (2.1.0), github (workflow commands)")
    parser.add_argument("--output-file", "-o", metavar="FILE",
                        help="write the report to FILE instead of standard output")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour the full and concise output: auto (on a terminal, unless "
                             "NO_COLOR is set; FORCE_COLOR forces it), always, never")
    parser.add_argument("--statistics", action="store_true",
                        help="print the number of findings per rule instead of the findings "
                             "(as JSON with --output-format json)")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="print the findings and nothing else (no summary)")
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="the name to report for input read from stdin")
    parser.add_argument("--target-version", metavar="VERSION",
                        help="lowest Python version the code supports, e.g. py27 or py39 (default: "
                             "requires-python, else python_requires or classifiers, else py39)")
    parser.add_argument("--fix", action="store_true",
                        help="apply safe fixes in place, then report what is left")
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="also apply (and offer) fixes that can change behaviour")
    parser.add_argument("--diff", action="store_true",
                        help="print the fixes as a unified diff (for git apply or patch -p1) "
                             "and change nothing (exit 1 when there is a diff)")
    parser.add_argument("--show-fixes", action="store_true",
                        help="list the fixes that were applied")
    parser.add_argument("--exit-non-zero-on-fix", action="store_true",
                        help="with --fix, exit 1 when something was fixed")
    parser.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even when findings remain")
    parser.add_argument("--add-noqa", action="store_true",
                        help="add a `# noqa: CODE` comment for each finding, then exit")
    parser.add_argument("--baseline", metavar="FILE",
                        help="report only findings that are not in this baseline")
    parser.add_argument("--write-baseline", metavar="FILE",
                        help="record today's findings in FILE (a baseline), then exit 0")
    parser.add_argument("--config", metavar="FILE",
                        help="read settings for every file from FILE instead of the "
                             "pyproject.toml nearest to each file")
    parser.add_argument("--show-settings", metavar="FILE",
                        help="print the settings that apply to FILE and where each comes from")
    parser.add_argument("--show-files", action="store_true",
                        help="list the files that would be checked, then exit")
    parser.add_argument("--force-exclude", action="store_true",
                        help="apply exclude / extend-exclude to files named on the command "
                             "line too (what pre-commit needs)")
    parser.add_argument("--socket-names", metavar="REGEX",
                        help="names that make a socket-shaped call count as a socket")
    parser.add_argument("--jobs", "-j", type=int, metavar="N",
                        help="check files in N processes (default: the number of cores)")
    parser.add_argument("--no-cache", action="store_true",
                        help=f"do not read or write the result cache ({CACHE_DIR})")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help=f"where the cache lives (default: {CACHE_DIR} at the project "
                             f"root; also {CACHE_ENV})")
    parser.add_argument("--version", action="version", version=f"lint-sockets {__version__}")
    return parser


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        try:
            # a file name or source line the terminal cannot encode is escaped, not fatal
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):
            pass
    command = _command(argv)
    try:
        if command == "rules":
            return cmd_rules(argv[1:])
        if command == "rule":
            return cmd_rule(argv[1:])
        if command == "check":
            return cmd_check(argv[1:])
        return cmd_check(argv)
    except UsageError as error:
        print(f"lint-sockets: error: {clean(error)}", file=sys.stderr)
        if command not in ("rule", "rules"):
            print("usage: lint-sockets [check] [options] [PATH ...]  (see lint-sockets --help)",
                  file=sys.stderr)
        return EXIT_ERROR
    except SettingsError as error:
        print(f"lint-sockets: error: {clean(error)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): nothing more to say, and no traceback.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return EXIT_ERROR


def _command(argv):
    """The subcommand the arguments start with, or None (check the paths given). `rules`
    and `rule` never shadow a file or directory of that name: the path is checked."""
    if not argv or argv[0] not in COMMANDS:
        return None
    word = argv[0]
    if word == "check":
        return "check"
    if os.path.lexists(word):
        kind = "directory" if os.path.isdir(word) else "file"
        print(f"lint-sockets: warning: `{clean(word)}` is both a lint-sockets command and a {kind} "
              f"here: checking the {kind} (run `lint-sockets {word}` from another directory "
              f"for the command)", file=sys.stderr)
        return None
    return word


def cmd_rules(argv):
    if argv:
        raise UsageError("`lint-sockets rules` takes no arguments")
    rows = []
    for rule in registry().values():
        default = "on" if rule.default else "off"
        rows.append((rule.code, rule.name, default, rule.fix, rule.summary))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    header = ("code", "name", "default", "fix", "what it catches")
    widths = [max(w, len(h)) for w, h in zip(widths, header)]
    for row in [header] + rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
    return EXIT_CLEAN


def cmd_rule(argv):
    if len(argv) != 1:
        raise UsageError("usage: lint-sockets rule CODE")
    code = argv[0].strip().upper()
    rules = registry()
    if code not in rules:
        matches = [r.code for r in rules.values() if r.name == argv[0].strip().lower()]
        if not matches:
            raise UsageError(f"unknown rule {argv[0]!r} (see `lint-sockets rules`)")
        code = matches[0]
    text = page_text(code)
    if text is None:
        rule = rules[code]
        text = f"# {rule.code}: {rule.name}\n\n{rule.summary}\n"
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_CLEAN


def _flatten(groups):
    return [item for group in groups for item in group]


def _settings(args, config):
    """Settings from one configuration file, with the command line's flags winning."""
    def pick(flag, key):
        if flag is not None:
            return flag
        return config.get(key)

    select = _flatten(args.select) if args.select is not None else config.get("select")
    ignore = _flatten(args.ignore) if args.ignore else config.get("ignore", [])
    extend = list(config.get("extend-select", [])) + _flatten(args.extend_select)
    target = (parse_target_version(args.target_version) if args.target_version
              else config.target_version())
    python2_only, in_packages = ("", False) if args.target_version else config.python2_only()
    declared = bool(args.target_version) or config.declares_python()
    floor = bool(args.target_version) or config.target_version_and_origin()[1] is not None
    return Settings(
        select=select, ignore=ignore, extend_select=extend,
        socket_names=pick(args.socket_names, "socket-names"),
        target_version=target,
        per_file_ignores=config.per_file_ignores(),
        root=config.root,
        python2_only=python2_only,
        python2_in_packages=in_packages,
        version_declared=declared,
        version_floor_declared=floor,
        project_root=config.project_root(),
        systems=config.systems_and_origin()[0],
    )


class _SettingsFor:
    """path -> Settings: each file's configuration (nearest to it), with the flags applied;
    one Settings per configuration file."""

    def __init__(self, args, resolver):
        self.args = args
        self.resolver = resolver
        self.built = {}

    def config(self, path):
        return self.resolver.for_path(path)

    def of_config(self, config):
        settings = self.built.get(id(config))
        if settings is None:
            settings = _settings(self.args, config)
            self.built[id(config)] = settings
        return settings

    def __call__(self, path):
        return self.of_config(self.config(path))


def _cache_directory(args, paths):
    chosen = args.cache_dir or os.environ.get(CACHE_ENV)
    if chosen:
        return os.path.abspath(chosen)
    return os.path.join(project_root(paths), CACHE_DIR)


def _split_at_double_dash(argv):
    """(options, names): after the first ``--`` every argument is a file name, even one
    that looks like an option, and ``-`` there is a file named ``-``, not stdin."""
    if "--" not in argv:
        return argv, []
    at = argv.index("--")
    names = [os.path.join(".", name) if name == "-" else name for name in argv[at + 1:]]
    return argv[:at], names


def _validate(args, paths):
    if "-" in paths and len(paths) > 1:
        raise UsageError("`-` (stdin) cannot be combined with other paths")
    if args.stdin_filename and paths != ["-"]:
        raise UsageError("--stdin-filename goes with `-` (read from stdin)")
    if args.fix and args.diff:
        raise UsageError("--fix and --diff cannot be combined (--diff changes nothing)")
    if args.add_noqa and (args.fix or args.diff):
        raise UsageError("--add-noqa cannot be combined with --fix or --diff")
    if args.add_noqa and paths == ["-"]:
        raise UsageError("--add-noqa edits files in place: it cannot read stdin")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs takes a number of processes, 1 or more")


def cmd_check(argv):
    argv, names = _split_at_double_dash(argv)
    args = build_parser().parse_args(argv)
    paths = (args.paths + names) or ["."]
    _validate(args, paths)
    resolver = Resolver(args.config)
    settings_for = _SettingsFor(args, resolver)
    if args.show_settings:
        return show_settings(args, settings_for, paths)
    if paths == ["-"]:
        name = args.stdin_filename or "-"
        settings = settings_for(name if name != "-" else os.getcwd())
    else:
        settings = settings_for(paths[0])
    run = _Run(args, settings, settings_for)
    if paths == ["-"]:
        source = sys.stdin.buffer.read()
        project = _stdin_project(args, source)
        run.add(check_file(run.job, args.stdin_filename or "-", source, stdin=True,
                           project=project))
        run.warnings.extend(getattr(project, "warnings", ()))
        return run.finish()
    files = list(discover(paths, run.errors, resolver, args.force_exclude, run.job.root))
    if args.show_files:
        for path in files:
            print(clean_path(path))
        return run.exit_status_only()
    if not files and not run.errors:
        run.warnings.append(f"no Python files found under {', '.join(paths)}")
    cache = None
    if not args.no_cache:
        cache = Cache(_cache_directory(args, paths))
    for result in run_files(run.job, files, args.jobs or default_jobs(), cache):
        run.add(result)
    if cache is not None:
        cache.save()
        run.warnings.extend(dict.fromkeys(cache.warnings))
    return run.finish()


def _stdin_project(args, source):
    """The project of --stdin-filename (None without it, or for a file of no project),
    with that file's summary made from the text read from stdin: stdin is analysed as
    that file would be in a whole-project run."""
    from lint_sockets.project import load_project, root_of

    root = root_of(args.stdin_filename)
    if root is None:
        return None
    cache = False if args.no_cache else _cache_directory(args, [args.stdin_filename])
    return load_project(root, cache).with_source(args.stdin_filename, source)


def show_settings(args, settings_for, paths):
    """--show-settings FILE: each setting for that file and where it comes from."""
    path = args.show_settings
    if not os.path.exists(path):
        raise UsageError(f"{path}: no such file or directory")
    config = settings_for.config(path)
    settings = settings_for.of_config(config).for_path(path)
    default = "default"

    def origin(flag, key, default_origin=default):
        if flag:
            return flag
        if key in config.values:
            return config.where(key)
        return default_origin

    rows = []
    select = _flatten(args.select) if args.select is not None else config.get("select")
    if select is None:
        select = _Unset("every rule on by default")
    rows.append(("select", select,
                 origin("--select" if args.select is not None else None, "select")))
    rows.append(("extend-select", list(config.get("extend-select", []))
                 + _flatten(args.extend_select),
                 " + ".join(filter(None, [config.where("extend-select")
                                          if "extend-select" in config.values else None,
                                          "--extend-select" if args.extend_select else None]))
                 or default))
    rows.append(("ignore", _flatten(args.ignore) if args.ignore else config.get("ignore", []),
                 origin("--ignore" if args.ignore else None, "ignore")))
    rows.append(("per-file-ignores", dict(config.per_file_ignores()),
                 origin(None, "per-file-ignores")))
    rows.append(("exclude", list(config.get("exclude", DEFAULT_EXCLUDES)),
                 origin(None, "exclude")))
    rows.append(("extend-exclude", list(config.get("extend-exclude", [])),
                 origin(None, "extend-exclude")))
    rows.append(("socket-names", settings.socket_names or _Unset("the built-in pattern"),
                 origin("--socket-names" if args.socket_names else None, "socket-names")))
    if args.target_version:
        target_origin = "--target-version"
    else:
        target_origin = config.target_version_and_origin()[1] or default
    rows.append(("target-version", "py%d%d" % settings.target_version, target_origin))
    if args.cache_dir:
        cache_origin = "--cache-dir"
    elif os.environ.get(CACHE_ENV):
        cache_origin = CACHE_ENV
    else:
        cache_origin = "default: the project root"
    rows.append(("cache-dir", _cache_directory(args, paths), cache_origin))
    out = sys.stdout
    print(f"Settings for {clean(path)}", file=out)
    print(f"  configuration: {clean(config.path or 'none found (defaults)')}", file=out)
    print(f"  globs are relative to: {clean(config.root)}", file=out)
    for key, value, where in rows:
        print(f"  {key} = {clean(_toml(value))}", file=out)
        print(f"      from {clean(where)}", file=out)
    systems, systems_origin = config.systems_and_origin()
    if systems:
        print(f"  operating systems: {', '.join(sorted(systems))}", file=out)
        print(f"      from {clean(systems_origin)}", file=out)
    enabled = sorted(settings.enabled)
    print(f"  rules that run on this file: {', '.join(enabled) or 'none'}", file=out)
    is_excluded = excluded(path, config.excludes(), config.root)
    print(f"  excluded: {'yes' if is_excluded else 'no'}"
          f"{' (still checked when named, unless --force-exclude)' if is_excluded else ''}",
          file=out)
    return EXIT_CLEAN


class _Unset(str):
    """A setting left unset, shown as what it means rather than as a value."""


def _toml(value):
    import json

    if isinstance(value, _Unset):
        return f"(not set: {value})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value)


def _color(args, out):
    """--color always/never win; otherwise NO_COLOR turns colour off, FORCE_COLOR on, and
    a terminal decides."""
    if args.color == "always":
        return True
    if args.color == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


class _Run:
    """One command-line run: collect each file's result, then report."""

    def __init__(self, args, settings, settings_for=None):
        self.args = args
        self.unsafe = args.unsafe_fixes
        self.fmt = args.output_format or ("full" if sys.stdout.isatty() else "concise")
        self.settings_for = settings_for
        self.job = Job(settings, fix=args.fix, diff=args.diff, unsafe=args.unsafe_fixes,
                       edits=self.fmt == "json", resolve=settings_for, root=_project_root())
        self.errors = []
        self.warnings = []
        self.results = []
        self.checked = []
        self.fixed = []  # (path, [(code, message)])
        self.diffs = []
        # with stdin and --fix the fixed code goes to stdout, the report to stderr
        self.out = sys.stdout
        self.baseline = None
        if args.baseline and not args.write_baseline:
            self.baseline = _load_baseline(args.baseline)

    def add(self, result):
        self.errors.extend(result.errors)
        self.warnings.extend(result.warnings)
        self.checked.append(result.path)
        if result.fixed:
            self.fixed.append((result.path, result.fixed))
        if result.diff is not None:
            self.diffs.append(result.diff)
        if result.fixed_source is not None:
            data = result.fixed_source
            sys.stdout.buffer.write(data if isinstance(data, bytes) else data.encode())
            sys.stdout.flush()
            self.out = sys.stderr
        if result.diagnostics:
            self.results.append((result.path, result.diagnostics, None))

    def exit_status_only(self):
        return self._exit(EXIT_CLEAN)

    def finish(self):
        if self.args.write_baseline:
            return self._write_baseline()
        if self.baseline is not None:
            self._apply_baseline()  # with --add-noqa too: only new findings get a comment
        if self.args.add_noqa:
            return self._add_noqa()
        if self.args.output_file and self.out is sys.stdout:
            try:
                with open(self.args.output_file, "w", encoding="utf-8",
                          errors="backslashreplace") as handle:
                    self.out = handle
                    return self._finish()
            except OSError as error:
                self.errors.append(f"{self.args.output_file}: cannot write the report: "
                                   f"{error.strerror or error}")
                self.out = sys.stdout
        return self._finish()

    def _apply_baseline(self):
        kept = []
        for path in self.checked:
            self.baseline.note_checked(path)
        for path, diagnostics, lines in self.results:
            remaining = self.baseline.filter(path, diagnostics, _read_lines(path))
            if remaining:
                kept.append((path, remaining, lines))
        self.results = kept

    def _write_baseline(self):
        from lint_sockets.baseline import BaselineError, fingerprints, write

        base = os.path.dirname(os.path.abspath(self.args.write_baseline))
        entries = []
        for path, diagnostics, _ in self.results:
            for d, fingerprint in fingerprints(path, diagnostics, _read_lines(path), base):
                entries.append((fingerprint, d.message))
        try:
            write(self.args.write_baseline, entries)
        except BaselineError as error:
            self.errors.append(str(error))
            return self._exit(EXIT_ERROR)
        if not self.args.quiet:
            print(f"Wrote {len(entries)} finding{'s' if len(entries) != 1 else ''} to the "
                  f"baseline {self.args.write_baseline}.", file=sys.stderr)
        return self._exit(EXIT_CLEAN)

    def _add_noqa(self):
        from lint_sockets.add_noqa import add_noqa
        from lint_sockets.fixes import write_atomically
        from lint_sockets.runner import read_source

        added = 0
        for path, diagnostics, _ in self.results:
            try:
                source = read_source(path)
                new, count, missed = add_noqa(source, diagnostics)
                if count:
                    # the same guarantees as --fix: no write through a link out of the
                    # project, and a file edited meanwhile is left alone
                    write_atomically(path, new, expected=source, root=self.job.root)
                    added += count
                for d in missed:
                    self.warnings.append(
                        f"{clean_path(path)}:{d.line}:{d.column}: no noqa could be added for {d.code}: "
                        f"a string on that line holds `# noqa` text, which flake8 reads "
                        f"first; move the string or suppress the finding by hand")
            except (OSError, UnicodeDecodeError, LookupError) as error:
                detail = getattr(error, "strerror", None) or error
                self.errors.append(f"{path}: cannot add noqa comments: {detail}")
        if not self.args.quiet:
            print(f"Added {added} noqa directive{'s' if added != 1 else ''}.", file=sys.stderr)
        return self._exit(EXIT_CLEAN)

    def _finish(self):
        args = self.args
        out = self.out
        n_fixed = sum(len(f) for _, f in self.fixed)
        if args.diff:
            for diff in self.diffs:
                sys.stdout.write(diff)
            if n_fixed:
                print(f"Would fix {n_fixed} error{'s' if n_fixed != 1 else ''}.",
                      file=sys.stderr)
            else:
                print("No errors would be fixed.", file=sys.stderr)
            return self._exit(EXIT_FINDINGS if self.diffs else EXIT_CLEAN)
        color = _color(args, out)
        found = [r for r in self.results if r[1]]
        if args.statistics and self.fmt == "json":
            lines = format_statistics_json(found, self.unsafe)
        elif args.statistics:
            lines = format_statistics(found, self.unsafe)
        elif self.fmt == "json":
            lines = format_json(found, self.unsafe)
        elif self.fmt == "sarif":
            lines = format_sarif(found, self._enabled(), _project_root())
        elif self.fmt == "github":
            lines = format_github(found)
        elif self.fmt == "full":
            found = [(path, diagnostics, _read_lines(path)) for path, diagnostics, _ in found]
            lines = format_full(found, color, self.unsafe)
        else:
            lines = format_concise(found, color, self.unsafe)
        for line in lines:
            print(line, file=out)
        total = sum(len(r[1]) for r in found)
        if self.fmt in ("full", "concise") and not args.quiet and not args.statistics:
            self._summary(found, total, n_fixed, out)
        if self.baseline is not None and not args.quiet:
            self._baseline_summary()
        if args.show_fixes and self.fixed:
            print(f"Fixed {n_fixed} error{'s' if n_fixed != 1 else ''}:", file=out)
            for path, fixed in self.fixed:
                print(f"- {clean_path(path)}:", file=out)
                for code, message in fixed:
                    print(f"    {code} {message}", file=out)
        if total and not args.exit_zero:
            return self._exit(EXIT_FINDINGS)
        if args.fix and args.exit_non_zero_on_fix and n_fixed:
            return self._exit(EXIT_FINDINGS)
        return self._exit(EXIT_CLEAN)

    def _enabled(self):
        """Every rule some file of this run was checked with (files may have their own
        settings)."""
        enabled = set(self.job.settings.enabled)
        if self.settings_for is not None:
            for settings in self.settings_for.built.values():
                enabled |= settings.enabled
        return enabled

    def _baseline_summary(self):
        hidden, stale = self.baseline.hidden, self.baseline.stale()
        # on stderr, so that json, sarif and github output stay machine-readable
        message = (f"{hidden} finding{'s' if hidden != 1 else ''} in the baseline "
                   f"{self.args.baseline} not shown")
        if stale:
            message += (f"; {stale} baseline entr{'ies' if stale != 1 else 'y'} no longer "
                        f"match{'' if stale != 1 else 'es'} (fixed or changed: run "
                        f"--write-baseline {self.args.baseline} to drop "
                        f"{'them' if stale != 1 else 'it'})")
        print(message + ".", file=sys.stderr)

    def _summary(self, found, total, n_fixed, out):
        fixable = hidden = 0
        for _, diagnostics, _ in found:
            for d in diagnostics:
                if applicable(d.fix, self.unsafe):
                    fixable += 1
                elif d.fix is not None:
                    hidden += 1
        if total:
            if n_fixed:
                print(f"Found {total + n_fixed} error{'s' if total + n_fixed != 1 else ''} "
                      f"({n_fixed} fixed, {total} remaining).", file=out)
            else:
                print(f"Found {total} error{'s' if total != 1 else ''}.", file=out)
            if fixable:
                print(f"[*] {fixable} fixable with the `--fix` option.", file=out)
            if hidden:
                print(f"({hidden} more fix{'es' if hidden != 1 else ''} available with "
                      f"`--unsafe-fixes`.)", file=out)
        elif n_fixed:
            print(f"Found {n_fixed} error{'s' if n_fixed != 1 else ''} "
                  f"({n_fixed} fixed, 0 remaining).", file=out)
        elif not self.errors:
            print("All checks passed!", file=out)

    def _exit(self, status):
        for message in self.warnings:
            print(f"lint-sockets: warning: {clean(message)}", file=sys.stderr)
        for message in self.errors:
            print(f"lint-sockets: error: {clean(message)}", file=sys.stderr)
        return EXIT_ERROR if self.errors else status


def _load_baseline(path):
    from lint_sockets.baseline import Baseline, BaselineError

    try:
        return Baseline(path)
    except BaselineError as error:
        raise SettingsError(str(error)) from None


def _project_root():
    """The repository root (the nearest directory with .git) or the working directory:
    what SARIF's repository-relative URIs are relative to, and the tree that --fix and the
    walk stay inside.

    Deliberately not paths.find_root: this is about the tree the user runs lint-sockets
    in, not about the project each file belongs to. SARIF's URIs are relative to the
    repository, which holds any number of packaging roots; and link safety must not widen
    with what the linted code ships: a checkout's own pyproject.toml, setup.py or .git
    placed anywhere would otherwise move the boundary that links may not leave."""
    here = os.path.abspath(os.getcwd())
    return nearest(here, lambda d: os.path.exists(os.path.join(d, ".git"))) or here


def _read_lines(path):
    """The file's lines, for showing findings in context (None if it cannot be read)."""
    from lint_sockets.engine import _NEWLINE
    from lint_sockets.runner import read_source
    from lint_sockets.source import declared_encoding

    try:
        data = read_source(path)
        text = data.decode(declared_encoding(data), errors="replace")
    except (OSError, LookupError):
        return None
    return _NEWLINE.split(text.lstrip("\ufeff"))


def discover(paths, errors, resolver=None, force_exclude=False, project=None):
    """Files to check, in a stable order: explicit files as given (excluded only with
    --force-exclude), directories walked in path order, skipping hidden directories, what
    the exclude globs of the configuration nearest to each path match and, in a git
    checkout, what git ignores. A walk follows no symbolic link that leads out of
    ``project`` (default: the working directory) and the directory walked."""
    resolver = resolver or Resolver()
    project = project or os.getcwd()
    seen = set()
    for raw in paths:
        try:
            os.stat(raw)
        except PermissionError as error:
            errors.append(f"{raw}: cannot read: {error.strerror}")
            continue
        except OSError:
            if os.path.islink(raw):
                errors.append(f"{raw}: broken symbolic link")
            else:
                errors.append(f"{raw}: no such file or directory{_did_you_mean(raw)}")
            continue
        if os.path.isdir(raw):
            found = sorted(_walk(raw, errors, resolver, project),
                           key=lambda p: p.split(os.sep))
            for path in found:
                real = os.path.realpath(path)
                if real not in seen:
                    seen.add(real)
                    yield path
        elif not os.path.isfile(raw):
            errors.append(f"{raw}: not a regular file")
        else:
            if force_exclude and resolver.for_path(raw).excluded(raw):
                continue
            real = os.path.realpath(raw)
            if real not in seen:
                seen.add(real)
                yield raw


def _did_you_mean(raw):
    """A hint when a path that does not exist looks like a mistyped command."""
    if os.sep in raw or "." in raw:
        return ""
    close = difflib.get_close_matches(raw, COMMANDS, n=1, cutoff=0.7)
    return f" (did you mean the command `lint-sockets {close[0]}`?)" if close else ""


def _walk(top, errors, resolver, project):
    ignored = _git_ignored(top)
    inside = [os.path.realpath(project), os.path.realpath(top)]

    def leads_out(path):
        if not os.path.islink(path):
            return False
        real = os.path.realpath(path)
        return not any(real == base or real.startswith(base.rstrip(os.sep) + os.sep)
                       for base in inside)

    def onerror(error):
        errors.append(f"{error.filename}: cannot read directory: {error.strerror}")

    visited = set()
    for current, dirs, files in os.walk(top, onerror=onerror, followlinks=True):
        real = os.path.realpath(current)
        if real in visited:  # a symbolic link loop
            dirs[:] = []
            continue
        visited.add(real)
        config = resolver.for_directory(current)
        kept = []
        for d in sorted(dirs):
            path = os.path.join(current, d)
            if d.startswith(".") or config.excluded(path, below=top):
                continue
            if leads_out(path):
                continue  # a link out of the project: not this project's code
            if ignored is not None and _is_ignored(path, ignored):
                continue
            kept.append(d)
        dirs[:] = kept
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(current, name)
            if leads_out(path):
                continue
            try:
                regular = stat.S_ISREG(os.stat(path).st_mode)
            except OSError:
                regular = True  # unreachable: reading it reports why
            if not regular:
                continue  # a named pipe or device called *.py: reading it could block
            if config.excluded(path, below=top):
                continue
            if ignored is not None and _is_ignored(path, ignored):
                continue
            yield path[2:] if path.startswith("." + os.sep) else path


def _git_ignored(top):
    """Paths git ignores under ``top`` (absolute), or None outside a git checkout or
    without git: asking git once is cheap, re-implementing .gitignore is not."""
    import subprocess

    try:
        result = subprocess.run(
            # core.fsmonitor names a command git runs: a checkout's own .git/config
            # (from an archive, say) must not make lint-sockets run it
            ["git", "-c", "core.fsmonitor=false", "-C", top, "ls-files", "--others",
             "--ignored", "--exclude-standard", "--directory", "-z"],
            capture_output=True, timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    base = os.path.abspath(top)
    entries = set()
    for item in result.stdout.split(b"\0"):
        if item:
            entries.add(os.path.normpath(os.path.join(base, os.fsdecode(item))))
    return entries


def _is_ignored(path, ignored):
    return any(directory in ignored for directory in upwards(path))

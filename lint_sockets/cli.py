"""The ``lint-sockets`` command: arguments, file discovery, output, exit status.

Exit status: 0 nothing found (or --exit-zero), 1 findings remain (parse errors count),
2 bad usage, a path that cannot be read, or an internal error.
"""

import argparse
import os
import stat
import sys

from lint_sockets import __version__
from lint_sockets.config import DEFAULT_EXCLUDES, excluded
from lint_sockets.config import load as load_config
from lint_sockets.docs import page_text
from lint_sockets.fixes import applicable
from lint_sockets.output import (
    clean, clean_path, format_concise, format_full, format_github, format_json, format_sarif,
    format_statistics,
)
from lint_sockets.rules import registry
from lint_sockets.runner import CACHE_DIR, Cache, Job, check_file, default_jobs, run_files
from lint_sockets.settings import Settings, SettingsError, parse_target_version

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2



class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(message)


def _comma_list(value):
    return [part.strip() for part in value.split(",") if part.strip()]


def build_parser():
    parser = _Parser(
        prog="lint-sockets",
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
    parser.add_argument("--statistics", action="store_true",
                        help="print the number of findings per rule instead of the findings")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="print the findings and nothing else (no summary)")
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="the name to report for input read from stdin")
    parser.add_argument("--target-version", metavar="VERSION",
                        help="lowest Python version the code supports, e.g. py39 (default py39)")
    parser.add_argument("--fix", action="store_true",
                        help="apply safe fixes in place, then report what is left")
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="also apply (and offer) fixes that can change behaviour")
    parser.add_argument("--diff", action="store_true",
                        help="print the fixes as a unified diff and change nothing "
                             "(exit 1 when there is a diff)")
    parser.add_argument("--show-fixes", action="store_true",
                        help="list the fixes that were applied")
    parser.add_argument("--exit-non-zero-on-fix", action="store_true",
                        help="with --fix, exit 1 when something was fixed")
    parser.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even when findings remain")
    parser.add_argument("--config", metavar="FILE",
                        help="read settings from FILE instead of the nearest pyproject.toml")
    parser.add_argument("--force-exclude", action="store_true",
                        help="apply exclude / extend-exclude to files named on the command "
                             "line too (what pre-commit needs)")
    parser.add_argument("--socket-names", metavar="REGEX",
                        help="names that make a socket-shaped call count as a socket")
    parser.add_argument("--jobs", "-j", type=int, metavar="N",
                        help="check files in N processes (default: the number of cores)")
    parser.add_argument("--no-cache", action="store_true",
                        help=f"do not read or write the result cache ({CACHE_DIR})")
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
    try:
        if argv[:1] == ["rules"]:
            return cmd_rules(argv[1:])
        if argv[:1] == ["rule"]:
            return cmd_rule(argv[1:])
        return cmd_check(argv)
    except UsageError as error:
        print(f"lint-sockets: error: {clean(error)}", file=sys.stderr)
        if argv[:1] not in (["rule"], ["rules"]):
            print("usage: lint-sockets [options] [PATH ...]  (see lint-sockets --help)",
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
    """Settings from the configuration file, with the command line's flags winning."""
    def pick(flag, key):
        if flag is not None:
            return flag
        return config.get(key)

    select = _flatten(args.select) if args.select is not None else config.get("select")
    ignore = _flatten(args.ignore) if args.ignore else config.get("ignore", [])
    extend = list(config.get("extend-select", [])) + _flatten(args.extend_select)
    target = (parse_target_version(args.target_version) if args.target_version
              else config.target_version())
    try:
        return Settings(
            select=select, ignore=ignore, extend_select=extend,
            socket_names=pick(args.socket_names, "socket-names"),
            target_version=target,
            per_file_ignores=config.per_file_ignores(),
            root=config.root,
        )
    except SettingsError as error:
        if config.path and args.select is None and not args.ignore:
            raise SettingsError(f"{config.path}: [tool.lint-sockets] {error}") from None
        raise


def _split_at_double_dash(argv):
    """(options, names): after the first ``--`` every argument is a file name, even one
    that looks like an option, and ``-`` there is a file named ``-``, not stdin."""
    if "--" not in argv:
        return argv, []
    at = argv.index("--")
    names = [os.path.join(".", name) if name == "-" else name for name in argv[at + 1:]]
    return argv[:at], names


def cmd_check(argv):
    argv, names = _split_at_double_dash(argv)
    args = build_parser().parse_args(argv)
    config = load_config(args.config, explicit=args.config is not None)
    settings = _settings(args, config)
    paths = (args.paths + names) or ["."]
    if "-" in paths and len(paths) > 1:
        raise UsageError("`-` (stdin) cannot be combined with other paths")
    if args.stdin_filename and paths != ["-"]:
        raise UsageError("--stdin-filename goes with `-` (read from stdin)")

    if args.fix and args.diff:
        raise UsageError("--fix and --diff cannot be combined (--diff changes nothing)")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs takes a number of processes, 1 or more")
    run = _Run(args, settings)
    if paths == ["-"]:
        run.add(check_file(run.job, args.stdin_filename or "-", sys.stdin.buffer.read(),
                           stdin=True))
    else:
        excludes = config.excludes()
        files = list(discover(paths, run.errors, excludes, config.root, args.force_exclude,
                              run.job.root))
        cache = None if args.no_cache else Cache(os.getcwd(), settings)
        for result in run_files(run.job, files, args.jobs or default_jobs(), cache):
            run.add(result)
        if cache is not None:
            cache.save()
            run.warnings.extend(dict.fromkeys(cache.warnings))
    return run.finish()


class _Run:
    """One command-line run: collect each file's result, then report."""

    def __init__(self, args, settings):
        self.args = args
        self.unsafe = args.unsafe_fixes
        self.fmt = args.output_format or ("full" if sys.stdout.isatty() else "concise")
        self.job = Job(settings, fix=args.fix, diff=args.diff, unsafe=args.unsafe_fixes,
                       edits=self.fmt == "json", root=_project_root())
        self.errors = []
        self.warnings = []
        self.results = []
        self.fixed = []  # (path, [(code, message)])
        self.diffs = []
        # with stdin and --fix the fixed code goes to stdout, the report to stderr
        self.out = sys.stdout

    def add(self, result):
        self.errors.extend(result.errors)
        self.warnings.extend(result.warnings)
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

    def finish(self):
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
        color = out.isatty() and not os.environ.get("NO_COLOR")
        found = [r for r in self.results if r[1]]
        if args.statistics:
            lines = format_statistics(found, self.unsafe)
        elif self.fmt == "json":
            lines = format_json(found, self.unsafe)
        elif self.fmt == "sarif":
            lines = format_sarif(found, self.job.settings.enabled, _project_root())
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


def _project_root():
    """The repository root (the nearest directory with .git) or the working directory:
    what SARIF's repository-relative URIs are relative to."""
    here = os.path.abspath(os.getcwd())
    current = here
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return here
        current = parent


def _read_lines(path):
    """The file's lines, for showing findings in context (None if it cannot be read)."""
    from lint_sockets.engine import _NEWLINE, _declared_encoding
    from lint_sockets.runner import read_source

    try:
        data = read_source(path)
        text = data.decode(_declared_encoding(data), errors="replace")
    except (OSError, LookupError):
        return None
    return _NEWLINE.split(text.lstrip("\ufeff"))


def discover(paths, errors, excludes=DEFAULT_EXCLUDES, root=".", force_exclude=False,
             project=None):
    """Files to check, in a stable order: explicit files as given (excluded only with
    --force-exclude), directories walked in path order, skipping hidden directories, what
    the exclude globs match and, in a git checkout, what git ignores. A walk follows no
    symbolic link that leads out of ``project`` (default: ``root``) and the directory
    walked."""
    seen = set()
    root = os.path.abspath(root)
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
                errors.append(f"{raw}: no such file or directory")
            continue
        if os.path.isdir(raw):
            found = sorted(_walk(raw, errors, excludes, root, project or root),
                           key=lambda p: p.split(os.sep))
            for path in found:
                real = os.path.realpath(path)
                if real not in seen:
                    seen.add(real)
                    yield path
        elif not os.path.isfile(raw):
            errors.append(f"{raw}: not a regular file")
        else:
            if force_exclude and excluded(raw, excludes, root):
                continue
            real = os.path.realpath(raw)
            if real not in seen:
                seen.add(real)
                yield raw


def _walk(top, errors, excludes, root, project):
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
        kept = []
        for d in sorted(dirs):
            path = os.path.join(current, d)
            if d.startswith(".") or excluded(path, excludes, root, below=top):
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
            if excluded(path, excludes, root, below=top):
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
    current = os.path.abspath(path)
    while True:
        if current in ignored:
            return True
        parent = os.path.dirname(current)
        if parent == current:
            return False
        current = parent

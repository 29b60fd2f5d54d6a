"""The ``lint-sockets`` command: arguments, file discovery, output, exit status.

Exit status: 0 nothing found (or --exit-zero), 1 findings remain (parse errors count),
2 bad usage, a path that cannot be read, or an internal error.
"""

import argparse
import os
import sys

from lint_sockets import __version__
from lint_sockets.docs import page_text
from lint_sockets.engine import _safe_str, check_source
from lint_sockets.output import format_concise, format_full, format_json
from lint_sockets.rules import registry
from lint_sockets.settings import Settings, SettingsError, parse_target_version

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

DEFAULT_EXCLUDES = frozenset({
    ".git", ".hg", ".svn", ".venv", "venv", "build", "dist", "__pycache__", ".tox", ".nox",
    "node_modules", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".lint_sockets_cache",
})


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
                        help="files or directories to check (default: .); - reads stdin")
    parser.add_argument("--select", type=_comma_list, action="append", default=None,
                        metavar="CODES", help="rule codes or prefixes to enable (replaces the "
                                              "default set); ALL enables every rule")
    parser.add_argument("--extend-select", type=_comma_list, action="append", default=[],
                        metavar="CODES", help="rule codes or prefixes to add to the selection")
    parser.add_argument("--ignore", type=_comma_list, action="append", default=[],
                        metavar="CODES", help="rule codes or prefixes to disable")
    parser.add_argument("--output-format", choices=("full", "concise", "json"), default=None,
                        help="full (default on a terminal), concise (default otherwise), json")
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="the name to report for input read from stdin")
    parser.add_argument("--target-version", metavar="VERSION",
                        help="lowest Python version the code supports, e.g. py39 (default py39)")
    parser.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even when findings remain")
    parser.add_argument("--version", action="version", version=f"lint-sockets {__version__}")
    return parser


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["rules"]:
            return cmd_rules(argv[1:])
        if argv[:1] == ["rule"]:
            return cmd_rule(argv[1:])
        return cmd_check(argv)
    except UsageError as error:
        print(f"lint-sockets: error: {error}", file=sys.stderr)
        if argv[:1] not in (["rule"], ["rules"]):
            print("usage: lint-sockets [options] [PATH ...]  (see lint-sockets --help)",
                  file=sys.stderr)
        return EXIT_ERROR
    except SettingsError as error:
        print(f"lint-sockets: error: {error}", file=sys.stderr)
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


def cmd_check(argv):
    args = build_parser().parse_args(argv)
    target = parse_target_version(args.target_version) if args.target_version else (3, 9)
    settings = Settings(
        select=_flatten(args.select) if args.select is not None else None,
        ignore=_flatten(args.ignore),
        extend_select=_flatten(args.extend_select),
        target_version=target,
    )
    paths = args.paths or ["."]
    if "-" in paths and len(paths) > 1:
        raise UsageError("`-` (stdin) cannot be combined with other paths")
    if args.stdin_filename and paths != ["-"]:
        raise UsageError("--stdin-filename goes with `-` (read from stdin)")

    errors = []
    results = []
    if paths == ["-"]:
        name = args.stdin_filename or "-"
        source = sys.stdin.buffer.read()
        results.append(_check_one(name, source, settings, errors))
    else:
        for path in discover(paths, errors):
            try:
                with open(path, "rb") as handle:
                    source = handle.read()
            except OSError as error:
                errors.append(f"{path}: cannot read: {error.strerror or error}")
                continue
            results.append(_check_one(path, source, settings, errors))
    results = [r for r in results if r is not None]

    fmt = args.output_format or ("full" if sys.stdout.isatty() else "concise")
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    found = [r for r in results if r[1]]
    if fmt == "json":
        lines = format_json(found)
    elif fmt == "full":
        lines = format_full(found, color)
    else:
        lines = format_concise(found, color)
    for line in lines:
        print(line)
    total = sum(len(r[1]) for r in found)
    if fmt != "json":
        if total:
            print(f"Found {total} error{'s' if total != 1 else ''}.")
        elif not errors:
            print("All checks passed!")
    for message in errors:
        print(f"lint-sockets: error: {message}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    if total and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _check_one(path, source, settings, errors):
    try:
        diagnostics, lines = check_source(source, settings)
    except Exception as error:  # noqa: BLE001 - one bad file must not stop the run
        errors.append(
            f"{path}: internal error in lint-sockets: {type(error).__name__}: "
            f"{_safe_str(error)} (please report it with this file)"
        )
        return None
    return (path, diagnostics, lines)


def discover(paths, errors):
    """Files to check, in a stable order: explicit files as given, directories walked
    sorted, skipping hidden and default-excluded directories."""
    seen = set()
    for raw in paths:
        if not os.path.exists(raw):
            errors.append(f"{raw}: no such file or directory")
            continue
        if os.path.isdir(raw):
            found = sorted(_walk(raw, errors), key=lambda p: p.split(os.sep))
            for path in found:
                real = os.path.realpath(path)
                if real not in seen:
                    seen.add(real)
                    yield path
        else:
            real = os.path.realpath(raw)
            if real not in seen:
                seen.add(real)
                yield raw


def _walk(top, errors):
    def onerror(error):
        errors.append(f"{error.filename}: cannot read directory: {error.strerror}")

    for root, dirs, files in os.walk(top, onerror=onerror):
        dirs[:] = sorted(
            d for d in dirs
            if d not in DEFAULT_EXCLUDES and not (d.startswith(".") and d not in (".", ".."))
        )
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(root, name)
                yield path[2:] if path.startswith("." + os.sep) else path


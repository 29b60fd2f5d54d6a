"""Faults and rules: which rule a fault's finding corresponds to, which faults can confirm a
rule's finding, lint-sockets json findings read back, and the reports."""

import json
import os

from lint_sockets.faults import FAULTS

# The faults that replay what each rule is about, for --socket-faults-from.
RULE_FAULTS = {
    "SCK101": ("eof",),
    "SCK102": ("short-recv",),
    "SCK201": ("eagain",),
    "SCK203": ("eagain",),
    "SCK603": ("eagain",),
    "SCK301": ("connect-fail",),
    "SCK302": ("connect-fail",),
    "SCK602": ("connect-fail",),
    "SCK402": ("reset",),
    "SCK501": ("accept-abort",),
    "SCK601": ("short-send",),
}


def rule_for(fault, method, is_ssl):
    """The lint-sockets rule about the mistake a fault at this call exposes, or None."""
    if fault == "eof":
        return "SCK101"
    if fault == "short-recv":
        return "SCK102"
    if fault == "short-send":
        return "SCK601"
    if fault == "accept-abort":
        return "SCK501"
    if fault == "eagain":
        if is_ssl:
            return "SCK203"
        return "SCK603" if method == "sendall" else "SCK201"
    if fault == "connect-fail":
        return "SCK602" if method == "connect_ex" else "SCK301"
    if fault == "reset":
        return "SCK402"
    return None  # timeout: no rule covers it


class FindingsError(Exception):
    """--socket-faults-from could not be read."""


class Finding:
    """One lint-sockets finding read back from its json output."""

    def __init__(self, code, filename, row, column, end_row):
        self.code = code
        self.filename = filename
        self.real = os.path.normcase(os.path.realpath(filename))
        self.row = row
        self.column = column
        self.end_row = max(end_row, row)

    @property
    def faults(self):
        return RULE_FAULTS.get(self.code, ())

    def covers(self, real, line, fault):
        return real == self.real and self.row <= line <= self.end_row and fault in self.faults


def read_findings(path, base):
    """The findings of a lint-sockets ``--output-format json`` file; relative file names
    are taken from ``base`` (where pytest was started)."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as exc:
        raise FindingsError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise FindingsError(f"{path} is not JSON: {exc}") from None
    if not isinstance(data, list):
        raise FindingsError(f"{path}: expected the JSON array lint-sockets writes with "
                            "--output-format json")
    findings = []
    for index, item in enumerate(data):
        try:
            code = item["code"]
            filename = item["filename"]
            row = int(item["location"]["row"])
            column = int(item["location"].get("column", 1))
            end = item.get("end_location") or {}
            end_row = int(end.get("row", row))
        except (TypeError, KeyError, ValueError, AttributeError):
            raise FindingsError(f"{path}: item {index} is not a lint-sockets finding "
                                "(code, filename, location.row)") from None
        if not isinstance(code, str) or not isinstance(filename, str):
            raise FindingsError(f"{path}: item {index} is not a lint-sockets finding")
        if filename == "-":
            continue
        findings.append(Finding(code, os.path.join(base, filename), row, column, end_row))
    return findings


def display_path(path, rootdir):
    """A site's file relative to the rootdir (with /), or absolute when outside it."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, rootdir)
    except ValueError:
        return absolute
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return absolute
    return relative.replace(os.sep, "/")


def sort_key(entry):
    return (entry["file"], entry["line"], FAULTS.index(entry["fault"]), entry["test"])


def write_json(path, entries):
    text = json.dumps(sorted(entries, key=sort_key), indent=2) + "\n"
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def finding_lines(entries):
    lines = []
    for e in sorted(entries, key=sort_key):
        rule = f" ({e['rule']})" if e["rule"] else ""
        lines.append(f"{e['file']}:{e['line']}: {e['fault']} -> {e['outcome']}{rule} "
                     f"in {e['test']}")
    return lines


def confirmation_lines(findings, entries, reached, rootdir):
    """Per lint-sockets finding: confirmed by which test, reached but unchanged, not
    reached, or not something a fault can replay. ``reached`` is {(real file, line, fault):
    set of tests}."""
    lines = []
    for f in sorted(findings, key=lambda f: (f.filename, f.row, f.column, f.code)):
        where = f"{display_path(f.filename, rootdir)}:{f.row}:{f.column}: {f.code}"
        if not f.faults:
            lines.append(f"{where} no fault replays this rule")
            continue
        confirmed = [e for e in entries if f.covers(e["real"], e["line"], e["fault"])]
        if confirmed:
            first = sorted(confirmed, key=sort_key)[0]
            more = f" and {len(confirmed) - 1} more" if len(confirmed) > 1 else ""
            lines.append(f"{where} confirmed by {first['test']} ({first['outcome']}){more}")
            continue
        tests = set()
        for (real, line, fault), names in reached.items():
            if f.covers(real, line, fault):
                tests |= names
        if tests:
            lines.append(f"{where} reached by {len(tests)} test"
                         f"{'s' if len(tests) > 1 else ''}; no fault changed the outcome")
        else:
            lines.append(f"{where} not reached by any test")
    return lines

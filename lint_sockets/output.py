"""Output formats: full, concise, json (the shape ruff uses), sarif, github.

File names and source lines come from the repository being checked, which may be a
stranger's: everything printed goes through ``clean`` (control characters, lone surrogates
from file names that are not UTF-8, bidirectional overrides become visible escapes) and a
name that could start a GitHub workflow command (``::``) at the start of a line gets ``./``
in front.
"""

import json
import os
import re

from lint_sockets.docs import page_url
from lint_sockets.applicability import applicable


# C0 controls but tab, DEL, C1 controls, line and paragraph separators, bidirectional
# embeddings, overrides and isolates, and the surrogates that stand for the undecodable
# bytes of a file name (os.fsdecode's surrogateescape).
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e"
                     "\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match):
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # the byte of a name that is not UTF-8
    if char in _NAMED:
        return _NAMED[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def clean(text):
    """``text`` with every character that could act on a terminal or log reader (ESC, OSC,
    CR, newlines, bidirectional controls) or fail to encode (a lone surrogate) shown as a
    backslash escape; printable text, tabs included, is kept."""
    text = str(text)
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escape, text)


def clean_path(path):
    """A file name as printed at the start of a line: cleaned, and never starting a
    workflow command (``::``) that CI log readers such as GitHub Actions would obey."""
    text = clean(path)
    if text.lstrip().startswith("::"):
        text = "." + os.sep + text
    return text


def _location(path, diagnostic):
    return f"{clean_path(path)}:{diagnostic.line}:{diagnostic.column}:"


def _style(enabled):
    if not enabled:
        return lambda text, code: text
    return lambda text, code: f"\x1b[{code}m{text}\x1b[0m"


def format_concise(results, color=False, unsafe=False):
    paint = _style(color)
    out = []
    for path, diagnostics, _ in results:
        for d in diagnostics:
            fixable = " [*]" if applicable(d.fix, unsafe) else ""
            out.append(
                f"{paint(_location(path, d), '1')} {paint(d.code, '1;31')}{fixable} "
                f"{clean(d.message)}"
            )
    return out


CONTEXT = 2  # lines shown before and after the flagged one


def format_full(results, color=False, unsafe=False):
    """The concise line, then the flagged line with two lines of context either side and a
    caret under the flagged code, then the fix's title on a ``help:`` line."""
    paint = _style(color)
    out = []
    for path, diagnostics, lines in results:
        for d in diagnostics:
            fixable = " [*]" if applicable(d.fix, unsafe) else ""
            out.append(
                f"{paint(_location(path, d), '1')} {paint(d.code, '1;31')}{fixable} "
                f"{clean(d.message)}"
            )
            if lines is not None and 0 < d.line <= len(lines):
                # Two lines of context either side, every line's control characters
                # escaped (the caret moves with them). A file that did not parse (SCK000)
                # may not be source at all: only its flagged line is shown.
                context = 0 if d.code == "SCK000" else CONTEXT
                first = max(1, d.line - context)
                last = min(len(lines), d.line + context)
                while last > d.line and not lines[last - 1].strip():
                    last -= 1  # no trailing blank context (the file's last newline)
                digits = len(str(last))
                blank = paint(" " * (digits + 1) + "|", "34")
                out.append(blank)
                for number in range(first, last + 1):
                    raw = lines[number - 1].expandtabs(1).rstrip()
                    gutter = paint(f"{number:>{digits}} | ", "34")
                    out.append((gutter + clean(raw)).rstrip())
                    if number == d.line:
                        width = 1
                        if d.end_line == d.line and d.end_column > d.column:
                            width = d.end_column - d.column
                        start = d.column - 1
                        shown = len(clean(raw[start:start + width])) if start < len(raw) \
                            else width
                        caret = " " * len(clean(raw[:start])) + "^" * max(1, shown)
                        out.append(paint(" " * (digits + 1) + "| ", "34") + paint(caret, "1;31"))
                out.append(blank)
            if d.fix is not None:
                title = d.fix.message
                if not applicable(d.fix, unsafe):
                    title += " (unsafe: needs --unsafe-fixes)"
                out.append(f"{paint('help', '1;36')}: {clean(title)}")
            out.append("")
    return out


def format_json(results, unsafe=False):
    items = []
    for path, diagnostics, _ in results:
        filename = clean(path if path == "-" else os.path.abspath(path))
        for d in diagnostics:
            fix = None
            if d.fix is not None and d.edits:
                fix = {"applicability": d.fix.applicability, "message": d.fix.message,
                       "edits": d.edits}
            items.append({
                "code": d.code,
                "message": clean(d.message),
                "filename": filename,
                "location": {"row": d.line, "column": d.column},
                "end_location": {"row": d.end_line, "column": d.end_column},
                "fix": fix,
                "url": page_url(d.code),
                "noqa_row": d.line,
            })
    return [json.dumps(items, indent=2)]


SARIF_SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                "sarif-schema-2.1.0.json")


def format_sarif(results, codes, root):
    """SARIF 2.1.0: one ``rules`` entry per enabled rule (with its page as help), one
    result per finding, URIs relative to ``root`` (the repository), 1-based regions."""
    from lint_sockets import __version__
    from lint_sockets.docs import page_text
    from lint_sockets.rules import registry

    rules = registry()
    ordered = sorted(codes)
    index = {code: i for i, code in enumerate(ordered)}
    descriptors = []
    for code in ordered:
        rule = rules[code]
        descriptor = {
            "id": code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "defaultConfiguration": {"level": "error"},
            "properties": {"fix": rule.fix},
        }
        url = page_url(code)
        if url:
            descriptor["helpUri"] = url
        text = page_text(code)
        if text:
            descriptor["help"] = {"text": rule.summary, "markdown": text}
        descriptors.append(descriptor)
    findings = []
    for path, diagnostics, _ in results:
        uri = _relative_uri(path, root)
        for d in diagnostics:
            findings.append({
                "ruleId": d.code,
                "ruleIndex": index.get(d.code, 0),
                "level": "error",
                "message": {"text": clean(d.message)},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                        "region": {
                            "startLine": d.line, "startColumn": d.column,
                            "endLine": d.end_line, "endColumn": max(d.end_column, d.column),
                        },
                    },
                }],
            })
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "lint-sockets", "version": __version__,
                                "rules": descriptors}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": _directory_uri(root)}},
            "results": findings,
        }],
    }
    return [json.dumps(document, indent=2)]


def _relative_uri(path, root):
    from urllib.parse import quote

    if path == "-":
        return "-"
    relative = os.path.relpath(os.path.abspath(path), root)
    # percent-encoded bytes: a name that is not UTF-8 is still a valid URI
    return quote(os.fsencode(relative.replace(os.sep, "/")))


def _directory_uri(root):
    from pathlib import Path

    uri = Path(root).resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def format_github(results):
    """GitHub Actions workflow commands: an error annotation per finding."""
    out = []
    for path, diagnostics, _ in results:
        for d in diagnostics:
            properties = ",".join([
                f"file={_escape_property(clean(path))}",
                f"line={d.line}", f"col={d.column}",
                f"endLine={d.end_line}", f"endColumn={d.end_column}",
                f"title={_escape_property(d.code)}",
            ])
            out.append(f"::error {properties}::"
                       f"{_escape_data(clean(f'{d.code} {d.message}'))}")
    return out


def _escape_data(text):
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text):
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _statistics(results, unsafe):
    from lint_sockets.rules import registry

    rules = registry()
    counts = {}
    fixable = {}
    for _, diagnostics, _ in results:
        for d in diagnostics:
            counts[d.code] = counts.get(d.code, 0) + 1
            fixable[d.code] = fixable.get(d.code, False) or applicable(d.fix, unsafe)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [(code, rules[code].name, count, fixable[code]) for code, count in ordered]


def format_statistics(results, unsafe=False):
    """count, code, [*] when fixable, name: one line per rule, most frequent first."""
    rows = _statistics(results, unsafe)
    width = max((len(str(count)) for _, _, count, _ in rows), default=1)
    out = []
    for code, name, count, fixable in rows:
        marker = "[*]" if fixable else "   "
        out.append(f"{count:>{width}}\t{code}\t{marker} {name}")
    return out


def format_statistics_json(results, unsafe=False):
    """The counts as a JSON array of {code, name, count, fixable}, most frequent first."""
    rows = _statistics(results, unsafe)
    return [json.dumps([{"code": code, "name": name, "count": count, "fixable": fixable}
                        for code, name, count, fixable in rows], indent=2)]

"""Output formats: full, concise, json (the shape ruff uses)."""

import json
import os

from lint_sockets.docs import page_url
from lint_sockets.fixes import applicable


def _location(path, diagnostic):
    return f"{path}:{diagnostic.line}:{diagnostic.column}:"


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
                f"{paint(_location(path, d), '1')} {paint(d.code, '1;31')}{fixable} {d.message}"
            )
    return out


def format_full(results, color=False, unsafe=False):
    paint = _style(color)
    out = []
    for path, diagnostics, lines in results:
        for d in diagnostics:
            fixable = " [*]" if applicable(d.fix, unsafe) else ""
            out.append(
                f"{paint(_location(path, d), '1')} {paint(d.code, '1;31')}{fixable} {d.message}"
            )
            if lines is not None and 0 < d.line <= len(lines):
                text = lines[d.line - 1].expandtabs(1)
                gutter = f"{d.line:>4} | "
                out.append(paint(gutter, "34") + text)
                width = 1
                if d.end_line == d.line and d.end_column > d.column:
                    width = d.end_column - d.column
                caret = " " * (d.column - 1) + "^" * max(1, width)
                out.append(paint(" " * (len(gutter) - 2) + "| ", "34") + paint(caret, "1;31"))
                out.append("")
    return out


def format_json(results, unsafe=False):
    items = []
    for path, diagnostics, _ in results:
        filename = path if path == "-" else os.path.abspath(path)
        for d in diagnostics:
            fix = None
            if d.fix is not None and d.edits:
                fix = {"applicability": d.fix.applicability, "message": d.fix.message,
                       "edits": d.edits}
            items.append({
                "code": d.code,
                "message": d.message,
                "filename": filename,
                "location": {"row": d.line, "column": d.column},
                "end_location": {"row": d.end_line, "column": d.end_column},
                "fix": fix,
                "url": page_url(d.code),
                "noqa_row": d.line,
            })
    return [json.dumps(items, indent=2)]

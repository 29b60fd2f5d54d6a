"""``--add-noqa``: a ``# noqa: SCKnnn`` for each finding, where flake8 and lint-sockets read it.

A finding is suppressed by a ``# noqa`` anywhere in the text flake8 searches for its line:
the physical line, or all the lines of the backslash-continued statement or multi-line
string it is part of. The comment goes at the end of the last of those lines, the only
place in them where a comment is legal: never inside a string, never before a backslash.
An existing ``# noqa: CODES`` comment there gets the new codes added; any other comment is
kept, and the noqa follows it.
"""

import io
import re
import tokenize

from lint_sockets.engine import (
    _NEWLINE, _SPLIT_CODES, NOQA_RE, _noqa_lines, is_suppressed,
)
from lint_sockets.source import declared_encoding

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _groups(text):
    """{physical line: last line of its group} from the tokens, and {line: comment token}."""
    last_of = {}
    comments = {}
    tokens = tokenize.generate_tokens(io.StringIO(text).readline)
    first = last = None
    for token in tokens:
        if token.type in (tokenize.ENDMARKER, tokenize.DEDENT):
            continue
        if token.type == tokenize.COMMENT:
            comments[token.start[0]] = token
        start, end = token.start[0], token.end[0]
        first = start if first is None else min(first, start)
        last = end if last is None else max(last, end)
        if token.type in (tokenize.NL, tokenize.NEWLINE):
            for number in range(first, last + 1):
                last_of[number] = last
            first = last = None
    if first is not None:
        for number in range(first, last + 1):
            last_of[number] = last
    return last_of, comments


def add_noqa(source, diagnostics):
    """(new source bytes, number of comments added or extended, findings still not
    suppressed) for one file's findings; the source unchanged when it cannot be tokenised.

    A finding can stay unsuppressed when the text flake8 reads for its line holds the
    words of a ``# noqa: OTHER`` comment inside a string before the end of the line:
    flake8 reads the first one it finds, and a string is never edited."""
    encoding = declared_encoding(source)
    bom = source.startswith(b"\xef\xbb\xbf")
    text = source.decode(encoding)
    if bom and text.startswith("\ufeff"):
        text = text[1:]
    try:
        # tokenize splits lines on \n only; a lone \r ends a line too, as for the engine
        last_of, comments = _groups(re.sub(r"\r\n?", "\n", text))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return source, 0, [d for d in diagnostics if d.code != "SCK000"]
    lines = _LINE.findall(text)
    wanted = {}
    for d in diagnostics:
        if d.code == "SCK000":
            continue
        target = last_of.get(d.line, d.line)
        if 0 < target <= len(lines):
            wanted.setdefault(target, set()).add(d.code)
    changed = 0
    for number, codes in wanted.items():
        line = lines[number - 1]
        body = line.rstrip("\r\n")
        ending = line[len(body):]
        comment = comments.get(number)
        match = NOQA_RE.search(comment.string) if comment is not None else None
        if match is not None and match.group("codes") is None:
            continue  # a blanket noqa covers everything already
        if match is not None:
            listed = [c for c in _SPLIT_CODES.split(match.group("codes")) if c]
            new = [c for c in sorted(codes) if c not in listed
                   and not c.startswith(tuple(listed))]
            if not new:
                continue
            start = comment.start[1] + match.start()
            end = comment.start[1] + match.end()
            codes_text = match.group("codes").rstrip(", \t")
            rest = body[end:]
            tail = match.group("codes")[len(codes_text):]
            replacement = f"# noqa: {', '.join(listed + new)}"
            if rest.strip() and not tail.strip(", \t"):
                replacement += tail if tail else " "
            body = body[:start] + replacement + rest
        else:
            body = body.rstrip(" \t") + f"  # noqa: {', '.join(sorted(codes))}"
        lines[number - 1] = body + ending
        changed += 1
    new_text = "".join(lines)
    physical = _NEWLINE.split(new_text)
    reading = _noqa_lines(new_text, physical)
    missed = [d for d in diagnostics if d.code != "SCK000" and not is_suppressed(d, reading)]
    if not changed:
        return source, 0, missed
    data = new_text.encode(encoding)
    if bom and not data.startswith(b"\xef\xbb\xbf"):
        data = b"\xef\xbb\xbf" + data
    return data, changed, missed

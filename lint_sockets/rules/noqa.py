"""SCK100 unused-noqa: a `# noqa: SCK...` code that suppresses nothing.

Found from the file's comments after the other rules ran (see engine.unused_noqa); only
SCK codes are judged: other tools' codes and blanket `# noqa` belong to other tools.
"""

import re


NOQA = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)


def rewrite_comment(comment, unused):
    """The comment without the unused codes; '' when nothing of it is left."""
    match = NOQA.search(comment)
    if match is None or match.group("codes") is None:
        return comment
    codes = [c for c in re.split(r"[,\s]+", match.group("codes")) if c]
    kept = [c for c in codes if c not in unused]
    trailing = match.group("codes")[len(match.group("codes").rstrip()):]
    replacement = f"# noqa: {', '.join(kept)}{trailing}" if kept else ""
    text = comment[:match.start()] + replacement + comment[match.end():]
    text = text.rstrip()
    if text in ("", "#"):
        return ""
    if not text.lstrip().startswith("#"):
        text = "# " + text.lstrip()
    return text


"""The rule pages (rules_docs/SCKnnn.md), shipped inside the package."""

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def docs_dir():
    """The installed copy (wheel) or the checkout's rules_docs/ (editable install)."""
    for candidate in (_HERE / "rules_docs", _HERE.parent / "rules_docs"):
        if candidate.is_dir():
            return candidate
    return None


def page_path(code):
    directory = docs_dir()
    if directory is None:
        return None
    path = directory / f"{code}.md"
    return path if path.is_file() else None


def page_text(code):
    path = page_path(code)
    return path.read_text(encoding="utf-8") if path is not None else None


def page_url(code):
    path = page_path(code)
    return path.as_uri() if path is not None else None

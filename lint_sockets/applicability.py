"""How far a fix may be applied: kept apart from fixes.py so that reporting findings (and
``--version``) never has to load libcst."""

SAFE = "safe"
UNSAFE = "unsafe"


def applicable(spec, unsafe):
    """True when a fix (a FixSpec or a reported fix) is applied in this run."""
    return spec is not None and (spec.applicability == SAFE or unsafe)

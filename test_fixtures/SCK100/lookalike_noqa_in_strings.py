# SCK100 lookalike: a noqa directive written inside strings and docstrings is not a comment.
HELP = "silence a line with  # noqa: SCK101"


def describe() -> str:
    """Write ``conn.recv(4096)  # noqa: SCK101`` to silence lint-sockets on a line."""
    return HELP + " or # noqa: SCK601"

import os
import sys

# `python -m` puts the working directory first on sys.path, so a project's own json.py or
# tempfile.py would be imported (and run) instead of the standard library's. lint-sockets
# never runs the code it checks: drop that entry before importing anything else.
if sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from lint_sockets.cli import main  # noqa: E402

sys.exit(main())

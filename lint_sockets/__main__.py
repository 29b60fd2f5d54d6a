import sys

from lint_sockets.cli import main

sys.exit(main())

"""SCK601 project fixture: which sends go to a socket is decided by the project's own
factories and classes, in other modules; the names do not decide."""

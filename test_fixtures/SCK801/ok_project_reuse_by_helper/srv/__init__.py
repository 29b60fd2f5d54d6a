"""SCK801 project fixture: the address-reuse option is set before bind() by a project helper
the socket is passed to (of this module or another, a method, a helper calling a helper)."""

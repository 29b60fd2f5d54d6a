"""SCK801 project fixture: project helpers that do not set the address-reuse option on the
socket that is bound, or set it too late."""

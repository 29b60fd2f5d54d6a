"""SCK801 project fixture: listeners bound to port 0 through another module's constant."""

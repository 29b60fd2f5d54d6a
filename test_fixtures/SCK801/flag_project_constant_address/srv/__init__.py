"""SCK801 project fixture: listeners bound to a fixed port kept in another module's constant."""

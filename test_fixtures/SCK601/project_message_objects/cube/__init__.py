"""SCK601 project fixture: messages sent through a method of the object that holds them."""

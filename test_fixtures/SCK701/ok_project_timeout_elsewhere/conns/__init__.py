"""SCK701 project fixture: the timeout is set out of the connecting function's sight, and the
project index follows it: a method of a project base class, a helper in another module, a
method of the class, or the factory that made the socket."""

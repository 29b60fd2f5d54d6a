"""SCK501 project fixture: the server's accept() is a transport class's method in another
module; the loop that calls it is where ConnectionAbortedError escapes."""

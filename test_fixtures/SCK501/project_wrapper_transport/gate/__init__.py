"""SCK501 project fixture: the listening socket lives in a transport class of another
module, whose accept() hands back the socket's accept()."""

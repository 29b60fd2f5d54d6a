"""SCK701 project fixture: sockets connected in a constructor and read in other methods, with
no timeout set on them anywhere the project index can see. The module sets a timeout on another
socket, which says nothing about these."""

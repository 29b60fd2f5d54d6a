"""SCK702 project fixture: the factory that makes the socket gives it a read timeout
(create_connection's timeout argument), so keepalive is not the only way to notice a dead
server; a factory whose timeout defaults to None gives none."""

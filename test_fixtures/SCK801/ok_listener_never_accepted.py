# SCK801 ok: a listener that only holds its port (a test that occupies a port to see what
# code does when it is taken): the function never accepts on it and never lets it go.
# Connections waiting in its queue are reset when it closes, and none is ever accepted, so
# nothing is left in TIME_WAIT to stop the next bind.
import socket


def test_falls_through_when_first_busy(find_free_port) -> None:
    blocker = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    blocker.bind(("127.0.0.1", 49311))
    blocker.listen(1)
    try:
        assert find_free_port([49311, 49312]) == 49312
    finally:
        blocker.close()


def occupy(port: int) -> None:
    with socket.socket() as holder:
        holder.bind(("", port))
        holder.listen()
        input("port held; press Enter to release")

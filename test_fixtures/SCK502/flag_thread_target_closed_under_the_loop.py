# SCK502 flag: the function around the thread's target closes the listener before it makes
# the loop end (or holds it in `with`, which closes it when the block ends): the loop then
# retries EBADF at full speed until the flag is set.
import socket
import threading


def closed_first(port: int):
    listener = socket.socket()
    listener.bind(("0.0.0.0", 0))
    listener.listen(16)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                raw, _ = listener.accept()  # expect: SCK502
            except OSError:
                continue
            raw.close()

    threading.Thread(target=serve, daemon=True).start()
    yield port
    listener.close()
    stop.set()


def held_in_with(port: int):
    with socket.create_server(("0.0.0.0", port)) as listener:
        running = True

        def serve() -> None:
            while running:
                try:
                    raw, _ = listener.accept()  # expect: SCK502
                except OSError:
                    continue
                raw.close()

        threading.Thread(target=serve, daemon=True).start()
        yield port

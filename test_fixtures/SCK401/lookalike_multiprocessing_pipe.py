# SCK401 lookalike: SIG_DFL in a worker whose writes go through multiprocessing Pipe() connections, not sockets.
import multiprocessing
import signal


def producer(conn, count: int) -> None:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    for i in range(count):
        conn.send_bytes(b"item %d" % i)
    conn.send(None)
    conn.close()


def main() -> None:
    reader, writer_conn = multiprocessing.Pipe(duplex=False)
    proc = multiprocessing.Process(target=producer, args=(writer_conn, 100))
    proc.start()
    writer_conn.close()
    while True:
        item = reader.recv()
        if item is None:
            break
    proc.join()


if __name__ == "__main__":
    main()

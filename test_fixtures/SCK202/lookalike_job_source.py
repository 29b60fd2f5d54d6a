# SCK202 lookalike: a user job source with accept()/recv() methods, interrupted on purpose by a signal handler that raises.
import queue
import signal


class JobSource:
    def __init__(self) -> None:
        self._jobs: "queue.Queue[dict]" = queue.Queue()

    def accept(self, timeout: float = 1.0) -> dict:
        return self._jobs.get(timeout=timeout)

    def recv(self, size: int) -> list:
        return [self._jobs.get_nowait() for _ in range(min(size, self._jobs.qsize()))]


def _checkpoint(signum, frame):
    raise InterruptedError("checkpoint requested")


def work(source: JobSource, run, save_state) -> None:
    signal.signal(signal.SIGUSR1, _checkpoint)
    while True:
        try:
            job = source.accept(timeout=5.0)
            batch = source.recv(16)
        except InterruptedError:
            save_state()
            continue
        except queue.Empty:
            continue
        run(job, batch)

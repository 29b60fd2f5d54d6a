# SCK502 lookalike: a job broker's accept() blocks on a queue; `except Exception: continue` there skips a bad job, no socket.
import json
import logging
import queue

log = logging.getLogger(__name__)


class JobBroker:
    def __init__(self) -> None:
        self._raw: "queue.Queue[str]" = queue.Queue()

    def publish(self, payload: str) -> None:
        self._raw.put(payload)

    def accept(self) -> dict:
        return json.loads(self._raw.get())


def worker(broker: JobBroker, run) -> None:
    while True:
        try:
            job = broker.accept()
        except Exception:
            log.exception("dropping malformed job")
            continue
        if job.get("op") == "shutdown":
            return
        run(job)

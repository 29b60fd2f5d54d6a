# SCK501 lookalike: a user class named like a listener whose accept() hands out queued tasks; nothing here is a socket.
import queue
import threading


class TaskListener:
    def __init__(self) -> None:
        self._tasks: "queue.Queue[dict]" = queue.Queue()

    def submit(self, task: dict) -> None:
        self._tasks.put(task)

    def accept(self) -> dict:
        return self._tasks.get()


def run_workers(listener: TaskListener, execute, count: int = 4) -> None:
    def loop() -> None:
        while True:
            task = listener.accept()
            if task.get("stop"):
                return
            execute(task)

    for _ in range(count):
        threading.Thread(target=loop, daemon=True).start()


def main(lines) -> None:
    listener = TaskListener()
    for line in lines:
        listener.submit({"line": line})
    listener.submit({"stop": True})
    while True:
        task = listener.accept()
        if task.get("stop"):
            break
        print(task["line"])

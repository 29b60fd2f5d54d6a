# The project's own module of that name: the relay script imports it on Python 3 too.
class Queue:
    def __init__(self) -> None:
        self.items = []

    def put(self, item) -> None:
        self.items.append(item)

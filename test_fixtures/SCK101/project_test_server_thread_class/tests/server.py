# SCK101 in test code: a test's fake server runs the handler a test hands it in a thread
# class that makes itself a daemon (self.daemon = True in __init__) and calls the handler
# only from run(). The index records which parameters of _start_server() go only there.
import socket
import threading


class SocketServerThread(threading.Thread):
    def __init__(self, socket_handler, ready_event=None):
        threading.Thread.__init__(self)
        self.socket_handler = socket_handler
        self.ready_event = ready_event
        self.daemon = True

    def _start_server(self):
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.listen(1)
        if self.ready_event:
            self.ready_event.set()
        self.socket_handler(sock)
        sock.close()

    def run(self):
        self._start_server()


class PlainServerThread(threading.Thread):
    # not a daemon: a spinning handler keeps the test run alive
    def __init__(self, socket_handler):
        threading.Thread.__init__(self)
        self.socket_handler = socket_handler

    def run(self):
        sock = socket.create_server(("127.0.0.1", 0))
        self.socket_handler(sock)


class SocketLevelTest:
    def _start_server(self, socket_handler):
        ready_event = threading.Event()
        self.server_thread = SocketServerThread(socket_handler=socket_handler,
                                                ready_event=ready_event)
        self.server_thread.start()
        ready_event.wait()
        self.port = self.server_thread.port

    def _start_plain_server(self, socket_handler):
        self.server_thread = PlainServerThread(socket_handler)
        self.server_thread.start()

    def _run_handler_here(self, socket_handler):
        # also calls the handler in the test's own thread
        self.server_thread = SocketServerThread(socket_handler)
        self.server_thread.start()
        socket_handler(socket.create_server(("127.0.0.1", 0)))

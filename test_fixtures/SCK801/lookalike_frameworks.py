# SCK801 lookalike: tornado's HTTPServer.bind(), an event bus with bind()/listen() and an ldap3 Connection.bind().
import ldap3
from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop
from tornado.web import Application


class EventBus:
    def __init__(self) -> None:
        self.handlers = {}
        self.running = False

    def bind(self, topic: str, handler=None) -> None:
        self.handlers.setdefault(topic, []).append(handler)

    def listen(self) -> None:
        self.running = True


def start_bus(handler) -> EventBus:
    bus = EventBus()
    bus.bind("order.created", handler)
    bus.listen()
    return bus


def start_web(app: Application, port: int) -> None:
    server = HTTPServer(app)
    server.bind(port)
    server.start(0)
    IOLoop.current().start()


def directory_login(host: str, user: str, password: str) -> ldap3.Connection:
    conn = ldap3.Connection(ldap3.Server(host), user=user, password=password)
    conn.bind()
    return conn

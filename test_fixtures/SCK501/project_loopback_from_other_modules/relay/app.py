from relay.server import ExposedServer, QuietServer
from relay.settings import LOCAL_HOST, PUBLIC_HOST


def echo(conn):
    conn.close()


class App:
    def run(self, host=LOCAL_HOST, port=8100):
        QuietServer(host, port).serve_forever(echo)

    def run_exposed(self, port=8101):
        ExposedServer(PUBLIC_HOST, port).serve_forever(echo)

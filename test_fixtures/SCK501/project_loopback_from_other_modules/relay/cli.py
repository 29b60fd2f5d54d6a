import os

import click

from relay.server import LocalServer, PublicServer

CONTROL_HOST = "127.0.0.1"


def echo(conn):
    conn.close()


def run(host="127.0.0.1", port=8000):
    LocalServer(host, port).serve_forever(echo)


def control(port):
    LocalServer(CONTROL_HOST, port).serve_forever(echo)


def from_env(port):
    LocalServer(os.environ.get("RELAY_HOST", "localhost"), port).serve_forever(echo)


@click.command()
@click.option("--host", default="localhost")
@click.option("--port", default=8000)
def main(host, port):
    LocalServer(host, port).serve_forever(echo)


def public(port):
    PublicServer("0.0.0.0", port).serve_forever(echo)

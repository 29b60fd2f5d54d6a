import click

from agent.client import LocalClient, RemoteClient


@click.command()
@click.option("-h", "--lsp-host", "lsp_host", default="127.0.0.1")
@click.option("--port", default=6005)
def main(lsp_host, port):
    print(LocalClient(lsp_host, port).ask(b"ping"))


def status(host="localhost", port=6005):
    return LocalClient(host=host, port=port).ask(b"status")


def report(port):
    return RemoteClient("metrics.example.net", port).ask(b"report")

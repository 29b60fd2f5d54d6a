# SCK501 flag: click and typer options whose default is every interface, or that have no
# default (the user must give a host, which may be any).
import socket

import click
import typer


@click.command()
@click.option("--host", default="0.0.0.0")
@click.option("--port", default=6005)
def serve(host: str, port: int) -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen()
    while True:
        conn, _ = server.accept()  # expect: SCK501
        conn.close()


@click.command()
@click.option("--bind", "address", required=True)
def control(address: str) -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((address, 6006))
    server.listen()
    while True:
        conn, _ = server.accept()  # expect: SCK501
        conn.close()


def run(host: str = typer.Option(..., help="interface"), port: int = 7000) -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen()
    while True:
        conn, _ = server.accept()  # expect: SCK501
        conn.close()

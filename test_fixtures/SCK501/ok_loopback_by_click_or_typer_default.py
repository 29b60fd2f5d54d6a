# SCK501 ok: a command's host parameter filled by a click option or a typer option whose
# default is loopback: the server listens on this host unless the user says otherwise.
import socket

import click
import typer


@click.command()
@click.option("-H", "--proxy-host", "proxy_host", default="127.0.0.1", type=str)
@click.option("--port", default=6005)
def serve(proxy_host: str, port: int) -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((proxy_host, port))
    server.listen()
    while True:
        conn, _ = server.accept()
        conn.close()


@click.command()
@click.option("--listen-host", default="localhost")
def control(listen_host: str) -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((listen_host, 6006))
    server.listen()
    while True:
        conn, _ = server.accept()
        conn.close()


def run(host: str = typer.Option("127.0.0.1", help="interface"), port: int = 7000) -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen()
    while True:
        conn, _ = server.accept()
        conn.close()

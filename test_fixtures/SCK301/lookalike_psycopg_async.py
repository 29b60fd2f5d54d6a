# SCK301 lookalike: psycopg2's asynchronous connect (async_=1) is completed by conn.poll(), not by reading SO_ERROR.
import select

import psycopg2
import psycopg2.extensions as ext


def wait(conn) -> None:
    while True:
        state = conn.poll()
        if state == ext.POLL_OK:
            return
        if state == ext.POLL_WRITE:
            select.select([], [conn.fileno()], [])
        elif state == ext.POLL_READ:
            select.select([conn.fileno()], [], [])
        else:
            raise psycopg2.OperationalError(f"poll() returned {state}")


def connect_async(dsn: str):
    conn = psycopg2.connect(dsn, async_=1)
    wait(conn)
    return conn

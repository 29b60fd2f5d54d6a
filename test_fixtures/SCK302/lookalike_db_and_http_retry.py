# SCK302 lookalike: database and http.client "connect" calls retried in loops are not socket connect() calls.
import http.client
import sqlite3
import time

import psycopg2


def open_db(path: str, retries: int = 5) -> sqlite3.Connection:
    for attempt in range(retries):
        try:
            return sqlite3.connect(path, timeout=5.0)
        except sqlite3.OperationalError:
            time.sleep(0.5 * (attempt + 1))
    raise RuntimeError(f"database {path} unavailable")


def wait_for_postgres(dsn: str):
    while True:
        try:
            return psycopg2.connect(dsn, connect_timeout=3)
        except psycopg2.OperationalError:
            time.sleep(1.0)


def warm_up(host: str) -> bool:
    conn = http.client.HTTPSConnection(host, timeout=5)
    try:
        for attempt in range(3):
            try:
                conn.connect()
                return True
            except OSError:
                conn.close()
                time.sleep(2 ** attempt)
        return False
    finally:
        conn.close()

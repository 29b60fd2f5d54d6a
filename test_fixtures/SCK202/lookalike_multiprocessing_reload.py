# SCK202 lookalike: a SIGHUP handler raises InterruptedError to break out of a multiprocessing Connection.recv() and reload.
import json
import signal
from multiprocessing.connection import Client


def _reload(signum, frame):
    raise InterruptedError("reload requested")


def load_config(path: str = "/etc/follower.json") -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def follow(address, authkey: bytes, apply) -> None:
    signal.signal(signal.SIGHUP, _reload)
    conn = Client(address, authkey=authkey)
    config = load_config()
    while True:
        try:
            update = conn.recv()
        except InterruptedError:
            config = load_config()
            continue
        except EOFError:
            break
        apply(config, update)
    conn.close()

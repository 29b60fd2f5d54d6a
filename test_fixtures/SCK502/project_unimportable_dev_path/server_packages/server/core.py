# Its import names `devtree`, the directory the author kept the project in: the project
# ships `server_packages/common/utils.py` but nothing named `devtree`, so the import fails
# wherever the package is installed, and no code of this module runs.
import socket

from devtree.server_packages.common.utils import send


def serve(port):
    listener = socket.create_server(("", port))
    clients = []
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            continue
        send(conn, {"hello": 1})
        clients.append(conn)

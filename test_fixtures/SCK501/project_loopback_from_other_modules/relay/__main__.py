import argparse

from relay.tls_server import serve, serve_public


def echo(conn):
    conn.close()


def main():
    parser = argparse.ArgumentParser(prog="relay")
    parser.add_argument("--host", action="store", default="::1")
    parser.add_argument("--public-host", default="::")
    parser.add_argument("--port", type=int, default=8446)
    options = parser.parse_args()
    serve(options.host, options.port, echo)
    serve_public(options.public_host, options.port, echo)


if __name__ == "__main__":
    main()

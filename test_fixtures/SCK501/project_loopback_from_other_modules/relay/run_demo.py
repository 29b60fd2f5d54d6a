import argparse

from relay.server import ContributorServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    ContributorServer(args.host, 9100).serve_forever(print)


if __name__ == "__main__":
    main()

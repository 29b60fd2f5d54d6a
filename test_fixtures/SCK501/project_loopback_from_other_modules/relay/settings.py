import os

CONTROL_ADDRESS = ("127.0.0.1", 7001)
PUBLIC_HOST = "0.0.0.0"
LOCAL_HOST = "127.0.0.1"
ENV_HOST = os.getenv("RELAY_HOST", "127.0.0.1")
ENV_PUBLIC = os.environ.get("RELAY_PUBLIC", "0.0.0.0")


class Defaults:
    HOST = "localhost"

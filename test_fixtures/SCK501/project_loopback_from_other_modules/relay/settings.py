CONTROL_ADDRESS = ("127.0.0.1", 7001)
PUBLIC_HOST = "0.0.0.0"


class Defaults:
    HOST = "localhost"
LOCAL_HOST = "127.0.0.1"

# SCK501 flag: the class constant used as the default is assigned again by a method, so
# it is not known to hold loopback; and a constant of a class bound twice is not followed.
import socket


class Config:
    DEFAULT_HOST = "localhost"

    def expose(self):
        self.DEFAULT_HOST = "0.0.0.0"


def serve(host=Config.DEFAULT_HOST, port=0):
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen(5)
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        conn.close()


class Settings:
    HOST = "127.0.0.1"


class Settings:  # noqa: F811 - a second class of the same name
    HOST = ""


def serve_settings(host=Settings.HOST, port=0):
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen(5)
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        conn.close()

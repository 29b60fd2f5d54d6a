# Functions that look like platform tests but are not only one: a parameter, a second statement, a test of something else.
import os
import platform


class SysUtil:
    @classmethod
    def run_on_windows(cls):
        return platform.system() == "Windows"

    @staticmethod
    def is_windows_like(name):
        return name == "nt"

    @staticmethod
    def use_winsock():
        print("checking")
        return os.name == "nt"

    @staticmethod
    def verbose():
        return os.environ.get("VERBOSE") == "1"

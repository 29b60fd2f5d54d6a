# Platform tests the project keeps in one place: each returns a test of sys.platform, os.name or platform.system().
import os
import platform
import sys


class SysUtil:
    @classmethod
    def run_on_windows(cls):
        return platform.system() == "Windows"

    @staticmethod
    def run_on_mac():
        """True on macOS."""
        return sys.platform == "darwin"


def is_posix():
    return os.name != "nt"

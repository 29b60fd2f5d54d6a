"""Platform tests: the families of systems a test is true and false on, and the code that
runs on fewer than all of them."""

import libcst as cst
import pytest

from conftest import import_table
from lint_sockets.analysis.platforms import (
    BSD, EVERYWHERE, LINUX, OTHER, WINDOWS, _outcomes, platform_map,
)

POSIX = frozenset({LINUX, BSD, OTHER})


@pytest.mark.parametrize("test, true, false", [
    ("sys.platform == 'win32'", {WINDOWS}, POSIX),
    ("sys.platform != 'win32'", POSIX, {WINDOWS}),
    ("os.name == 'nt'", {WINDOWS}, POSIX),
    ("os.name == 'posix'", POSIX, {WINDOWS}),
    ("not IS_WINDOWS", POSIX, {WINDOWS}),  # a module constant holding a test
    ("platform.system() == 'Darwin'", {BSD}, EVERYWHERE),  # BSD: macOS and the BSDs
    ("plat.startswith('linux')", {LINUX}, EVERYWHERE),  # Android is Linux too
    ("sys.platform.startswith(('freebsd', 'darwin'))", {BSD}, EVERYWHERE),
    ("'win' in sys.platform", {WINDOWS, BSD, OTHER}, POSIX),  # darwin, cygwin hold "win"
    ("sys.platform in ('win32', 'cygwin')", {WINDOWS, OTHER}, EVERYWHERE - {WINDOWS}),
    ("os.name == 'nt' and ready", {WINDOWS}, EVERYWHERE),
    ("os.name == 'nt' or ready", EVERYWHERE, POSIX),
    ("ready", EVERYWHERE, EVERYWHERE),
    ("sys.platform > 'a'", EVERYWHERE, EVERYWHERE),
])
def test_families_a_platform_test_is_true_and_false_on(test, true, false):
    imports = import_table("import sys", "import os", "import platform",
                       "from sys import platform as plat")
    constants = {"IS_WINDOWS": cst.parse_expression("os.name == 'nt'")}
    outcome = _outcomes(imports, constants, cst.parse_expression(test))
    assert outcome == (frozenset(true), frozenset(false))


def _families_of_names(source, name):
    module = cst.parse_module(source)
    imports = import_table("import sys", "import os", "import ctypes")
    found = platform_map(module, imports, {})
    families = []

    class Finder(cst.CSTVisitor):
        def visit_Name(self, node):
            if node.value == name:
                families.append(found.get(id(node), EVERYWHERE))

    module.visit(Finder())
    return families


def test_code_after_a_guard_that_leaves_runs_where_the_guard_is_false():
    source = ("import sys\n"
              "def f():\n"
              "    here()\n"
              "    if sys.platform != 'linux':\n"
              "        raise ImportError('Linux only')\n"
              "    here()\n")
    assert _families_of_names(source, "here") == [EVERYWHERE, frozenset({LINUX})]


def test_code_after_an_assert_runs_where_the_asserted_test_is_true():
    source = ("import sys\n"
              "def f():\n"
              "    here()\n"
              "    assert sys.platform == 'win32', 'Windows only'\n"
              "    here()\n")
    assert _families_of_names(source, "here") == [EVERYWHERE, frozenset({WINDOWS})]


def test_a_module_guard_holds_for_every_function_and_class_of_the_module():
    # the module refuses to finish importing elsewhere, so nothing can call what it
    # defines there, even above the guard; its top-level code above the guard runs anyway
    source = ("import os, sys\n"
              "here()\n"
              "def f():\n"
              "    here()\n"
              "class C:\n"
              "    def m(self):\n"
              "        here()\n"
              "SUPPORTED = ('win32', 'linux')\n"
              "assert sys.platform in ('win32', 'linux'), 'not supported'\n"
              "if os.name == 'nt':\n"
              "    raise ImportError('POSIX only')\n"
              "here()\n")
    assert _families_of_names(source, "here") == [EVERYWHERE] + [frozenset({LINUX})] * 3


def test_a_guard_that_is_no_platform_test_restricts_nothing():
    source = ("import sys\n"
              "def f():\n"
              "    here()\n"
              "assert sys.version_info >= (3, 8)\n"
              "if __name__ == '__main__':\n"
              "    sys.exit(f())\n")
    assert _families_of_names(source, "here") == [EVERYWHERE]


def test_branches_of_a_platform_test_and_the_rest_of_a_boolean_operation():
    source = ("import os\n"
              "if os.name == 'nt':\n"
              "    here()\n"
              "else:\n"
              "    here()\n"
              "x = os.name == 'nt' and here()\n"
              "y = here() if os.name != 'nt' else 0\n")
    assert _families_of_names(source, "here") == [
        frozenset({WINDOWS}), POSIX, frozenset({WINDOWS}), POSIX]


def test_a_module_that_imports_a_windows_only_module_runs_on_windows_alone():
    assert _families_of_names("import msvcrt\nhere()\n", "here") == [frozenset({WINDOWS})]
    guarded = "try:\n    import msvcrt\nexcept ImportError:\n    pass\nhere()\n"
    assert _families_of_names(guarded, "here") == [EVERYWHERE]


@pytest.mark.parametrize("line, windows_only", [
    ("ws2 = ctypes.WinDLL('ws2_32')", True),
    ("kernel32 = ctypes.windll.kernel32", True),
    ("from ctypes import windll", True),
    ("import win32api", True),
    ("lib = ctypes.CDLL('libc.so.6')", False),
    ("load = lambda: ctypes.windll.kernel32", False),  # runs only when called
])
def test_top_level_code_that_works_only_on_windows(line, windows_only):
    source = f"import ctypes\n{line}\nhere()\n"
    expected = frozenset({WINDOWS}) if windows_only else EVERYWHERE
    assert _families_of_names(source, "here") == [expected]


LINUX_ONLY = frozenset({LINUX})


def _linux_families(source):
    module = cst.parse_module(source)
    imports = import_table("import select", "import socket")
    found = platform_map(module, imports, {})
    families = []

    class Finder(cst.CSTVisitor):
        def visit_Name(self, node):
            if node.value == "here":
                families.append(found.get(id(node), EVERYWHERE))

    module.visit(Finder())
    return families


@pytest.mark.parametrize("body, linux_only", [
    ("ep = select.epoll()", True),
    ("flags = select.EPOLLIN | select.EPOLLET", True),
    ("s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)", True),
    ("s = socket.socket(socket.AF_VSOCK, socket.SOCK_STREAM)", True),
    ("s = socket.socket(socket.AF_ALG, socket.SOCK_SEQPACKET)", True),
    ("s = socket.socket(socket.AF_TIPC, socket.SOCK_RDM)", True),
    ("s = socket.socket(socket.AF_QIPCRTR, socket.SOCK_DGRAM)", True),
    ("s = socket.socket(socket.AF_CAN, socket.SOCK_RAW, socket.CAN_RAW)", False),  # NetBSD
    ("s.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 1)", True),
    ("s.setsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT, 5000)", True),
    ("s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, b'eth0')", True),
    ("s.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 60)", False),  # macOS, BSDs
    ("if hasattr(socket, 'TCP_CORK'):\n        s.setsockopt(6, socket.TCP_CORK, 1)", False),
    ("try:\n        s = socket.socket(socket.AF_NETLINK)\n    except OSError:\n"
     "        log()\n        raise", True),  # a handler that raises is no fallback
    ("ep = select.epoll() if hasattr(select, 'epoll') else None", False),
    ("if hasattr(select, 'epoll'):\n        ep = select.epoll()", False),
    ("try:\n        ep = select.epoll()\n    except AttributeError:\n        ep = None", False),
    ("def inner():\n        return select.epoll()", False),  # a nested function's own
    ("p = select.poll()", False),
    ("s = socket.socket(socket.AF_INET)", False),
])
def test_a_function_that_uses_a_linux_only_name_runs_on_linux_alone(body, linux_only):
    source = f"def f():\n    {body}\n    here()\n"
    expected = LINUX_ONLY if linux_only else EVERYWHERE
    assert _linux_families(source) == [expected]


def test_every_method_of_a_class_with_a_linux_only_method_runs_on_linux_alone():
    source = ("class Server:\n"
              "    def start(self):\n"
              "        self.ep = select.epoll()\n"
              "    def loop(self):\n"
              "        here()\n"
              "class Other:\n"
              "    def loop(self):\n"
              "        here()\n")
    assert _linux_families(source) == [LINUX_ONLY, EVERYWHERE]


@pytest.mark.parametrize("head, micropython", [
    ("import usocket as socket", True),
    ("from uerrno import EAGAIN", True),
    ("import esp32", True),
    ("try:\n    import usocket as socket\nexcept ImportError:\n    import socket", False),
    ("import ujson", False),  # UltraJSON, a CPython package too
    ("import network", False),  # a project may have a module of that name
])
def test_a_micropython_module_runs_with_linux_errno_numbers(head, micropython):
    source = f"{head}\ndef f():\n    here()\n"
    assert _linux_families(source) == [LINUX_ONLY if micropython else EVERYWHERE]

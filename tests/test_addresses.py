"""Addresses the analysis knows to be on this host."""

import pytest

from lint_sockets.analysis.flow import is_loopback_host


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.199.71.10", True), ("localhost", True), ("::1", True),
    ("128.0.0.1", False), ("127.0.0", False), ("127.0.0.256", False), ("127.0.0.x", False),
    ("0.0.0.0", False), ("", False),
])
def test_every_address_of_127_is_loopback(host, loopback):
    assert is_loopback_host(host) is loopback

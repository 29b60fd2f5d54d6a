from agent.client import RemoteClient


def test_report() -> None:
    # a test exercises the client on this machine: its loopback host says nothing about the
    # hosts the client's users pass
    assert RemoteClient("127.0.0.1", 6005).ask(b"report")

from agent.plugin import PluginClient


def test_fetch() -> None:
    assert PluginClient("localhost", 7777).fetch()

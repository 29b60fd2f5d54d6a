from agent.plugin import PluginClient

print(PluginClient("127.0.0.1", 7777).fetch())

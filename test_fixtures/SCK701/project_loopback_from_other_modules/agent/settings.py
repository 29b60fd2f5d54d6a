AGENT_HOST = "127.0.0.1"
UPSTREAM = ("metrics.example.net", 443)

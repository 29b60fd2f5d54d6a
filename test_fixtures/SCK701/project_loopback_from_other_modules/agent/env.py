# Hosts read from the environment with a default, for envclient.py
import os

SERVER_HOST = os.getenv("AGENT_HOST", "127.0.0.1")
REMOTE_HOST = os.getenv("AGENT_REMOTE", "relay.example.net")

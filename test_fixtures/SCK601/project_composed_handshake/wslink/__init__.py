"""A websocket-like client whose connections and handshake requests are made in other
modules."""

class Peer:
    def __init__(self, address):
        self.address = address

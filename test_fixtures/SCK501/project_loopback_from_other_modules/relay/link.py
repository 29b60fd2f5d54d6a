from relay.linker import serve_link


def listen_link(link, handle):
    address = link["address"]
    serve_link(address, link["port"], handle)

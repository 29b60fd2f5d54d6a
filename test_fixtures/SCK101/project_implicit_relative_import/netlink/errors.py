class Gone(Exception):
    pass

from broker.listener import Listener, Lobby

NO_PORT = 0


def new_game():
    # port 0 lets the kernel pick a free port for each game
    listener = Listener(port=0, backlog=2)
    spare = Listener(NO_PORT)
    return listener.get_port(), spare.get_port()


def open_lobbies():
    return Lobby(port=0), Lobby(7000)

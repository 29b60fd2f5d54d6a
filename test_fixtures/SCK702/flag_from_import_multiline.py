# SCK702 flag: names imported from socket, True as the value, and a call spread over several lines (reported where it starts).
from socket import IPPROTO_TCP, SO_KEEPALIVE, SOL_SOCKET, TCP_NODELAY, create_connection


def open_control_channel(addr):
    conn = create_connection(addr)
    conn.setsockopt(IPPROTO_TCP, TCP_NODELAY, 1)
    conn.setsockopt(SOL_SOCKET, SO_KEEPALIVE, True)  # expect: SCK702
    return conn


def open_data_channel(addr):
    data_conn = create_connection(addr)
    data_conn.setsockopt(  # expect: SCK702
        SOL_SOCKET,
        SO_KEEPALIVE,
        1,
    )
    return data_conn

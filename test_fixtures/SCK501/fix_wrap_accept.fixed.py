# SCK501 fix: the accept is wrapped in try/except ConnectionAbortedError: continue.
import socket
import threading


def serve(listener: socket.socket, handle) -> None:
    while True:
        # wait for the next client
        try:
            conn, addr = listener.accept()  # expect: SCK501
        except ConnectionAbortedError:
            continue
        threading.Thread(target=handle, args=(conn, addr)).start()


async def serve_async(loop, listener: socket.socket, handle) -> None:
    while True:
        try:
            conn, addr = await loop.sock_accept(listener)  # expect: SCK501
        except ConnectionAbortedError:
            continue
        loop.create_task(handle(conn))


def inside_a_broader_handler(listener: socket.socket, handle) -> None:
    while True:
        try:
            try:
                conn, addr = listener.accept()  # expect: SCK501
            except ConnectionAbortedError:
                continue
        except OSError:
            break
        handle(conn)

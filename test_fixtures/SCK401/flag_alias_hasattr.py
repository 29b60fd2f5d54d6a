# SCK401 flag: `import signal as sig` guarded by hasattr() in a module that writes to a Unix stream socket.
import signal as sig
import socket

if hasattr(sig, "SIGPIPE"):
    sig.signal(sig.SIGPIPE, sig.SIG_DFL)  # expect: SCK401


def notify(path: str, state: str) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.connect(path)
        s.sendall(f"STATE={state}\n".encode("ascii"))

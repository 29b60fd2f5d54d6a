# SCK601 lookalike: send() on multiprocessing pipe ends, smtplib.SMTP and http.client connections; none is a socket.
import http.client
import multiprocessing
import smtplib
import socket

# Every socket made here is in timeout mode: only their not being sockets keeps these
# send() calls quiet.
socket.setdefaulttimeout(30)


def worker(child_conn) -> None:
    child_conn.send_bytes(b"ready")
    child_conn.close()


def start_worker() -> bytes:
    parent_conn, child_conn = multiprocessing.Pipe()
    proc = multiprocessing.Process(target=worker, args=(child_conn,))
    proc.start()
    parent_conn.send(b"start")
    reply = parent_conn.recv_bytes()
    proc.join()
    return reply


def smtp_noop(host: str) -> None:
    smtp_conn = smtplib.SMTP(host, 25, timeout=10)
    try:
        smtp_conn.send(b"NOOP\r\n")
        smtp_conn.getreply()
    finally:
        smtp_conn.quit()


def put_chunked(host: str, path: str, chunks) -> int:
    conn = http.client.HTTPSConnection(host, timeout=30)
    conn.putrequest("PUT", path)
    conn.putheader("Transfer-Encoding", "chunked")
    conn.endheaders()
    for chunk in chunks:
        conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    conn.send(b"0\r\n\r\n")
    return conn.getresponse().status

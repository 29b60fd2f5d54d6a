"""SCK202 project fixture: EINTR retry helpers in one module, the socket calls they retry
in another. The dead retry is reported once, at the helper, naming what it retries."""

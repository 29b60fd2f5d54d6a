"""Errno sets the other modules import."""
import errno

RETRY = (errno.EINTR, errno.EAGAIN)
GONE = frozenset({errno.ECONNRESET, errno.EPIPE})

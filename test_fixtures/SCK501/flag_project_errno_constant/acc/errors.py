# Errno groups shared by the project.
import errno

WOULD_BLOCK = (errno.EAGAIN, errno.EWOULDBLOCK)

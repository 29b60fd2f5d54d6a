# Errno groups shared by the project.
import errno
from errno import ECONNABORTED

ACCEPT_RETRY_ERRNOS = (ECONNABORTED, errno.EMFILE, errno.ENFILE, errno.EPROTO)
TRANSIENT = frozenset({errno.ECONNABORTED, errno.EPROTO})

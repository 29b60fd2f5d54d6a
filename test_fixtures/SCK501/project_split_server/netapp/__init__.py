"""SCK501 project fixture: a server split over modules; the settings, the listener factory
and the accept loop each live in their own module, and markers sit in more than one file."""
from netapp.config import ADDRESS, BACKLOG

__all__ = ["ADDRESS", "BACKLOG"]

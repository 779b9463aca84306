"""Filters for the log: one line for a refused request, a traceback only for a server error."""

import logging


class NoTracebackBelow500(logging.Filter):
    """Django logs a PermissionDenied (403) or a bad request (400) with the exception's
    traceback, as if it were a failure of ours; it is the permission check working. The
    record keeps its message ("Forbidden (Permission denied): /ru/…") without the traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", 500) < 500:
            record.exc_info = None
            record.exc_text = None
        return True

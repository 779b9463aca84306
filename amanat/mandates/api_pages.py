"""Bounds of the API's lists: a limit or offset out of range is a 422, never a 500 (a huge
offset overflows the database's integer)."""

from django.utils.translation import gettext as _

from amanat.core.api_errors import ApiError, ErrorCode

MAX_OFFSET = 1_000_000
MAX_ID = 2**31 - 1  # the largest primary key the database's integer holds


def invalid_query(field: str, message: str) -> ApiError:
    errors = [{"field": field, "code": ErrorCode.INVALID, "message": message}]
    return ApiError(422, ErrorCode.INVALID, _("The request is not valid."), errors)


def page_bounds(limit: int, offset: int, most: int) -> tuple[int, int]:
    """(start, stop) of the requested page."""
    if not 1 <= limit <= most:
        raise invalid_query("limit", _("The limit is from 1 to %(most)s.") % {"most": most})
    if not 0 <= offset <= MAX_OFFSET:
        message = _("The offset is from 0 to %(most)s.") % {"most": MAX_OFFSET}
        raise invalid_query("offset", message)
    return offset, offset + limit

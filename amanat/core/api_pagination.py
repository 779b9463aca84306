"""Pagination for /api/v1 with bounds the schema states: an out-of-range limit or offset is a
422 with the error envelope, never a value the database cannot take (an offset past 2⁶³
made SQLite and PostgreSQL fail with a 500)."""

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

MAX_LIMIT = 500
# Far past any list the API serves (≈10,000 stations), far below a 64-bit integer.
MAX_OFFSET = 1_000_000


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_LIMIT, **kwargs)

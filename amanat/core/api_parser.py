"""The API's request parser: JSON bodies and form/query values with a NUL character are
refused before any query, since PostgreSQL cannot store or compare text holding NUL (such a
request was a 500 there, and passed on SQLite). A body answers 400 (ninja's answer to a body
it cannot parse), a query or form value 422 naming the field."""

import json

from ninja.errors import ValidationError
from ninja.parser import Parser


def _holds_nul(data) -> bool:
    stack = [data]
    while stack:  # no recursion: a body may nest as deep as the JSON parser allowed
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


class NulRefusingParser(Parser):
    def parse_body(self, request):
        data = json.loads(request.body)
        if _holds_nul(data):
            raise ValueError("the body holds a NUL character")
        return data

    def parse_querydict(self, data, list_fields, request):
        result = super().parse_querydict(data, list_fields, request)
        refused = [
            {"loc": (key,), "type": "nul_character", "msg": "NUL characters are not allowed"}
            for key, value in result.items()
            if _holds_nul(key) or _holds_nul(value)
        ]
        if refused:
            raise ValidationError(refused)
        return result

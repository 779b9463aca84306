import uuid

from amanat.geography.models import Region
from amanat.legalhelp.services import (
    question_ask,
)


def ask(region="KZ-71", **overrides):
    values = {
        "client_id": uuid.uuid4(),
        "region": Region.objects.get(code=region),
        "topic": "voter_lists",
        "text": TEXT,
        "is_public": True,
        "language": "ru",
    }
    values.update(overrides)
    return question_ask(**values)


TEXT = "Меня не нашли в списке избирателей, хотя я живу здесь десять лет. Что делать?"

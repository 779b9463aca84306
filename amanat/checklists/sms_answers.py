"""What an SMS value means for each kind of question: yes/no is 1 (yes) or 2 (no)."""

from django.utils.translation import gettext as _

from .answers import AnswerError
from .models import FormVersion, Question

YES_NO = {1: True, 2: False}


def sms_answers(
    version: FormVersion, values: dict[str, int]
) -> tuple[dict[str, bool | int], list[AnswerError]]:
    """Typed answers for the ingestion service, and errors for what an SMS cannot express."""
    kinds = {q.code: q.kind for q in version.questions.all()}
    answers: dict[str, bool | int] = {}
    errors: list[AnswerError] = []
    for code, value in values.items():
        kind = kinds.get(code)
        if kind == Question.Kind.YES_NO:
            if value in YES_NO:
                answers[code] = YES_NO[value]
            else:
                errors.append(AnswerError(code, "not_yes_no", _("answer 1 (yes) or 2 (no)")))
        elif kind in (Question.Kind.INTEGER, Question.Kind.SINGLE):
            answers[code] = value
        elif kind is None:
            answers[code] = value  # the ingestion service names unknown questions
        else:
            errors.append(AnswerError(code, "not_by_sms", _("cannot be answered by SMS")))
    return answers, errors

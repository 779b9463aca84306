"""Checking answers against a form version, the same way for every channel."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import Question

TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
TEXT_LIMIT = 2000


@dataclass(frozen=True)
class AnswerError:
    field: str
    code: str
    message: str

    def as_dict(self) -> dict:
        return {"field": self.field, "code": self.code, "message": self.message}


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check(question: Question, value) -> tuple[object, AnswerError | None]:
    code, kind = question.code, question.kind
    error = None
    if kind == Question.Kind.YES_NO and not isinstance(value, bool):
        error = AnswerError(code, "not_yes_no", _("Answer yes or no."))
    elif kind == Question.Kind.INTEGER:
        if not _is_int(value):
            error = AnswerError(code, "not_integer", _("Give a whole number."))
        elif (question.minimum is not None and value < question.minimum) or (
            question.maximum is not None and value > question.maximum
        ):
            error = AnswerError(
                code,
                "out_of_range",
                _("Give a number from %(min)s to %(max)s.")
                % {"min": question.minimum, "max": question.maximum},
            )
    elif kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        allowed = {choice["value"] for choice in question.choices}
        values = value if kind == Question.Kind.MULTIPLE else [value]
        if not isinstance(values, list) or not values or not all(v in allowed for v in values):
            error = AnswerError(
                code,
                "not_a_choice",
                _("Choose from: %(choices)s.") % {"choices": ", ".join(map(str, sorted(allowed)))},
            )
        elif kind == Question.Kind.MULTIPLE:
            value = sorted(set(values))
    elif kind == Question.Kind.TEXT and not (isinstance(value, str) and len(value) <= TEXT_LIMIT):
        error = AnswerError(code, "not_text", _("Write text of at most 2000 characters."))
    elif kind == Question.Kind.TIME and not (isinstance(value, str) and TIME.match(value)):
        error = AnswerError(code, "not_time", _("Give a time as HH:MM."))
    elif kind == Question.Kind.PHOTO and not (isinstance(value, str) and SHA256.match(value)):
        # A photo answer is the SHA-256 of a photo sent first (photos.py).
        error = AnswerError(code, "not_photo", _("Attach the photo."))
    return value, error


def is_relevant(question: Question, answers: dict) -> bool:
    condition = question.relevant_if
    if not condition:
        return True
    return answers.get(condition["question"]) == condition["equals"]


def is_critical(question: Question, value) -> bool:
    rule = question.critical_if
    if not rule:
        return False
    if "equals" in rule:
        return value == rule["equals"]
    if "in" in rule:
        return value in rule["in"]
    return False


def answers_check(questions: list[Question], answers: dict) -> tuple[dict, list[AnswerError]]:
    """Clean answers keyed by question code, and every error (unknown codes included)."""
    by_code = {q.code: q for q in questions}
    errors = [
        AnswerError(code, "unknown_question", _("This form has no question %(code)s.")
                    % {"code": code})
        for code in answers if code not in by_code
    ]  # fmt: skip
    clean = {}
    for question in questions:
        if question.code not in answers or answers[question.code] is None:
            continue
        value, error = _check(question, answers[question.code])
        if error:
            errors.append(error)
        else:
            clean[question.code] = value
    for question in questions:
        if question.code in clean and not is_relevant(question, clean):
            errors.append(
                AnswerError(
                    question.code,
                    "not_relevant",
                    _("Question %(code)s is asked only when %(other)s is %(value)s.")
                    % {
                        "code": question.code,
                        "other": question.relevant_if["question"],
                        "value": question.relevant_if["equals"],
                    },
                )
            )
    if not clean and not errors:
        errors.append(AnswerError("answers", "empty", _("No answer was given.")))
    return clean, errors

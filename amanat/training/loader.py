"""Loading courses from TOML files (content/*.toml): idempotent, keyed by slugs and codes.

A course file holds the course, its lessons and its quiz in kk, ru and en:

    slug = "observer-rights"
    program = "observer"
    title.kk = "..."  (and .ru, .en; likewise summary)
    [[lessons]]
    title.kk = "..."   body.kk = (a multi-line Markdown string)
    [quiz]
    questions_per_attempt = 5
    [[quiz.questions]]
    code = "rights-1"
    kind = "single"          # or "multiple"
    correct = [2]            # 1-based positions of the right choices
    text.kk = "..."
    choices.kk = ["...", "...", "..."]
"""

import tomllib
from pathlib import Path

from django.db import transaction

from .models import Choice, Course, Lesson, Question, Quiz

CONTENT_DIR = Path(__file__).resolve().parent / "content"
LANGS = ("kk", "ru", "en")


def _tr(field: str, values: dict) -> dict:
    missing = [lang for lang in LANGS if not values.get(lang)]
    if missing:
        raise ValueError(f"{field}: no text in {', '.join(missing)}")
    return {f"{field}_{lang}": values[lang] for lang in LANGS}


@transaction.atomic
def course_load(path: Path) -> Course:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    course, _ = Course.objects.update_or_create(
        slug=data["slug"],
        defaults={
            "program": data["program"],
            "position": data.get("position", 0),
            "required": data.get("required", True),
            **_tr("title", data["title"]),
            **_tr("summary", data["summary"]),
        },
    )
    for position, lesson in enumerate(data.get("lessons", []), start=1):
        Lesson.objects.update_or_create(
            course=course,
            position=position,
            defaults={**_tr("title", lesson["title"]), **_tr("body", lesson["body"])},
        )
    course.lessons.filter(position__gt=len(data.get("lessons", []))).delete()
    if "quiz" in data:
        _quiz_load(course, data["quiz"])
    return course


def _quiz_load(course: Course, data: dict) -> None:
    quiz, _ = Quiz.objects.update_or_create(
        course=course,
        defaults={
            "questions_per_attempt": data.get("questions_per_attempt", 10),
            "pass_mark": data.get("pass_mark", 80),
            "max_attempts": data.get("max_attempts", 3),
        },
    )
    for item in data["questions"]:
        _question_load(quiz, item)


def _question_load(quiz: Quiz, item: dict) -> None:
    kind = item.get("kind", "single")
    correct = set(item["correct"])
    choices = item["choices"]
    count = len(choices["ru"])
    if any(len(choices[lang]) != count for lang in LANGS):
        raise ValueError(f"{item['code']}: the languages have different numbers of choices")
    if not correct <= set(range(1, count + 1)) or (kind == "single" and len(correct) != 1):
        raise ValueError(f"{item['code']}: wrong correct answers {sorted(correct)}")
    question, _ = Question.objects.update_or_create(
        quiz=quiz,
        code=item["code"],
        defaults={
            "kind": kind,
            **_tr("text", item["text"]),
            **_tr("explanation", item.get("explanation") or item["text"]),
        },
    )
    # Choices keep their ids across reloads: past attempts' answers refer to them.
    for position in range(1, count + 1):
        Choice.objects.update_or_create(
            question=question,
            position=position,
            defaults={
                "is_correct": position in correct,
                **{f"text_{lang}": choices[lang][position - 1] for lang in LANGS},
            },
        )
    question.choices.filter(position__gt=count).delete()


def courses_load_all(directory: Path = CONTENT_DIR) -> list[Course]:
    return [course_load(path) for path in sorted(directory.glob("*.toml"))]

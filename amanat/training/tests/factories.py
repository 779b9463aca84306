import factory

from amanat.accounts.models import Program
from amanat.training.models import Choice, Course, Lesson, Question, Quiz


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    slug = factory.Sequence(lambda n: f"course-{n}")
    program = Program.OBSERVER
    title_en = factory.Sequence(lambda n: f"Course {n}")
    title_ru = factory.Sequence(lambda n: f"Курс {n}")
    title_kk = factory.Sequence(lambda n: f"Курс {n}")


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    course = factory.SubFactory(CourseFactory)
    position = factory.Sequence(lambda n: n + 1)
    title_en = "Lesson"
    title_ru = "Урок"
    body_ru = "Текст **урока**"


class QuizFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quiz

    course = factory.SubFactory(CourseFactory)
    questions_per_attempt = 3
    pass_mark = 80
    max_attempts = 2


def question_with_choices(quiz, code, *, correct=(1,), kind="single", choices=3):
    question = Question.objects.create(
        quiz=quiz, code=code, kind=kind, text_ru=f"Вопрос {code}", text_en=f"Question {code}"
    )
    for position in range(1, choices + 1):
        Choice.objects.create(
            question=question,
            position=position,
            text_ru=f"Ответ {position}",
            text_en=f"Answer {position}",
            is_correct=position in correct,
        )
    return question


def quiz_with_pool(size=5, **kwargs):
    quiz = QuizFactory(**kwargs)
    for index in range(size):
        question_with_choices(quiz, f"q{index}", correct=(2,))
    return quiz


def right_answers(attempt):
    return {
        str(pk): [c.pk for c in Question.objects.get(pk=pk).choices.all() if c.is_correct]
        for pk in attempt.question_ids
    }


def wrong_answers(attempt):
    return {
        str(pk): [c.pk for c in Question.objects.get(pk=pk).choices.all() if not c.is_correct][:1]
        for pk in attempt.question_ids
    }

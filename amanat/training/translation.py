from modeltranslation.translator import TranslationOptions, register

from .models import Choice, Course, Lesson, Question


@register(Course)
class CourseTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(Lesson)
class LessonTranslation(TranslationOptions):
    fields = ("title", "body", "video_url")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "explanation")


@register(Choice)
class ChoiceTranslation(TranslationOptions):
    fields = ("text",)

from django.contrib import admin
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from amanat.accounts.models import Certificate

from .models import Attempt, Choice, Course, Lesson, Question, Quiz


class LessonInline(TranslationStackedInline):
    model = Lesson
    extra = 0


@admin.register(Course)
class CourseAdmin(TranslationAdmin):
    list_display = ["title", "program", "position", "required", "is_published"]
    list_filter = ["program"]
    inlines = [LessonInline]


class ChoiceInline(TranslationTabularInline):
    model = Choice
    extra = 0


@admin.register(Question)
class QuestionAdmin(TranslationAdmin):
    list_display = ["code", "text", "quiz", "kind"]
    list_filter = ["quiz"]
    inlines = [ChoiceInline]


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["course", "questions_per_attempt", "pass_mark", "max_attempts"]


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ["user", "quiz", "number", "score", "passed", "started_at", "finished_at"]
    list_filter = ["quiz", "passed"]
    readonly_fields = ["user", "quiz", "number", "question_ids", "answers", "started_at"]


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["code", "holder_name", "program", "issued_at", "revoked_at"]
    search_fields = ["code", "holder_name"]
    readonly_fields = ["code", "user", "program", "issued_at"]

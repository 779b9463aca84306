"""The course engine: courses of lessons, quizzes drawn from a question pool, attempts, and
certificates (accounts.Certificate, which observers read too). Observers' training uses it;
so does the course for first-time voters."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from amanat.accounts.models import Program

if TYPE_CHECKING:
    # modeltranslation gives each model of translation.py its MultilingualManager at start-up;
    # with this import django-stubs can resolve `objects` and the reverse managers to it.
    import modeltranslation.manager  # noqa: F401


class Course(models.Model):
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    program = models.CharField(_("programme"), max_length=30, choices=Program.choices)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    required = models.BooleanField(_("required for the certificate"), default=True)
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["program", "position"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self) -> str:
        return self.title


class Lesson(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="lessons")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text (Markdown)"), blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    image = models.ImageField(_("image"), upload_to="training/images/", blank=True)
    attachment = models.FileField(
        _("material to download"), upload_to="training/files/", blank=True
    )

    class Meta:
        ordering = ["course", "position"]
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        constraints = [
            models.UniqueConstraint(fields=["course", "position"], name="lesson_position")
        ]

    def __str__(self) -> str:
        return self.title


class Quiz(models.Model):
    course = models.OneToOneField(Course, on_delete=models.CASCADE, related_name="quiz")
    questions_per_attempt = models.PositiveSmallIntegerField(_("questions per attempt"), default=10)
    pass_mark = models.PositiveSmallIntegerField(_("pass mark, %"), default=80)
    max_attempts = models.PositiveSmallIntegerField(_("attempts allowed"), default=3)
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit, minutes"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self) -> str:
        return str(self.course)


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("One answer")
        MULTIPLE = "multiple", _("Several answers")

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    code = models.SlugField(_("code"), max_length=40)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    text = models.TextField(_("question"))
    explanation = models.TextField(_("explanation"), blank=True)

    class Meta:
        ordering = ["quiz", "code"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [models.UniqueConstraint(fields=["quiz", "code"], name="question_code")]

    def __str__(self) -> str:
        return self.text[:80]


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("answer"), max_length=300)
    is_correct = models.BooleanField(_("correct"), default=False)

    class Meta:
        ordering = ["question", "position"]
        verbose_name = _("answer choice")
        verbose_name_plural = _("answer choices")

    def __str__(self) -> str:
        return self.text


class Attempt(models.Model):
    """One sitting of a quiz: the questions drawn for it, the answers, the score."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField(_("attempt"))
    question_ids = models.JSONField(default=list)
    answers = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("score, %"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), default=False)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [
            models.UniqueConstraint(fields=["user", "quiz", "number"], name="attempt_number")
        ]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.number}"

    @property
    def seconds_spent(self) -> int | None:
        if self.finished_at is None:
            return None
        return int((self.finished_at - self.started_at).total_seconds())


class LessonProgress(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="lesson_progress_once")
        ]

    def __str__(self) -> str:
        return f"{self.lesson} ✓"

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.accounts.models import Program
from amanat.core.rate_limits import limit_reached, rate_limit, refused_page

from . import selectors, services
from .learners import is_closed_to, learner_for
from .models import Course, Question
from .pdf import certificate_pdf
from .rendering import lesson_html

# The page of each programme's courses (the observers' under the training home).
PROGRAM_PAGES = {Program.OBSERVER: "training:home", Program.FIRST_TIME_VOTER: "training:first_vote"}


def _course(slug: str) -> Course:
    return get_object_or_404(Course, slug=slug, is_published=True)


def _learner(request: HttpRequest, program: str):
    """The learner, or the page to go to instead: sign in, or (a citizen) apply to observe."""
    if is_closed_to(request.user, program):
        return None, redirect("observers:apply")
    learner = learner_for(request, program)
    if learner is None:
        return None, redirect_to_login(request.get_full_path())
    return learner, None


def program_home(request: HttpRequest, program: str = Program.OBSERVER) -> HttpResponse:
    learner, elsewhere = _learner(request, program)
    if elsewhere is not None:
        return elsewhere
    context = {
        "program": Program(program),
        "statuses": learner.statuses(program),
        "certificate": learner.certificate(program),
        "visitor": learner.is_visitor,
    }
    return render(request, "training/program.html", context)


def course_detail(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(slug)
    learner, elsewhere = _learner(request, course.program)
    if elsewhere is not None:
        return elsewhere
    return render(
        request,
        "training/course.html",
        {"course": course, "lessons": course.lessons.all(), "quiz": selectors.quiz_of(course)},
    )


def lesson_detail(request: HttpRequest, slug: str, position: int) -> HttpResponse:
    course = _course(slug)
    learner, elsewhere = _learner(request, course.program)
    if elsewhere is not None:
        return elsewhere
    lesson = selectors.lesson_get(course=course, position=position)
    if lesson is None:
        raise Http404
    if request.method == "POST":
        learner.lesson_read(lesson)
        following = course.lessons.filter(position__gt=position).first()
        if following is not None:
            return redirect("training:lesson", slug=slug, position=following.position)
        return redirect("training:course", slug=slug)
    context = {"course": course, "lesson": lesson, "body": lesson_html(lesson.body)}
    return render(request, "training/lesson.html", context)


def quiz_view(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(slug)
    learner, elsewhere = _learner(request, course.program)
    if elsewhere is not None:
        return elsewhere
    wait = learner.is_visitor and request.method == "POST" and _visitor_limited(request)
    if wait:
        return refused_page(request, wait)
    quiz = selectors.quiz_of(course)
    if quiz is None:
        raise Http404
    error, errors = None, []
    open_attempt = learner.attempt_open(quiz)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "start" or open_attempt is None:
                learner.attempt_start(quiz)
                return redirect("training:quiz", slug=slug)
            answers = {
                key.removeprefix("q"): request.POST.getlist(key)
                for key in request.POST
                if key.startswith("q")
            }
            attempt = learner.attempt_submit(quiz, open_attempt, answers)
            return redirect("training:quiz_result", slug=slug, number=attempt.number)
        except services.QuizError as failure:
            error, errors = failure.message, [e["field"] for e in failure.errors]
            open_attempt = learner.attempt_open(quiz)
    context = {
        "course": course,
        "quiz": quiz,
        "attempt": open_attempt,
        "questions": _questions(open_attempt),
        "attempts_left": max(quiz.max_attempts - learner.attempts_used(quiz), 0),
        "error": error,
        "error_fields": errors,
        "chosen": request.POST,
    }
    return render(request, "training/quiz.html", context, status=400 if error else 200)


def _visitor_limited(request: HttpRequest) -> int:
    """Bounds what visitors' quizzes write into sessions, as the public forms are bounded;
    not signed-in observers, who may sit a quiz together behind one address. Seconds to wait."""
    return limit_reached(request, group="training.visitor_quiz", key="ip", rate="60/m")


def _questions(attempt) -> list[Question]:
    if attempt is None:
        return []
    by_id = {
        q.pk: q
        for q in Question.objects.filter(pk__in=attempt.question_ids).prefetch_related("choices")
    }
    return [by_id[pk] for pk in attempt.question_ids if pk in by_id]


def quiz_result(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    course = _course(slug)
    learner, elsewhere = _learner(request, course.program)
    if elsewhere is not None:
        return elsewhere
    quiz = selectors.quiz_of(course)
    attempt = learner.attempt_finished(quiz, number) if quiz is not None else None
    if attempt is None:
        raise Http404
    program = Program(course.program)
    program_url = reverse(PROGRAM_PAGES[program])
    context = {
        "course": course,
        "program": program,
        "program_url": program_url,
        "attempt": attempt,
        "certificate": learner.certificate(course.program),
        "signup_url": f"{reverse('accounts:signup')}?{urlencode({'next': program_url})}",
        "login_url": f"{reverse('accounts:login')}?{urlencode({'next': program_url})}",
        "visitor": learner.is_visitor,
    }
    return render(request, "training/quiz_result.html", context)


@login_required
def my_certificate_pdf(request: AuthenticatedHttpRequest) -> HttpResponse:
    certificate = selectors.certificate_for(user=request.user)
    if certificate is None:
        raise Http404
    verify_url = request.build_absolute_uri(
        reverse("certificate_verify", kwargs={"code": certificate.code})
    )
    content = certificate_pdf(certificate, language=get_language(), verify_url=verify_url)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="amanat-{certificate.code}.pdf"'
    return response


@rate_limit(key="ip", rate="30/m")
def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: anyone (a commission chair, a journalist) checks a certificate by its code."""
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        return render(request, "training/certificate_unknown.html", {"code": code}, status=404)
    return render(request, "training/certificate_verify.html", {"certificate": certificate})


@require_POST
def certificate_lookup(request: HttpRequest) -> HttpResponse:
    code = request.POST.get("code", "").strip().upper()[:40] or "-"
    return redirect("certificate_verify", code=code)

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from . import selectors, services
from .models import Attempt, Course, Program, Question
from .pdf import certificate_pdf
from .rendering import lesson_html


def _course(slug: str) -> Course:
    return get_object_or_404(Course, slug=slug, is_published=True)


@login_required
def program_home(request: HttpRequest, program: str = Program.OBSERVER) -> HttpResponse:
    context = {
        "program": Program(program),
        "statuses": selectors.course_statuses(user=request.user, program=program),
        "certificate": selectors.certificate_for(user=request.user, program=program),
    }
    return render(request, "training/program.html", context)


@login_required
def course_detail(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(slug)
    return render(
        request,
        "training/course.html",
        {"course": course, "lessons": course.lessons.all(), "quiz": selectors.quiz_of(course)},
    )


@login_required
def lesson_detail(request: HttpRequest, slug: str, position: int) -> HttpResponse:
    course = _course(slug)
    lesson = selectors.lesson_get(course=course, position=position)
    if lesson is None:
        raise Http404
    if request.method == "POST":
        services.lesson_complete(user=request.user, lesson=lesson)
        following = course.lessons.filter(position__gt=position).first()
        if following is not None:
            return redirect("training:lesson", slug=slug, position=following.position)
        return redirect("training:course", slug=slug)
    context = {"course": course, "lesson": lesson, "body": lesson_html(lesson.body)}
    return render(request, "training/lesson.html", context)


@login_required
def quiz_view(request: HttpRequest, slug: str) -> HttpResponse:
    course = _course(slug)
    quiz = selectors.quiz_of(course)
    if quiz is None:
        raise Http404
    error, errors = None, []
    open_attempt = Attempt.objects.filter(
        user=request.user, quiz=quiz, finished_at__isnull=True
    ).first()
    if request.method == "POST":
        try:
            if request.POST.get("action") == "start" or open_attempt is None:
                services.attempt_start(user=request.user, quiz=quiz)
                return redirect("training:quiz", slug=slug)
            answers = {
                key.removeprefix("q"): request.POST.getlist(key)
                for key in request.POST
                if key.startswith("q")
            }
            attempt = services.attempt_submit(attempt=open_attempt, answers=answers)
            return redirect("training:quiz_result", slug=slug, number=attempt.number)
        except services.QuizError as failure:
            error, errors = failure.message, [e["field"] for e in failure.errors]
            open_attempt = Attempt.objects.filter(
                user=request.user, quiz=quiz, finished_at__isnull=True
            ).first()
    questions = []
    if open_attempt is not None:
        by_id = {
            q.pk: q
            for q in Question.objects.filter(pk__in=open_attempt.question_ids).prefetch_related(
                "choices"
            )
        }
        questions = [by_id[pk] for pk in open_attempt.question_ids if pk in by_id]
    used = Attempt.objects.filter(user=request.user, quiz=quiz).count()
    context = {
        "course": course,
        "quiz": quiz,
        "attempt": open_attempt,
        "questions": questions,
        "attempts_left": max(quiz.max_attempts - used, 0),
        "error": error,
        "error_fields": errors,
        "chosen": request.POST,
    }
    return render(request, "training/quiz.html", context, status=400 if error else 200)


@login_required
def quiz_result(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    course = _course(slug)
    attempt = get_object_or_404(
        Attempt, user=request.user, quiz__course=course, number=number, finished_at__isnull=False
    )
    certificate = selectors.certificate_for(user=request.user, program=course.program)
    return render(
        request,
        "training/quiz_result.html",
        {"course": course, "attempt": attempt, "certificate": certificate},
    )


@login_required
def my_certificate_pdf(request: HttpRequest) -> HttpResponse:
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


@ratelimit(key="ip", rate="30/m", block=True)
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

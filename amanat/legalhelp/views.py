from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from amanat.accounts.http import AuthenticatedHttpRequest
from amanat.core.pagination import page_of
from amanat.core.rate_limits import rate_limit

from . import selectors, services
from .forms import AnswerForm, AskForm, FollowForm, PublishForm
from .models import LegalTopic, Question

SESSION_KEY = "legal_question"


@rate_limit(key="ip", rate="10/h", method="POST")
@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    form = AskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            question, code = services.question_ask(
                asker=request.user if request.user.is_authenticated else None,
                language=request.LANGUAGE_CODE,
                **form.cleaned_data,
            )
        except services.QuestionError as failure:
            form.add_error(failure.field, failure.message)
        else:
            request.session[SESSION_KEY] = question.pk
            return render(request, "legalhelp/asked.html", {"code": code, "question": question})
    return render(request, "legalhelp/ask.html", {"form": form}, status=400 if form.errors else 200)


@rate_limit(key="ip", rate="20/m", method="POST")
def follow(request: HttpRequest) -> HttpResponse:
    form = FollowForm(request.POST or None)
    question, error = None, False
    if request.method == "POST" and form.is_valid():
        question = services.question_by_code(form.cleaned_data["code"])
        error = question is None
        if question is not None:
            request.session[SESSION_KEY] = question.pk
    elif request.session.get(SESSION_KEY):
        question = Question.objects.filter(pk=request.session[SESSION_KEY]).first()
    context = {"form": form, "question": question, "error": error}
    return render(request, "legalhelp/follow.html", context, status=400 if error else 200)


def faq(request: HttpRequest) -> HttpResponse:
    own, others = selectors.faq_by_language(get_language()[:2])
    return render(request, "legalhelp/faq.html", {"entries": own, "others": others})


@login_required
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not request.user.has_perm("legalhelp.view_queue"):
        raise PermissionDenied
    questions = selectors.queue_for(request.user)
    topic = request.GET.get("topic", "")
    if topic:
        questions = questions.filter(topic=topic)
    page = page_of(request, questions)
    rows = [(q, selectors.is_overdue(q)) for q in page]
    context = {"rows": rows, "page": page, "topic": topic, "topics": LegalTopic.choices}
    return render(request, "legalhelp/queue.html", context)


def _answered_message(question: Question) -> str:
    if question.notify_email or question.asker_id:
        return _("The answer is sent, and the person who asked is told.")
    return _("The answer is saved: the person who asked reads it with their follow-up code.")


@login_required
def answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Question, pk=pk)
    if not request.user.has_perm("legalhelp.answer_question", question):
        raise Http404  # a question one may not answer answers as if it did not exist
    action = request.POST.get("action")
    answer_form = AnswerForm(
        request.POST if action == "answer" else None, initial={"answer": question.answer}
    )
    publish_form = PublishForm(
        request.POST if action == "publish" else None,
        initial={"question_text": services.scrub(question.text), "answer_text": question.answer},
    )
    try:
        if action == "answer" and answer_form.is_valid():
            services.question_answer(
                question=question, lawyer=request.user, text=answer_form.cleaned_data["answer"]
            )
            messages.success(request, _answered_message(question))
            return redirect("legalhelp:answer", pk=pk)
        if action == "publish" and publish_form.is_valid():
            services.faq_publish(
                question=question, lawyer=request.user, **publish_form.cleaned_data
            )
            messages.success(
                request, _("Published in the FAQ, without the asker's personal details.")
            )
            return redirect("legalhelp:faq")
    except services.QuestionError as failure:
        (answer_form if action == "answer" else publish_form).add_error(None, failure.message)
    context = {
        "question": question,
        "answer_form": answer_form,
        "publish_form": publish_form,
        "overdue": selectors.is_overdue(question),
    }
    return render(request, "legalhelp/answer.html", context)

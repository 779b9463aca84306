from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from amanat.core.rate_limits import rate_limit
from amanat.elections.models import Election
from amanat.elections.selectors import election_current, elections_public
from amanat.training.rendering import lesson_html

from . import selectors, services
from .feeds import election_ical
from .forms import ReminderForm, SearchForm
from .models import Topic


def _election(slug: str | None) -> Election:
    if slug:
        return get_object_or_404(elections_public(), slug=slug)
    election = election_current()
    if election is None:
        raise Http404
    return election


def _no_election(request: HttpRequest) -> HttpResponse:
    return render(request, "voterinfo/no_election.html", status=200)


def calendar(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    if slug is None and election_current() is None:
        return _no_election(request)
    election = _election(slug)
    context = {
        "election": election,
        "calendar": selectors.calendar_view(election=election, at=timezone.now()),
        "form": ReminderForm(),
        "subscribed": request.GET.get("subscribed") == "1",
    }
    return render(request, "voterinfo/calendar.html", context)


def calendar_ics(request: HttpRequest, slug: str) -> HttpResponse:
    election = _election(slug)
    response = HttpResponse(election_ical(election), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{election.slug}.ics"'
    return response


@rate_limit(key="ip", rate="10/h")
@require_POST
def subscribe(request: HttpRequest, slug: str) -> HttpResponse:
    election = _election(slug)
    form = ReminderForm(request.POST)
    if form.is_valid():
        services.reminder_subscribe(
            email=form.cleaned_data["email"],
            election=election,
            language=request.LANGUAGE_CODE,
        )
        return redirect(f"{request.path.rsplit('subscribe/', 1)[0]}?subscribed=1")
    context = {
        "election": election,
        "calendar": selectors.calendar_view(election=election, at=timezone.now()),
        "form": form,
    }
    return render(request, "voterinfo/calendar.html", context, status=400)


def unsubscribe(request: HttpRequest, token) -> HttpResponse:
    subscription = services.reminder_unsubscribe(token=token)
    if subscription is None:
        raise Http404
    return render(request, "voterinfo/unsubscribed.html", {"subscription": subscription})


def guides(request: HttpRequest) -> HttpResponse:
    return render(request, "voterinfo/guides.html", {"guides": selectors.guides_published()})


def guide(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(selectors.guides_published(), slug=slug)
    return render(request, "voterinfo/guide.html", {"guide": item, "body": lesson_html(item.body)})


def search(request: HttpRequest) -> HttpResponse:
    """Guides found here; the lawyers' answers beside them come from legal help's own
    template tag (legalhelp_faq), so the two apps do not import each other."""
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    context = {"form": form, "query": query, "guides": selectors.guides_search(query)}
    return render(request, "voterinfo/search.html", context)


def candidates(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    if slug is None and election_current() is None:
        return _no_election(request)
    election = _election(slug)
    contests = election.contests.prefetch_related(
        "options__candidate__party", "options__party", "options__positions"
    )
    rows = []
    for contest in contests:
        options = [o for o in contest.options.all() if o.kind in ("candidate", "party")]
        table = [
            (
                label,
                [next((p for p in o.positions.all() if p.topic == code), None) for o in options],
            )
            for code, label in Topic.choices
        ]
        rows.append({"contest": contest, "options": options, "table": table})
    return render(request, "voterinfo/candidates.html", {"election": election, "contests": rows})


def candidate(request: HttpRequest, pk: int) -> HttpResponse:
    from amanat.elections.models import Candidate

    person = get_object_or_404(Candidate, pk=pk)
    context = {
        "candidate": person,
        "programme": lesson_html(person.programme),
        "biography": lesson_html(person.biography),
    }
    return render(request, "voterinfo/candidate.html", context)

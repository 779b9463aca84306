"""Reads of online events: the lists, a person's registration, the questions as the public and
the moderators see them, the hall's screen, the statistics by audience group and the
iCalendar file."""

from dataclasses import dataclass
from datetime import UTC

from django.conf import settings
from django.db.models import Case, Count, Q, QuerySet, Sum, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from amanat.accounts.roles import Role

from .models_events import Event, LiveQuestion, QuestionLike, Registration
from .posts import Visibility

State = LiveQuestion.State
# The statistics' row of anonymous questions (no role is named so).
ANONYMOUS = "~anonymous"
ORDERS = {"likes": ["-likes", "-created_at", "-pk"], "new": ["-created_at", "-pk"]}


def _search(events: QuerySet[Event], query: str) -> QuerySet[Event]:
    query = query.strip()[:100]
    if not query:
        return events
    match = Q()
    for code in ("kk", "ru", "en"):
        match |= Q(**{f"title_{code}__icontains": query})
        match |= Q(**{f"description_{code}__icontains": query})
    return events.filter(match)


def events_upcoming(query: str = "") -> QuerySet[Event]:
    """Running and future events, the soonest first."""
    rows = Event.objects.filter(ends_at__gt=timezone.now()).order_by("starts_at", "pk")
    return _search(rows.select_related("election", "region"), query)


def events_past(query: str = "") -> QuerySet[Event]:
    rows = Event.objects.filter(ends_at__lte=timezone.now()).order_by("-starts_at", "-pk")
    return _search(rows.select_related("election", "region"), query)


def registration_of(event: Event, user) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Registration.objects.filter(event=event, user=user).first()


def places(event: Event) -> dict[str, int]:
    counts = Registration.objects.filter(event=event).aggregate(
        registered=Count("pk", filter=Q(status=Registration.Status.REGISTERED)),
        waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
    )
    return counts | {"free": max(event.capacity - counts["registered"], 0)}


def questions_for(event: Event, *, order: str, moderator: bool) -> QuerySet[LiveQuestion]:
    """Public: shown questions, not hidden, the live one first. Moderators: every question,
    with its marks (hidden, reported) on the page."""
    rows = LiveQuestion.objects.filter(event=event).select_related("author")
    if not moderator:
        rows = rows.filter(visibility=Visibility.VISIBLE).exclude(state=State.HIDDEN)
    is_live = Case(When(state=State.LIVE, then=Value(1)), default=Value(0))
    return rows.alias(is_live=is_live).order_by("-is_live", *ORDERS[order])


def liked_by(user, questions) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    ids = [q.pk for q in questions]
    return set(
        QuestionLike.objects.filter(user=user, question_id__in=ids).values_list(
            "question_id", flat=True
        )
    )


def screen(event: Event) -> dict:
    """What the hall sees: the live question and the shortlisted ones, most liked first."""
    shown = LiveQuestion.objects.filter(event=event, visibility=Visibility.VISIBLE)
    return {
        "live": shown.filter(state=State.LIVE).order_by("-state_changed_at", "-pk").first(),
        "shortlisted": list(shown.filter(state=State.SHORTLISTED).order_by(*ORDERS["likes"])[:6]),
    }


@dataclass(frozen=True)
class AudienceRow:
    group: str
    questions: int
    likes_received: int
    likes_given: int
    share: int  # of all questions, per cent (the bar's width)


def audience_stats(event: Event) -> list[AudienceRow]:
    """Questions, the likes they received, and likes given, by audience group (the role a
    person had when they asked or liked); anonymous questions and their likes in a row of
    their own. Counts only; hidden and removed questions left out."""
    counted = LiveQuestion.objects.filter(event=event, visibility=Visibility.VISIBLE).exclude(
        state=State.HIDDEN
    )
    # An anonymous question is counted in a row of its own: under the asker's role it could
    # tell who asked (the only journalist in the hall).
    asked: dict[str, tuple[int, int]] = {
        row["audience"]: (row["n"], row["likes_sum"] or 0)
        for row in counted.filter(anonymous=False)
        .values("audience")
        .annotate(n=Count("pk"), likes_sum=Sum("likes"))
    }
    unnamed = counted.filter(anonymous=True).aggregate(n=Count("pk"), likes_sum=Sum("likes"))
    if unnamed["n"]:
        asked[ANONYMOUS] = (unnamed["n"], unnamed["likes_sum"] or 0)
    given: dict[str, int] = dict(
        QuestionLike.objects.filter(question__in=counted)
        .values("audience")
        .annotate(n=Count("pk"))
        .values_list("audience", "n")
    )
    total = sum(n for n, _likes in asked.values()) or 1
    labels = dict(Role.choices) | {ANONYMOUS: _("Anonymous")}
    rows = []
    # Most questions first, then most liked; the code breaks ties, so the order never wobbles.
    order = sorted(set(asked) | set(given), key=lambda g: (*(-n for n in asked.get(g, (0, 0))), g))
    for group in order:
        questions, likes = asked.get(group, (0, 0))
        rows.append(
            AudienceRow(
                group=str(labels.get(group, group)),
                questions=questions,
                likes_received=likes,
                likes_given=given.get(group, 0),
                share=round(100 * questions / total),
            )
        )
    return rows


def event_ical(event: Event, *, url: str) -> bytes:
    """One VEVENT in UTC (RFC 5545 form 2, the "Z" times); icalendar escapes the text (commas,
    semicolons, backslashes, newlines) and folds lines at 75 octets."""
    calendar = Calendar()
    calendar.add("prodid", "-//Amanat//Dialogue events//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    item = CalendarEvent()
    host = settings.AMANAT_BASE_URL.split("//")[-1].split("/")[0].split(":")[0]
    item.add("uid", f"dialogue-event-{event.pk}@{host}")
    item.add("dtstamp", timezone.now().astimezone(UTC))
    item.add("dtstart", event.starts_at.astimezone(UTC))
    item.add("dtend", event.ends_at.astimezone(UTC))
    item.add("summary", event.title)
    if event.description:
        item.add("description", event.description)
    # The file is public: the join link (online_url) is for registered people only, on the
    # event's page, which the URL points to.
    item.add("url", url)
    calendar.add_component(item)
    return calendar.to_ical()

"""Reminders to candidates' teams: once a week at most, each team member is e-mailed the
mandates addressed to their candidate (answers.addressed_to: the whole election's, or their
district's contest) that have no current answer, with links."""

import functools
from datetime import timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from amanat.accounts.roles import Role
from amanat.notifications.senders import Message, absolute_url
from amanat.notifications.services import message_send

from .answers import addressed_to
from .models import Answer, Mandate, TeamMember
from .selectors import elections_not_over

EVERY = timedelta(days=7)
LISTED = 20  # mandates named in one digest; the rest are counted


def unanswered(candidate) -> list[Mandate]:
    """Addressed, unanswered mandates of elections not over yet: a past election's are
    closed, and a reminder of them would ask for answers that can no longer matter."""
    answered = Answer.objects.filter(candidate=candidate, is_current=True).values("mandate")
    rows = (
        addressed_to(candidate).filter(election__in=elections_not_over()).exclude(pk__in=answered)
    )
    return list(rows.order_by("created_at", "pk"))


def _digest(mandates: list[Mandate], candidate) -> Message:
    lines = [f"{m.pk}. {m.title}\n{absolute_url(reverse('mandates:detail', args=[m.pk]))}"
             for m in mandates[:LISTED]]  # fmt: skip
    if len(mandates) > LISTED:
        lines.append(_("… and %(count)s more.") % {"count": len(mandates) - LISTED})
    intro = _("Mandates addressed to %(candidate)s that have no answer yet: %(count)s.") % {
        "candidate": candidate.full_name,
        "count": len(mandates),
    }
    return Message(
        kind="mandates.reminder",
        subject=_("Unanswered mandates: %(count)s") % {"count": len(mandates)},
        body="\n\n".join([intro, *lines]),
        url=reverse("mandates:list"),
    )


def reminders_send() -> int:
    """Send the due digests; returns how many team members were reminded. A member is claimed
    by one conditional update (reminded_at older than a week), so two runs at once, or a
    retried task, remind nobody twice."""
    now = timezone.now()
    due = Q(reminded_at__isnull=True) | Q(reminded_at__lte=now - EVERY)
    members = TeamMember.objects.filter(due, user__is_active=True, user__role=Role.CANDIDATE_TEAM)
    sent = 0
    for member in members.select_related("user", "candidate"):
        mandates = unanswered(member.candidate)
        if not mandates:
            continue
        claimed = TeamMember.objects.filter(due, pk=member.pk).update(reminded_at=now)
        if not claimed:
            continue
        message_send(
            users=[member.user], channels=("inbox", "email"),
            message=functools.partial(_digest, mandates, member.candidate),
            key=f"mandates-reminder:{member.pk}:{now:%Y%m%dT%H%M%S%f}",
        )  # fmt: skip
        sent += 1
    return sent

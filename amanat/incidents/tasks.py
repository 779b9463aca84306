"""Overdue checks, run by `amanat beat`: the people responsible hear of each missed time once."""

from functools import partial

from celery import shared_task
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.notifications.senders import Message
from amanat.notifications.services import message_send

from .case_response import referrals_overdue, reports_overdue
from .models import Referral, Report
from .open_data import open_data_build


def _coordinators_by_region(region_ids: set[int]) -> dict[int, list[User]]:
    """The active coordinators of each of these regions, in one query."""
    links = User.regions.through.objects.filter(
        region_id__in=region_ids, user__is_active=True, user__role=Role.COORDINATOR
    ).select_related("user")
    found: dict[int, list[User]] = {}
    for link in links:
        found.setdefault(link.region_id, []).append(link.user)
    return found


def _responsible(report: Report, coordinators: dict[int, list[User]]) -> list[User]:
    """The assignee, and the region's coordinators above them (the escalation)."""
    people = list(coordinators.get(report.region_id, []))
    if report.assigned_to is not None and report.assigned_to.is_active:
        people.append(report.assigned_to)
    return list({person.pk: person for person in people}.values())


def _report_message(report: Report) -> Message:
    when = formats.date_format(timezone.localtime(report.respond_by), "DATETIME_FORMAT")
    return Message(
        kind="incident_overdue",
        subject=_("Report #%(number)s is overdue") % {"number": report.pk},
        body=_("It was to be acted on by %(time)s and is still waiting.") % {"time": when},
        url=reverse("incidents:moderation_detail", args=[report.pk]),
    )


def _referral_message(referral: Referral) -> Message:
    due = formats.date_format(referral.deadline, "DATE_FORMAT")
    return Message(
        kind="referral_overdue",
        subject=_("No answer to the complaint on report #%(number)s")
        % {"number": referral.report_id},
        body=_("%(body)s had to answer by %(date)s. Record the answer if it came, or escalate.")
        % {"body": referral.get_body_display(), "date": due},
        url=reverse("incidents:moderation_detail", args=[referral.report_id]),
    )


@shared_task(name="incidents.overdue_check")
def overdue_check() -> int:
    """Tell the responsible people of every report past its response time and every complaint
    past its legal deadline; the key names the deadline, so a run repeats nobody's message
    (a new deadline is a new occasion). Returns the deliveries planned."""
    planned = 0
    reports = list(reports_overdue().select_related("assigned_to"))
    referrals = list(referrals_overdue().select_related("report__assigned_to"))
    regions = {r.region_id for r in reports} | {r.report.region_id for r in referrals}
    coordinators = _coordinators_by_region(regions) if regions else {}
    for report in reports:
        planned += len(
            message_send(
                users=_responsible(report, coordinators),
                message=partial(_report_message, report),
                key=f"overdue:report:{report.pk}:{report.respond_by:%Y%m%d%H%M}",
            )
        )
    for referral in referrals:
        planned += len(
            message_send(
                users=_responsible(referral.report, coordinators),
                message=partial(_referral_message, referral),
                key=f"overdue:referral:{referral.pk}:{referral.deadline:%Y%m%d}",
            )
        )
    return planned


@shared_task(name="incidents.open_data_build")
def open_data_build_task() -> str:
    """The open data files of the published incidents, after each change (open_data.py)."""
    return open_data_build()

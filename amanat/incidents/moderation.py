"""Checking reports and publishing them: statuses, credibility, the two-person rule for
sensitive reports, and revealing a reporter's identity (audit-logged)."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from amanat.audit.services import audit_record
from amanat.evidence.services import copy_path, copy_redact

from .models import PublicationApproval, Report
from .open_data import open_data_changed
from .timeline import event_add


class ModerationError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@transaction.atomic
def report_triage(
    *, report: Report, actor, status: str, credibility: str, note: str = ""
) -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    report.status, report.credibility = status, credibility
    report.save(update_fields=["status", "credibility"])
    if report.is_published:  # both are columns of the open data
        open_data_changed()
    event_add(report, "status", {"status": report.status})
    if note:
        event_add(report, "note", text=note, is_public=False)
    audit_record(action="incidents.triaged", actor=actor, obj=report,
                 data={"status": status, "credibility": credibility})  # fmt: skip
    return report


@transaction.atomic
def report_approve_publication(*, report: Report, actor, public_summary: str) -> Report:
    """Publish, or for a sensitive report record this approval and publish at the second."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.is_published:
        return report
    if report.status != Report.Status.VERIFIED:
        raise ModerationError(_("Only verified reports are published."))
    if not public_summary.strip():
        raise ModerationError(_("Write the public text first, without personal data."))
    report.public_summary = public_summary.strip()
    try:
        with transaction.atomic():
            PublicationApproval.objects.create(report=report, approver=actor)
    except IntegrityError:
        raise ModerationError(_("You have approved already: a second person must.")) from None
    needed = 2 if report.is_sensitive else 1
    if report.approvals.count() >= needed:
        report.is_published, report.published_at = True, timezone.now()
        event_add(report, "published")
        open_data_changed()
    report.save(update_fields=["public_summary", "is_published", "published_at"])
    audit_record(action="incidents.publication_approved", actor=actor, obj=report,
                 data={"published": report.is_published})  # fmt: skip
    return report


@transaction.atomic
def report_withdraw_publication(*, report: Report, actor, reason: str) -> Report:
    """Take a published report off the public list, the map and the open data at once (the
    open data's current file stops being served when this commits). Publishing it again needs
    its approvals again."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not report.is_published:
        raise ModerationError(_("The report is not published."))
    if not reason.strip():
        raise ModerationError(_("Say why the report is withdrawn."))
    report.is_published, report.published_at = False, None
    report.save(update_fields=["is_published", "published_at"])
    report.approvals.all().delete()
    event_add(report, "withdrawn")
    event_add(report, "note", text=reason.strip(), is_public=False)
    open_data_changed()
    audit_record(action="incidents.publication_withdrawn", actor=actor, obj=report,
                 data={"reason": reason.strip()})  # fmt: skip
    return report


def report_reveal_identity(*, report: Report, actor) -> dict:
    if not actor.has_perm("incidents.reveal_identity", report):
        raise ModerationError(_("You may not see who reported."))
    audit_record(action="incidents.identity_revealed", actor=actor, obj=report)
    reporter = report.reporter
    return {
        "contact": report.contact,
        "reporter": reporter.get_username() if reporter else None,
        "phone": getattr(reporter, "phone", "") if reporter else "",
    }


@transaction.atomic
def evidence_redact(*, evidence, actor, box: tuple[float, float, float, float], mode: str):
    """Blur or crop the shown copy before publication; the original stays as it was. The
    redacted copy gets a new name, hence a new address, and the copy before it is deleted."""
    from .models import Evidence

    evidence = Evidence.objects.select_for_update().get(pk=evidence.pk)
    if not evidence.public_copy:
        raise ModerationError(_("Only photos can be redacted."))
    before = copy_path(evidence.public_copy)
    try:
        evidence.public_copy = copy_redact(
            name=before.name, public_id=evidence.public_id, box=box, mode=mode
        )
    except ValueError:
        raise ModerationError(_("Choose a region inside the picture.")) from None
    evidence.save(update_fields=["public_copy"])
    if before.name != evidence.public_copy:
        # Once committed: the unredacted copy must not stay where it could be served.
        transaction.on_commit(lambda: before.unlink(missing_ok=True))
    details = {"evidence": str(evidence.public_id), "mode": mode, "box": list(box)}
    audit_record(
        action="incidents.evidence_redacted", actor=actor, obj=evidence.report, data=details
    )
    return evidence

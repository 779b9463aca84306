"""The reconciliation table as a CSV file, built by the exports' task (amanat.evidence.exports)
for the person who asked, scoped as their reconciliation page is."""

import io
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.core.spreadsheets import csv_writer
from amanat.elections.models import Contest
from amanat.evidence.exports import Built, ExportKind, ExportRefused
from amanat.geography.models import Region
from amanat.observers.selectors import regions_visible_to

from .selectors import line_labels, protocol_contest_current, reconciliation

RECONCILIATION = "results.reconciliation"


def reconciliation_regions(user: User) -> QuerySet[Region] | None:
    """Headquarters and analysts see the country (None); coordinators only their regions."""
    if user.role in (Role.ADMIN, Role.ANALYST):
        return None
    return regions_visible_to(user)


def reconciliation_contest(contest_id: Any) -> Contest | None:
    """The contest asked for (a contest with a protocol form), or the current one."""
    if str(contest_id or "").isdigit():
        contests = Contest.objects.filter(protocol_form__isnull=False).select_related("election")
        return contests.filter(pk=int(contest_id)).first()
    return protocol_contest_current()


def reconciliation_csv(contest: Contest, regions: QuerySet[Region] | None) -> bytes:
    """Every differing line of every differing station, with a byte-order mark so that
    spreadsheet programs read the Cyrillic right; station names and labels never run as a
    formula (csv_writer)."""
    result = reconciliation(contest, regions)
    labels = line_labels(contest)
    stream = io.StringIO()
    stream.write("\ufeff")
    writer = csv_writer(stream)
    writer.writerow([_("station"), _("region"), _("line"), _("line name"), _("observer's copy"),
                     _("official"), _("difference"), _("station discrepancy")])  # fmt: skip
    for difference in result.differing:
        station = difference.station
        for key, copy, official, delta in difference.lines:
            writer.writerow([station.number, station.district.region.code, key, labels[key],
                             copy, official, delta, difference.size])  # fmt: skip
    return stream.getvalue().encode("utf-8")


def _build(user: User, params: dict[str, Any]) -> Built:
    # Checked again when built: the person may have lost the right since asking.
    if not user.is_active or not user.has_perm("results.view_reconciliation"):
        raise ExportRefused(_("You may no longer see the reconciliation."))
    contest = reconciliation_contest(params.get("contest"))
    if contest is None:
        raise ExportRefused(_("There is no contest with a results protocol to reconcile."))
    content = reconciliation_csv(contest, reconciliation_regions(user))
    return Built(content, f"reconciliation-{contest.pk}.csv", "text/csv; charset=utf-8")


def _back(params: dict[str, Any]) -> str:
    return f"{reverse('results:reconciliation')}?contest={int(params.get('contest') or 0)}"


KIND = ExportKind(
    name=RECONCILIATION,
    title=gettext_lazy("Reconciliation with official results (CSV)"),
    build=_build,
    back_url=_back,
)

"""The analysts' page: the fingerprint, distributions by region and the statistical tests, for
the official results stored here or for any file an analyst brings."""

import tempfile
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from amanat.geography.models import Region

from .analysis import TableSpec, analyse, arrays_from_table
from .forms import OfficialAnalysisForm, TableAnalysisForm
from .selectors import official_arrays, official_contest_current
from .tables import TableError


def _from_table(form: TableAnalysisForm) -> dict | None:
    data, upload = form.cleaned_data, form.cleaned_data["file"]
    spec = TableSpec(voters=data["voters"], turnout=data["turnout"], ballots=data["ballots"],
                     votes=data["votes"], region=data["region"])  # fmt: skip
    suffix = "".join(Path(upload.name).suffixes[-1:])
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
        copy.flush()
        try:
            arrays = arrays_from_table(copy.name, spec)
        except TableError as error:
            form.add_error(None, _table_error(error, upload.name))
            return None
    return analyse(arrays, min_voters=data["min_voters"])


def _table_error(error: TableError, name: str) -> str:
    """The reader's error in the page's language, naming the analyst's file, never the server's
    temporary copy."""
    if error.reason == "missing":
        columns = ", ".join(_("“%(name)s”") % {"name": column} for column in error.columns)
        return ngettext(
            "%(file)s has no column %(columns)s.", "%(file)s has no columns %(columns)s.",
            len(error.columns),
        ) % {"file": name, "columns": columns}  # fmt: skip
    return _("%(file)s cannot be read. Bring a CSV file in UTF-8, optionally as .zip or .gz.") % {
        "file": name
    }


def _bars(bands: list[int]) -> list[tuple[float, tuple[float, float]]]:
    """SVG bars for 20 bands in a 100 × 24 box: (x, (height, y))."""
    top = max(bands) or 1
    return [(i * 5, (h := round(22 * count / top, 2), 24 - h)) for i, count in enumerate(bands)]


def _with_bars(row: dict, names: dict[str, str]) -> dict:
    return {**row, "region": names.get(row["region"], row["region"]),
            "turnout_bars": _bars(row["turnout_bands"]),
            "share_bars": _bars(row["share_bands"])}  # fmt: skip


@login_required
def analyse_page(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("results.analyse"):
        raise PermissionDenied
    contest = official_contest_current()
    table_form = TableAnalysisForm(prefix="table")
    official_form = OfficialAnalysisForm(prefix="official", contest=contest)
    analysis, title = None, ""
    if request.method == "POST" and "table-voters" in request.POST:
        table_form = TableAnalysisForm(request.POST, request.FILES, prefix="table")
        if table_form.is_valid():
            analysis = _from_table(table_form)
            title = table_form.cleaned_data["file"].name
    elif request.method == "POST" and contest is not None:
        official_form = OfficialAnalysisForm(request.POST, prefix="official", contest=contest)
        if official_form.is_valid():
            position = int(official_form.cleaned_data["option"])
            analysis = analyse(official_arrays(contest, position))
            title = official_form.labels[position]
    regions = []
    if analysis:  # regions by their names in the reader's language, not their codes (KZ-10)
        names = dict(Region.objects.values_list("code", "name"))
        regions = [_with_bars(row, names) for row in analysis["regions"]]
        analysis["digits"] = [
            {**group, "group": names.get(group["group"], group["group"])}
            for group in analysis["digits"]
        ]
    context = {"table_form": table_form, "official_form": official_form, "contest": contest,
               "analysis": analysis, "title": title, "regions": regions}  # fmt: skip
    return render(request, "forensics/analyse.html", context)

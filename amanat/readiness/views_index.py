"""The direction "Readiness": what there is to see and do before election day."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _


def _url(name: str) -> str:
    """A page another part of the work may not have added yet: no link then."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def index(request: HttpRequest) -> HttpResponse:
    cards = [
        (_("Voter-list audit"), _(
            "Field teams check samples of the voter list against people, and people against "
            "the list: shares with their margins of error, per region."
        ), _url("readiness:audits")),
        (_("Check your entry in the voter list"), _(
            "Say whether your entry is correct; if it is not, get a ready application to the "
            "precinct commission."
        ), reverse("readiness:selfcheck")),
        (_("Pre-election monitoring"), _(
            "Long-term observers' visits to territorial and precinct commissions, scheduled "
            "and followed up per region."
        ), reverse("readiness:visits")),
        (_("Refusals and de-registrations of candidates"), _(
            "Decisions that kept candidates off the ballot, their legal grounds, appeals and "
            "court outcomes."
        ), reverse("readiness:refusals_public")),
        (_("Media monitoring"), _(
            "How much time and space each candidate gets in the media, and in what tone."
        ), _url("media:index")),
    ]  # fmt: skip
    return render(request, "readiness/index.html", {"cards": cards})

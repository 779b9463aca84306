"""Who an incident report says was involved, for the complaint filed from it. The report's own
text decides where it names a party (a commission member, the police, an akim, a candidate's
agent); else the category, where the category itself names one (a protocol is the precinct
commission's); else nobody is named and the complaint says nothing about it."""

import re

from amanat.legal.complaints import Who

from .models import Report

# Russian, Kazakh and English ways a report names each party; the earliest mention wins,
# since a report usually names who acted before whom they acted on.
NAMED = {
    Who.PRECINCT: (
        r"\bУИК\b", r"\bУСК\b", r"\bPEC\b",
        r"(член|председател|секретар)\w*\s+(участков\w*\s+)?(избирательн\w*\s+)?комисси",
        r"участков\w*\s+(избирательн\w*\s+)?комисси",
        r"учаскелік\s+(сайлау\s+)?комиссия", r"комиссия\s+(мүше|төраға|хатшы)",
        r"precinct\s+(election\s+)?commission", r"commission\s+(member|chair|secretary)",
    ),
    Who.TERRITORIAL: (
        r"\bТИК\b", r"\bАСК\b", r"\bTEC\b", r"территориальн\w*\s+(избирательн\w*\s+)?комисси",
        r"аумақтық\s+(сайлау\s+)?комиссия", r"territorial\s+(election\s+)?commission",
    ),
    # An officer, not "the police were called": a report often says it called them for help.
    Who.POLICE: (r"сотрудник\w*\s+полиции", r"полицейск", r"полиция\s+қызметкер",
                 r"police\s*(officer|m[ae]n)"),
    Who.OFFICIAL: (r"\bаким", r"\bәкім", r"работодател", r"\bakim\b", r"\bemployer"),
    Who.CANDIDATE: (
        r"кандидат", r"доверенн\w*\s+лиц", r"сенім\s+білдірілген", r"\bcandidate",
    ),
}  # fmt: skip
# Categories that themselves say who acted (incidents/content/taxonomy.toml).
BY_CATEGORY = {
    "protocol": Who.PRECINCT, "count_procedure": Who.PRECINCT, "voter_lists": Who.PRECINCT,
    "mobile_box": Who.PRECINCT, "observers_expelled": Who.PRECINCT,
    "higher_commissions": Who.TERRITORIAL, "admin_resource": Who.OFFICIAL,
}  # fmt: skip
# Categories whose reports name that party as the one harmed, not the one who acted.
HARMED = {"obstruct_candidates": Who.CANDIDATE}
PATTERNS = {who: re.compile("|".join(parts), re.IGNORECASE) for who, parts in NAMED.items()}


def involved_named(text: str, *, harmed: str = "") -> str:
    """The party the text names first, or "" when it names none."""
    found = [(m.start(), who) for who, rx in PATTERNS.items()
             if who != harmed and (m := rx.search(text))]  # fmt: skip
    return str(min(found)[1]) if found else ""


def report_involved(report: Report) -> str:
    text = f"{report.description}\n{report.public_summary}"
    category = report.category.code if report.category else ""
    return involved_named(text, harmed=HARMED.get(category, "")) or str(
        BY_CATEGORY.get(category, "")
    )

"""The published reports: each candidate's share of an outlet's time or space against an
equal share, net tone, official role against campaign, paid against free; and the declared
election funds against the paid coverage observed, priced from the outlets' rate cards.

Aggregates only: no monitor, no item title. Read from the first monitor's completed coding of
each item, so that a double-coded item counts once."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F, QuerySet, Sum

from amanat.elections.models import BallotOption, Candidate, Election

from .models import Appearance, FundDeclaration, Genre, MonitoringPeriod, Outlet

BAR_WIDTH = 220  # the longest bar of a chart, in the SVG's units
LABELS_WIDTH = 170  # the candidates' names to the left of the bars


def counted(election: Election | None, period: MonitoringPeriod | None) -> QuerySet[Appearance]:
    rows = Appearance.objects.filter(
        coding__coder=F("coding__item__coder"),
        coding__completed_at__isnull=False,
        coding__item__period__election=election,
    )
    return rows.filter(coding__item__period=period) if period is not None else rows


def candidates_running(election: Election | None) -> list[Candidate]:
    ids = BallotOption.objects.filter(contest__election=election, candidate__isnull=False)
    return list(Candidate.objects.filter(pk__in=ids.values("candidate")).order_by("full_name"))


@dataclass
class CandidateCoverage:
    candidate: Candidate
    amount: int = 0
    positive: int = 0
    negative: int = 0
    official: int = 0
    campaign: int = 0
    paid: int = 0
    free: int = 0
    share: float = 0.0
    bar: float = 0.0

    @property
    def net_tone(self) -> float:
        """(positive − negative) / all of the candidate's time or space, in percent."""
        return 100.0 * (self.positive - self.negative) / self.amount if self.amount else 0.0


@dataclass
class OutletCoverage:
    outlet: Outlet
    rows: list[CandidateCoverage] = field(default_factory=list)
    total: int = 0
    equal: float = 0.0
    equal_x: float = 0.0

    @property
    def chart_height(self) -> int:
        return 24 * len(self.rows) + 8

    @property
    def chart(self) -> list[tuple[str, int, int, float]]:
        """One bar per candidate: (name, baseline of the name, top of the bar, bar length)."""
        return [(r.candidate.full_name, 24 * i + 20, 24 * i + 6, r.bar)
                for i, r in enumerate(self.rows)]  # fmt: skip

    @property
    def equal_line(self) -> float:
        return LABELS_WIDTH + self.equal_x


def coverage(election: Election | None, period: MonitoringPeriod | None) -> list[OutletCoverage]:
    running = candidates_running(election)
    by_outlet: dict[int, dict[int, CandidateCoverage]] = defaultdict(dict)
    outlets: dict[int, Outlet] = {}
    people = {c.pk: c for c in running}
    rows = counted(election, period).filter(subject_kind=Appearance.SubjectKind.CANDIDATE)
    for a in rows.select_related("coding__item__outlet", "candidate"):
        outlet = a.coding.item.outlet
        outlets[outlet.pk] = outlet
        assert a.candidate is not None  # noqa: S101 - a candidate subject names one
        people.setdefault(a.candidate.pk, a.candidate)
        row = by_outlet[outlet.pk].setdefault(a.candidate.pk, CandidateCoverage(a.candidate))
        row.amount += a.amount
        row.positive += a.amount if a.tone > 0 else 0
        row.negative += a.amount if a.tone < 0 else 0
        row.official += a.amount if a.role == Appearance.Role.OFFICIAL else 0
        row.campaign += a.amount if a.role == Appearance.Role.CANDIDATE else 0
        row.paid += a.amount if a.coding.genre == Genre.PAID else 0
        row.free += a.amount if a.coding.genre == Genre.FREE else 0
    result = []
    for pk, outlet in sorted(outlets.items(), key=lambda pair: pair[1].name):
        found = by_outlet[pk]
        report = OutletCoverage(outlet=outlet)
        report.rows = [found.get(c, CandidateCoverage(people[c])) for c in _order(people, found)]
        report.total = sum(r.amount for r in report.rows)
        report.equal = 100.0 / len(report.rows)
        for r in report.rows:
            r.share = 100.0 * r.amount / report.total if report.total else 0.0
        top = max([report.equal, *(r.share for r in report.rows)])
        for r in report.rows:
            r.bar = round(BAR_WIDTH * r.share / top, 1)
        report.equal_x = round(BAR_WIDTH * report.equal / top, 1)
        result.append(report)
    return result


def _order(people: dict[int, Candidate], found: dict[int, CandidateCoverage]) -> list[int]:
    return sorted(people, key=lambda pk: (-found[pk].amount if pk in found else 0,
                                          people[pk].full_name))  # fmt: skip


@dataclass(frozen=True)
class FundRow:
    candidate: Candidate
    declared: Decimal
    observed: Decimal

    @property
    def exceeded(self) -> bool:
        return self.observed > self.declared


def finance(election: Election | None, period: MonitoringPeriod | None = None) -> list[FundRow]:
    """Each candidate's declared fund beside the observed paid coverage at rate-card prices;
    `exceeded` when observed spending is above the declared fund."""
    declared: dict[int, Decimal] = defaultdict(Decimal)
    people: dict[int, Candidate] = {c.pk: c for c in candidates_running(election)}
    sums = (
        FundDeclaration.objects.filter(election=election)
        .values("candidate")
        .annotate(total=Sum("amount"))
    )
    for row in sums:
        declared[row["candidate"]] = row["total"]
    observed: dict[int, Decimal] = defaultdict(Decimal)
    paid = counted(election, period).filter(
        subject_kind=Appearance.SubjectKind.CANDIDATE, coding__genre=Genre.PAID
    )
    for a in paid.select_related("coding__item__outlet", "candidate"):
        assert a.candidate is not None  # noqa: S101 - a candidate subject names one
        people.setdefault(a.candidate.pk, a.candidate)
        observed[a.candidate.pk] += a.coding.item.outlet.price(a.amount)
    missing = set(declared) - set(people)
    people.update({c.pk: c for c in Candidate.objects.filter(pk__in=missing)})
    rows = [
        FundRow(candidate=c, declared=declared[pk], observed=observed[pk].quantize(Decimal("1")))
        for pk, c in people.items()
    ]
    return sorted(rows, key=lambda r: (not r.exceeded, r.candidate.full_name))

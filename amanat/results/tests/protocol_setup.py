"""A contest with two candidates and "against all", and protocol figures that balance (and
one line off)."""

from amanat.elections.models import BallotOption, Candidate, Contest

# A voters, B received, C issued, D cancelled, E lost, F found, G invalid, H valid, J K M votes
GOOD = {"A": 1000, "B": 900, "C": 600, "D": 300, "E": 0, "F": 598, "G": 8, "H": 590,
        "J": 400, "K": 150, "M": 40}  # fmt: skip
RECEIVED_OFF = {**GOOD, "D": 290}  # received 900 ≠ 600 + 290 + 0


def contest_create(election) -> Contest:
    contest = Contest.objects.create(
        election=election, code="president", kind=Contest.Kind.NATIONAL,
        name_kk="Президент", name_ru="Президент", name_en="President",
    )  # fmt: skip
    for position, name in enumerate(["Айгүл Сейітова", "Нұрлан Әбенов"], start=1):
        candidate = Candidate.objects.create(full_name=name)
        BallotOption.objects.create(
            contest=contest, position=position, kind=BallotOption.Kind.CANDIDATE,
            candidate=candidate,
        )  # fmt: skip
    BallotOption.objects.create(
        contest=contest, position=3, kind=BallotOption.Kind.AGAINST_ALL,
        label_kk="Барлығына қарсы", label_ru="Против всех", label_en="Against all",
    )  # fmt: skip
    return contest

"""The field forms of the voter-list audit go through the form engine (every channel); each
stored report of them is written here as an outcome, in the transaction that stores it."""

from typing import Any

from .services import list_outcome_record, people_check_record


def on_name_report(sender: str, **kwargs: Any) -> None:
    list_outcome_record(
        submission_id=kwargs["submission_id"], election_id=kwargs["election_id"],
        station_id=kwargs["station_id"], answers=kwargs["answers"],
    )  # fmt: skip


def on_person_report(sender: str, **kwargs: Any) -> None:
    people_check_record(
        submission_id=kwargs["submission_id"], election_id=kwargs["election_id"],
        station_id=kwargs["station_id"], answers=kwargs["answers"],
    )  # fmt: skip

"""The stored opinion map of a conversation: its votes read from the database, analysed by
amanat.dialogue.opinion, saved with the previous groups' ids kept."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from amanat.accounts.models import User
from amanat.accounts.roles import Role

from .models import Analysis, Conversation, Statement, Vote
from .opinion import analyse, vote_matrix


def analysis_compute(conversation: Conversation) -> Analysis:
    """Recompute and store the map. Runs in the background task only."""
    Analysis.objects.get_or_create(conversation=conversation)
    # Votes arriving from now on ask for another run.
    Analysis.objects.filter(conversation=conversation).update(requested_at=None)
    previous = Analysis.objects.get(conversation=conversation).result or {}
    rows = list(
        Vote.objects.filter(conversation=conversation).values_list(
            "participant_id", "statement_id", "value", "voted_at"
        )
    )
    statements = Statement.objects.filter(conversation=conversation)
    shown = list(statements.filter(status=Statement.Status.ACCEPTED).values_list("pk", flat=True))
    out = statements.exclude(status=Statement.Status.ACCEPTED).values_list("pk", flat=True)
    votes = vote_matrix(
        [r[0] for r in rows],
        [r[1] for r in rows],
        [r[2] for r in rows],
        [r[3].timestamp() for r in rows],
        also_statements=shown,
    )
    groups = {g["id"]: g["members"] for g in previous.get("groups", [])}
    result: dict[str, Any] = analyse(votes, moderated_out=list(out), previous_groups=groups)
    result["candidates"] = list(
        User.objects.filter(pk__in=votes.participants, role=Role.CANDIDATE_TEAM)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    with transaction.atomic():
        analysis = Analysis.objects.select_for_update().get(conversation=conversation)
        analysis.result = result
        analysis.version += 1
        analysis.computed_at = timezone.now()
        analysis.save(update_fields=["result", "version", "computed_at"])
    return analysis

"""The opinion map is recomputed here, in the background, never in a request."""

from celery import shared_task

from .analysis import analysis_compute
from .models import Conversation


@shared_task(name="dialogue.analyse")
def analyse_task(conversation_id: int) -> int:
    """Recompute the conversation's map; returns the analysis' version (0: no conversation)."""
    conversation = Conversation.objects.filter(pk=conversation_id).first()
    if conversation is None:
        return 0
    return analysis_compute(conversation).version


from .tasks_events import event_reminders_task  # noqa: E402, F401 - found by Celery here

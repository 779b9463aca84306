"""Appeals past their due date, checked by `amanat beat`: each author asked once."""

from celery import shared_task

from .services_appeals import appeals_ask_overdue


@shared_task(name="mandates.appeals_ask_overdue")
def appeals_ask_overdue_task() -> int:
    return appeals_ask_overdue()

"""Background tasks of the observer network: a broadcast's and an SOS's fan-out."""

from celery import shared_task

from .services.broadcasts import broadcast_fan_out
from .services.presence import sos_fan_out


@shared_task(name="observers.broadcast_fan_out")
def broadcast_fan_out_task(broadcast_id: int) -> int:
    return broadcast_fan_out(broadcast_id=broadcast_id)


@shared_task(name="observers.sos_fan_out")
def sos_fan_out_task(alert_id: int) -> int:
    return sos_fan_out(alert_id=alert_id)

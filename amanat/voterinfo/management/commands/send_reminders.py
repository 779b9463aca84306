from django.core.management.base import BaseCommand
from django.utils import timezone

from amanat.voterinfo.services import reminders_send


class Command(BaseCommand):
    help = "E-mail reminders of election stages starting within 24 hours (run it every hour)."

    def handle(self, *args, **options):
        sent = reminders_send(now=timezone.now())
        self.stdout.write(f"{sent} reminder(s) sent")

from django.core.management.base import BaseCommand

from amanat.training.loader import courses_load_all


class Command(BaseCommand):
    help = "Load the shipped training courses (observers, first-time voters); idempotent."

    def handle(self, *args, **options):
        for course in courses_load_all():
            self.stdout.write(f"{course.slug}: {course.lessons.count()} lessons")

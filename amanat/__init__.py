# The task queue's app is loaded with Django so that every `shared_task` is bound to it.
from .celery import app as celery_app

__all__ = ("celery_app",)

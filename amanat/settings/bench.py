"""Load benchmark overlay (bench/election_day.py starts gunicorn with it): the platform as in
production's shape, plus the bare INSERT endpoint that measures the ceiling. Never deployed."""

from .base import *  # noqa: F403

ROOT_URLCONF = "amanat.urls_bench"

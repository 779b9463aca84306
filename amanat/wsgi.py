import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amanat.settings.base")

application = get_wsgi_application()
# Import every view now, while the worker starts, rather than in the first request it
# serves: that request would otherwise wait seconds (scipy, openpyxl, pyxform load), and
# on election day a restarted worker's first reports would wait with it.
get_resolver().url_patterns  # noqa: B018 - the import is the point

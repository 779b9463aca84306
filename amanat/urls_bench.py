"""The production URLs plus the load benchmark's ceiling; only amanat.settings.bench uses it."""

from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from amanat.urls import handler500
from amanat.urls import urlpatterns as production_urlpatterns

__all__ = ["handler500", "urlpatterns"]


@csrf_exempt
def bench_raw_insert(request: HttpRequest) -> HttpResponse:
    """The benchmark's ceiling: one INSERT of the request body, nothing else."""
    if request.method != "POST":
        raise Http404
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_raw (body) VALUES (%s)", [request.body.decode()])
    return HttpResponse(status=201)


urlpatterns = [path("bench/raw-insert", bench_raw_insert), *production_urlpatterns]

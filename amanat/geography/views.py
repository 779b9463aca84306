from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from amanat.core.http import HtmxHttpRequest

from .selectors import region_list, stations_search

PAGE_SIZE = 20


def station_finder(request: HtmxHttpRequest) -> HttpResponse:
    """ "Where do I vote": search stations by number, street or place; live with htmx."""
    query = request.GET.get("q", "").strip()[:100]
    region_code = request.GET.get("region", "").strip()[:10]
    page = Paginator(stations_search(query=query, region_code=region_code), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context: dict[str, object] = {"page": page, "query": query, "region_code": region_code}
    if request.htmx:
        return render(request, "geography/_station_results.html", context)
    context["regions"] = region_list()
    return render(request, "geography/station_finder.html", context)

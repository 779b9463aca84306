"""The front page: the directions of the work and the elections published so far."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from amanat.core.directions import DIRECTIONS

from .selectors import elections_public


def home(request: HttpRequest) -> HttpResponse:
    context = {"directions": DIRECTIONS, "elections": elections_public()[:3]}
    return render(request, "core/home.html", context)

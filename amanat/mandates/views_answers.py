"""Pages of candidates' answers: a team answers a mandate; answer rates are public."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amanat.accounts.http import AuthenticatedHttpRequest

from .answers import MIN_ADDRESSED, AnswerRefused, answer_give, answer_rates
from .forms import AnswerForm
from .models import Mandate
from .selectors import election_default


@login_required
@require_POST
def mandate_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    mandate = get_object_or_404(Mandate.objects.open(), pk=pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The answer needs a position and at least a sentence."))
        return redirect("mandates:detail", pk=pk)
    try:
        answer_give(user=request.user, mandate=mandate, request=request, **form.cleaned_data)
    except AnswerRefused:
        raise PermissionDenied from None
    messages.success(request, _("The answer is published beside the other candidates' answers."))
    return redirect("mandates:detail", pk=pk)


def rates(request: HttpRequest) -> HttpResponse:
    election = election_default()
    context = {
        "rates": answer_rates(election),
        "election": election,
        "min_addressed": MIN_ADDRESSED,
    }
    return render(request, "mandates/rates.html", context)

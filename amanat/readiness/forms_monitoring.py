"""Scheduling a pre-election visit: the commission (a region's territorial commission, or the
precinct commission of a station by its number), the form, the observer and the due day, each
choice limited to the coordinator's regions."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from amanat.geography.models import ElectionCommission, Region
from amanat.observers.models import Observer

from .monitoring import FORMS

LEVELS = [
    (ElectionCommission.Level.TERRITORIAL.value, ElectionCommission.Level.TERRITORIAL.label),
    (ElectionCommission.Level.PRECINCT.value, ElectionCommission.Level.PRECINCT.label),
]


class ObserverChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.user.get_full_name() or obj.user.username} ({obj.region.name})"


class VisitForm(forms.Form):
    level = forms.ChoiceField(label=_("Commission"), choices=LEVELS, widget=forms.RadioSelect)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())
    station = forms.CharField(
        label=_("Polling station number (for a precinct commission)"),
        required=False,
        max_length=20,
    )
    form_code = forms.ChoiceField(label=_("Checklist"), choices=list(FORMS.items()))
    observer = ObserverChoice(
        label=_("Observer"),
        queryset=Observer.objects.none(),
        widget=forms.Select(attrs={"translate": "no"}),  # people's names
    )
    due_on = forms.DateField(label=_("Due"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        regions = Region.objects.order_by("code")
        if user.is_region_scoped:
            regions = regions.filter(pk__in=user.regions.all())
        self.fields["region"].queryset = regions  # type: ignore[attr-defined]
        self.fields["observer"].queryset = (  # type: ignore[attr-defined]
            Observer.objects.filter(region__in=regions)
            .select_related("user", "region")
            .order_by("user__last_name", "user__username")
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        region = data.get("region")
        if region is None:
            return data
        level = data.get("level")
        commissions = ElectionCommission.objects.filter(region=region, level=level)
        if level == ElectionCommission.Level.PRECINCT:
            number = (data.get("station") or "").strip()
            if not number:
                self.add_error("station", _("Give the station number of the precinct commission."))
                return data
            commissions = commissions.filter(station__number=number)
        data["commission"] = commissions.first()
        if data["commission"] is None:
            self.add_error(
                "station" if level == ElectionCommission.Level.PRECINCT else "region",
                _("There is no such commission in this region."),
            )
        return data

"""The forms of debates. Each post form carries a client token, so that sending it twice
writes one post; the language field defaults to the language of the page."""

import uuid

from django import forms
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from amanat.elections.models import Election
from amanat.geography.models import Region

from .models_debates import Side, Stance, Topic
from .posts import Language


class PostForm(forms.Form):
    client_token = forms.UUIDField(widget=forms.HiddenInput)
    language = forms.ChoiceField(label=_("Written in"), choices=Language.choices)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("client_token", uuid.uuid4())
        kwargs["initial"].setdefault("language", (get_language() or "ru")[:2])
        super().__init__(*args, **kwargs)


class DebateForm(PostForm):
    title = forms.CharField(label=_("Question to debate"), min_length=10, max_length=160)
    text = forms.CharField(
        label=_("Introduction: what is at stake, and the facts both sides agree on"),
        min_length=20,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    election = forms.ModelChoiceField(
        label=_("Election (optional)"),
        queryset=Election.objects.filter(is_published=True),
        required=False,
        empty_label="—",
    )
    region = forms.ModelChoiceField(
        label=_("Region (optional)"),
        queryset=Region.objects.order_by("name"),
        required=False,
        empty_label="—",
    )
    official = forms.BooleanField(label=_("Official debate of the organisation"), required=False)

    field_order = ["title", "text", "topic", "election", "region", "language", "official"]

    def __init__(self, *args, may_be_official: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_be_official:
            del self.fields["official"]


class ArgumentForm(PostForm):
    side = forms.ChoiceField(choices=Side.choices, widget=forms.HiddenInput)
    title = forms.CharField(label=_("Your argument in a few words"), min_length=5, max_length=120)
    text = forms.CharField(
        label=_("Explain it"),
        min_length=20,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    field_order = ["side", "title", "text", "language"]


class CommentForm(PostForm):
    stance = forms.ChoiceField(
        label=_("Your stance"),
        choices=Stance.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose your stance: for, neutral or against.")},
    )
    text = forms.CharField(
        label=_("Your comment"),
        min_length=2,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    field_order = ["stance", "text", "language"]


class ReplyForm(PostForm):
    parent = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Your reply"),
        min_length=2,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    field_order = ["parent", "text", "language"]


class CloseForm(forms.Form):
    conclusion = forms.CharField(
        label=_("Conclusion: what the debate showed, in a few sentences"),
        min_length=20,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DebateFilterForm(forms.Form):
    """The list's filters from the query string; a value that does not parse is ignored."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    election = forms.ModelChoiceField(
        label=_("Election"),
        queryset=Election.objects.filter(is_published=True),
        to_field_name="slug",
        required=False,
        empty_label="—",
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label="—",
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=[("", "—"), *Topic.choices], required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", "—"), ("open", _("Open")), ("closed", _("Closed"))],
        required=False,
    )
    order = forms.ChoiceField(
        label=_("Sort by"),
        choices=[
            ("activity", _("Recent activity")),
            ("support", pgettext_lazy("ranking", "Support")),
        ],
        required=False,
    )

    def values(self) -> dict:
        """The valid values, blank for each invalid one."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name) for name in self.fields if name not in self.errors}

"""Script injection, scanned everywhere: every text field of every model of the dialogue and
the mandates holds markup, then every page of both apps is read as an anonymous reader and as
a moderator. The markup must only ever come back escaped.

Generic on purpose: models are found with get_models() (a factory from the apps'
tests/factories*.py modules when one exists, else built from the fields), pages from the apps'
urlpatterns with their ids taken from the created rows, so models and pages added later are
scanned without touching this file. A model the builder cannot make needs a factory."""

import datetime
import importlib
import inspect
import itertools
import json
import pkgutil
import re

import factory
import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.urls import URLPattern, URLResolver, reverse
from django.utils import timezone, translation

from amanat.accounts.models import User
from amanat.accounts.roles import Role
from amanat.accounts.tests.factories import UserFactory
from amanat.dialogue.posts import is_post_model
from amanat.dialogue.tasks import analyse_task

pytestmark = pytest.mark.django_db

APPS = ("dialogue", "mandates")
PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"
SHORT = "<b onclick=x>"  # for fields shorter than the payload
RAW = (PAYLOAD, "<script>alert(1)", "<img src=x onerror", SHORT)
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def _factories() -> dict[type[models.Model], type[factory.django.DjangoModelFactory]]:
    found = {}
    for label in APPS:
        package = importlib.import_module(f"amanat.{label}.tests")
        for info in pkgutil.iter_modules(package.__path__):
            if not info.name.startswith("factories"):
                continue
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, factory.django.DjangoModelFactory) and cls._meta.model:
                    model = cls._meta.model
                    if isinstance(model, type) and not cls._meta.abstract:
                        found.setdefault(model, cls)
    return found


class Builder:
    """One saved row of any model: its factory, or every required field filled."""

    def __init__(self):
        self.factories = _factories()
        self.made: dict[type[models.Model], list[models.Model]] = {}

    def one(self, model):
        if model in self.made:
            return self.made[model][0]
        if model is User:
            row = UserFactory()
        elif model is ContentType:
            row = ContentType.objects.get_for_model(self.one(apps.get_model("dialogue.Statement")))
        elif model._meta.app_label not in APPS and model._default_manager.exists():
            return model._default_manager.first()
        elif model in self.factories:
            row = self.factories[model]()
        else:
            row = self.build(model)
        self.made.setdefault(model, []).append(row)
        return row

    def build(self, model):
        values = {}
        for field in model._meta.concrete_fields:
            if field.primary_key or (field.has_default() and not field.is_relation):
                continue
            value = self.value(model, field)
            if value is not None:
                values[field.attname if field.is_relation else field.name] = value
        with transaction.atomic():
            try:
                return model._default_manager.create(**values)
            except IntegrityError as failure:
                pytest.fail(f"{model.__name__} cannot be built from its fields: add a factory")
                raise AssertionError from failure

    def value(self, model, field):
        if field.is_relation:
            return self.one(field.related_model).pk
        if field.name == "object_id" and any(
            f.is_relation and f.related_model is ContentType for f in model._meta.concrete_fields
        ):
            return self.one(apps.get_model("dialogue.Statement")).pk
        if field.choices:
            return field.choices[0][0]
        if isinstance(field, models.DateTimeField):
            return timezone.now()
        if isinstance(field, models.DateField):
            return timezone.localdate()
        if isinstance(field, models.TimeField):
            return datetime.time(10, 0)
        if isinstance(field, models.BooleanField):
            return False
        if isinstance(field, models.IntegerField | models.FloatField | models.DecimalField):
            return 1
        if isinstance(field, models.JSONField):
            return {}
        if isinstance(field, models.CharField | models.TextField):
            return _payload(field)
        return None if field.null or field.blank else pytest.fail(f"{field} needs a factory")


def _payload(field) -> str:
    limit = field.max_length or 10_000
    return PAYLOAD if limit >= len(PAYLOAD) else SHORT[:limit]


def _text_fields(model):
    for field in model._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField) and not field.choices:
            yield field


def _poison(model) -> None:
    """Markup into every free text field of every row, one field at a time (a field bound by
    a constraint keeps its value rather than fail the scan)."""
    for field in _text_fields(model):
        try:
            with transaction.atomic():
                model._default_manager.update(**{field.name: _payload(field)})
        except IntegrityError:
            continue


def _models():
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            if not model._meta.auto_created and model._meta.managed:
                yield model


def _routes(urlconf: str, namespace: str):
    module = importlib.import_module(urlconf)
    for entry in module.urlpatterns:
        if isinstance(entry, URLResolver):  # nested includes are not used by these apps
            continue
        assert isinstance(entry, URLPattern)
        yield f"{namespace}:{entry.name}", entry.pattern.converters


def _candidates(made, name: str, converter) -> list:
    kind = type(converter).__name__
    if name == "ct":
        return sorted({ContentType.objects.get_for_model(m).pk for m in made if is_post_model(m)})
    if kind == "IntConverter":
        return sorted({row.pk for rows in made.values() for row in rows if isinstance(row.pk, int)})
    slugs = set()
    for rows in made.values():
        for row in rows:
            for field in row._meta.concrete_fields:
                if isinstance(field, models.SlugField | models.UUIDField):
                    slugs.add(str(getattr(row, field.name)))
    return sorted(slugs)


def _urls(made):
    for module, namespace in ((f"amanat.{label}.urls", label) for label in APPS):
        for name, converters in _routes(module, namespace):
            options = [[(k, v) for v in _candidates(made, k, c)] for k, c in converters.items()]
            for combination in itertools.product(*options):
                try:
                    yield name, reverse(name, kwargs=dict(combination))
                except Exception:  # noqa: S112 - a value this converter does not take
                    continue


def _api_paths():
    """GET operations of the apps' API routers (JSON), with the same ids."""
    for label in APPS:
        try:
            module = importlib.import_module(f"amanat.{label}.api")
        except ModuleNotFoundError:
            continue
        for path, view in module.router.path_operations.items():
            if any("GET" in op.methods for op in view.operations):
                yield path


@pytest.fixture
def poisoned(make_user):
    builder = Builder()
    for model in _models():
        builder.one(model)
    for model in _models():
        _poison(model)
    User.objects.update(first_name=PAYLOAD, last_name=SHORT)
    # Make what was built public where it can be: accepted, shown, approved, computed.
    apps.get_model("dialogue.Statement").objects.update(status="accepted", visibility="visible")
    apps.get_model("dialogue.VoiceApplication").objects.update(status="approved")
    for conversation in apps.get_model("dialogue.Conversation").objects.all():
        analyse_task(conversation.pk)
    return builder.made


def _assert_escaped(response, where: str) -> bool:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode(errors="replace")
    kind = response.get("Content-Type", "")
    if kind.startswith("application/json"):
        json.loads(text)  # well-formed: the payload travels as data, never as markup
    if not kind.startswith("text/html"):
        # JSON, CSV, iCalendar, PDF: data a browser never renders as a page, as long as it
        # may not guess the type.
        assert response.get("X-Content-Type-Options") == "nosniff", where
        return False
    for raw in RAW:
        assert raw not in text, f"unescaped markup in {where}"
    return ESCAPED in text


def test_markup_in_every_text_field_comes_back_escaped_on_every_page(client, make_user, poisoned):
    moderator = make_user(role=Role.MODERATOR)
    User.objects.filter(pk=moderator.pk).update(first_name=PAYLOAD)
    apps.get_model("dialogue.Warning").objects.update(user=moderator)  # their own page
    urls = list(_urls(poisoned))
    names = {name for name, _ in urls}
    assert {"dialogue:vote", "dialogue:report", "mandates:detail"} <= names
    shown_on: set[str] = set()
    for language in ("ru", "kk"):
        for who in (None, moderator):
            client.logout()
            if who:
                client.force_login(who)
            with translation.override(language):
                for name, url in _urls(poisoned):
                    for query in ({}, {"q": PAYLOAD}):
                        response = client.get(url, query)
                        if response.status_code == 200 and _assert_escaped(response, url):
                            shown_on.add(name)
    # The scan really met the markup: the pages that show each kind of text did show it.
    expected = {
        "dialogue:list", "dialogue:vote", "dialogue:report", "dialogue:moderation",
        "dialogue:voices", "dialogue:voice_queue", "dialogue:bans", "dialogue:warnings",
        "dialogue:post_report", "dialogue:post_translate", "mandates:list", "mandates:detail",
    }  # fmt: skip
    assert expected <= shown_on, expected - shown_on
    client.logout()
    for path in _api_paths():
        for value in (1, 2):
            url = "/api/v1" + re.sub(r"\{[^}]+\}", str(value), path)
            response = client.get(url, {"text": PAYLOAD})
            _assert_escaped(response, url)

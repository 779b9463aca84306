import io
from datetime import timedelta

import factory
from django.utils import timezone
from docx import Document as Docx

from amanat.accounts.tests.factories import UserFactory
from amanat.geography.models import Region
from amanat.mandates.models import Appeal, StateBody, Topic


class StateBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StateBody

    kind = StateBody.Kind.AKIMAT
    region = factory.LazyFunction(lambda: Region.objects.get(code="KZ-71"))
    name_kk = factory.Sequence(lambda n: f"Астана қаласының әкімдігі {n}")
    name_ru = factory.Sequence(lambda n: f"Акимат города Астаны {n}")
    address = "Астана, Бейбітшілік к-сі, 11"


class AppealFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appeal

    author = factory.SubFactory(UserFactory)
    body = factory.SubFactory(StateBodyFactory)
    topic = Topic.ROADS
    subject = factory.Sequence(lambda n: f"Аулалардағы жолдарды жөндеу {n}")
    text = "Аулалардағы жолдар көктемде су астында қалады, жөндеуді сұраймын."
    language = "kk"
    basis = Appeal.Basis.ADMINISTRATIVE
    applicant_name = "Асель Нұрланқызы Серікова"
    applicant_contact = "Астана, Абай даңғылы, 10-25, +7 701 555 12 34"


def filed(appeal: Appeal, *, days_ago: int, due_days_ago: int) -> Appeal:
    """Age an appeal: filed `days_ago`, due `due_days_ago` (a browser test's shortcut)."""
    today = timezone.localdate()
    appeal.filed_on = today - timedelta(days=days_ago)
    appeal.due_on = today - timedelta(days=due_days_ago)
    appeal.filed_via = Appeal.Via.E_OTINISH
    appeal.save()
    return appeal


def docx_text(data: bytes) -> str:
    """The paragraphs of a DOCX file, one a line."""
    return "\n".join(p.text for p in Docx(io.BytesIO(data)).paragraphs)

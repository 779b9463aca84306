import factory
from django.contrib.contenttypes.models import ContentType

from amanat.accounts.roles import Role
from amanat.accounts.tests.factories import UserFactory
from amanat.dialogue.models import Ban
from amanat.dialogue.models_moderation import (
    ModerationAction,
    PostTranslation,
    Reason,
    Report,
    Warning,
)
from amanat.dialogue.models_voices import Capacity, VoiceApplication

from .factories import StatementFactory


class VoiceApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VoiceApplication

    user = factory.SubFactory(UserFactory, role=Role.EXPERT)
    capacity = Capacity.EXPERT
    organisation = "Institute of Electoral Studies"
    statement = "I have studied the electoral law of Kazakhstan for ten years."
    links = "https://example.org/staff/1"


class _OnStatement(factory.django.DjangoModelFactory):
    """Something about a post: a statement unless given."""

    class Meta:
        abstract = True
        exclude = ["target"]

    target = factory.SubFactory(StatementFactory)
    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.target))
    object_id = factory.LazyAttribute(lambda o: o.target.pk)


class ReportFactory(_OnStatement):
    class Meta:
        model = Report

    reporter = factory.SubFactory(UserFactory)
    reason = Reason.SPAM
    text = "Advertising"


class PostTranslationFactory(_OnStatement):
    class Meta:
        model = PostTranslation

    author = factory.SubFactory(UserFactory)
    language = "kk"
    text = "Аударма"


class WarningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Warning

    user = factory.SubFactory(UserFactory)
    reason = Reason.ABUSE
    text = "Please keep it civil."


class BanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ban

    user = factory.SubFactory(UserFactory)
    reason = "Repeated insults"


class ModerationActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ModerationAction

    kind = ModerationAction.Kind.REMOVED
    reason = Reason.ABUSE

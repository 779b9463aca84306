import factory
from django.utils import timezone

from amanat.accounts.tests.factories import UserFactory
from amanat.dialogue.models_debates import Argument, Comment, Debate, Side, Stance, Topic


class DebateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Debate

    author = factory.SubFactory(UserFactory)
    language = "ru"
    title = factory.Sequence(lambda n: f"Should question {n} be debated?")
    text = "What is at stake, and the facts both sides accept."
    topic = Topic.COUNTING
    last_activity_at = factory.LazyFunction(timezone.now)


class ArgumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Argument

    debate = factory.SubFactory(DebateFactory)
    author = factory.SubFactory(UserFactory)
    side = Side.FOR
    title = factory.Sequence(lambda n: f"Argument {n}")
    text = "Because the facts say so, and here is why."


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    debate = factory.SubFactory(DebateFactory)
    author = factory.SubFactory(UserFactory)
    stance = Stance.NEUTRAL
    text = factory.Sequence(lambda n: f"Comment {n}")

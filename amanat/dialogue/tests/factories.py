import factory

from amanat.dialogue.models import Conversation, Statement


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    title = factory.Sequence(lambda n: f"Conversation {n}")
    description = "How should the count be watched?"


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    conversation = factory.SubFactory(ConversationFactory)
    text = factory.Sequence(lambda n: f"Statement number {n}")
    language = "ru"
    origin = Statement.Origin.SEED
    status = Statement.Status.ACCEPTED

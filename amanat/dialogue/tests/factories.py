import factory
import numpy as np

from amanat.accounts.roles import Role
from amanat.dialogue import services
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


def planted(camps, participants=240, statements=40, consensus=(0, 1, 2), seed=3, share=0.7):
    rng = np.random.default_rng(seed)
    camp = rng.integers(0, camps, participants)
    stance = rng.choice([-1, 1], (camps, statements))
    unanimous = (stance == stance[0]).all(axis=0)
    stance[0, unanimous] *= -1  # only the planted statements are shared by every camp
    stance[:, list(consensus)] = 1
    stance[:, statements - 1] = -1  # everyone disagrees with the last one
    rows = []
    for p in range(participants):
        for s in range(statements):
            if rng.random() < share:
                vote = stance[camp[p], s] if rng.random() < 0.85 else rng.choice([-1, 0, 1])
                rows.append((p, s, int(vote), int(rng.integers(0, 1000))))
    return camp, rows


def camps(make_user, size=6, statements=8):
    conversation = ConversationFactory()
    items = [StatementFactory(conversation=conversation) for _ in range(statements)]
    people = {"a": [make_user() for _ in range(size)], "b": [make_user() for _ in range(size)]}
    people["b"][0].role = Role.CANDIDATE_TEAM
    people["b"][0].save()
    for camp, users in people.items():
        for user in users:
            for i, statement in enumerate(items):
                value = 1 if i == 0 or (camp == "a") == (i % 2 == 0) else -1
                services.vote_cast(
                    conversation=conversation, statement=statement, user=user, value=value
                )
    return conversation, items, people

import factory

from amanat.accounts.tests.factories import PASSWORD, UserFactory
from amanat.geography.models import Region
from amanat.mandates.answers import answer_give
from amanat.mandates.models import Confirmation, Mandate, Support, Topic
from amanat.mandates.selectors import election_default


class ConfirmedFactory(UserFactory):
    """A citizen whose e-mail address is confirmed."""

    @factory.post_generation
    def confirmed(self, create, extracted, **kwargs):
        if create:
            Confirmation.objects.create(user=self, channel=Confirmation.Channel.EMAIL)


class MandateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mandate
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Жолдарды жөндеу {n}")
    text = "Ауылдағы жолдар көктемде су астында қалады, оларды жөндеу керек."
    topic = Topic.ROADS
    region = factory.LazyFunction(lambda: Region.objects.get(code="KZ-71"))
    election = factory.LazyFunction(election_default)  # as the form and the API default

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            self.authors.set(extracted)


class SupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Support

    mandate = factory.SubFactory(MandateFactory)
    user = factory.SubFactory(ConfirmedFactory)


def give(team, mandate, text="Біз бұл жолды 2027 жылы жөндейміз, бюджетте қаржы бар.", **kw):
    """The candidate's team answers the mandate, supporting it."""
    return answer_give(user=team, mandate=mandate, position="support", text=text, **kw)


def sign_in(page, username):
    """Sign in through the login page of a Playwright page (the live server's base URL)."""
    page.goto("/ru/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form:has(input[name=password]) button[type=submit]")
    page.wait_for_load_state()
